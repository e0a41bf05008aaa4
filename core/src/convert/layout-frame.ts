// A table that lays out a page rather than holding figures: a web page's frame (side menu + content),
// also as saved to Word. Shared by the .html and the .docx reader, which measure a cell's text
// their own way.

/** More text than any cell of a statistics table holds (its longest labels and notes are far shorter). */
const LAYOUT_CELL_CHARS = 500;
/** A page frame has a few rows (header, menu and content, footer); a statistics table has many. */
const LAYOUT_MAX_ROWS = 6;

/**
 * A few rows, one cell of which holds running text (or the report's own tables) at a length no cell
 * of a statistics table reaches. `textLength` counts a cell's characters, spaces aside.
 */
export function isLayoutFrame<C>(rows: readonly (readonly C[])[], textLength: (cell: C) => number): boolean {
  return rows.length <= LAYOUT_MAX_ROWS && rows.some((cells) => cells.some((c) => textLength(c) > LAYOUT_CELL_CHARS));
}
