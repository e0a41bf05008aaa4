// A position in the converted markup → what a reviewer finds in the original file: the paragraph or
// the table cell, with a short quote ("表2 第5行第3列「0」", "第12段「（一）主动公开情况」").

import type { Position } from '../model';
import type { SourceRef } from './blocks';
import type { SourceMap } from './markup';

export function locate(map: SourceMap, pos: Position): SourceRef | undefined {
  const line = map.lines[pos.line];
  if (!line) {
    // A finding on a blank or generated line (a missing part is reported where it belongs): the next mapped line.
    for (let l = pos.line + 1; l < map.lines.length; l++) if (map.lines[l]) return map.lines[l]!.ref;
    for (let l = pos.line - 1; l >= 0; l--) if (map.lines[l]) return map.lines[l]!.ref;
    return undefined;
  }
  if (line.cells?.length) {
    const inside = line.cells.find((c) => pos.character >= c.start && pos.character <= c.end);
    if (inside) return inside.ref;
    // Between cells (an empty cell): the nearest cell to the left, else the row.
    const left = [...line.cells].reverse().find((c) => c.end <= pos.character);
    if (left && pos.character - left.end <= 3) return line.ref;
  }
  return line.ref;
}

export function describeSource(ref: SourceRef): string {
  let where: string;
  if (ref.table !== undefined) {
    where = `表${ref.table}`;
    if (ref.row !== undefined) where += ` 第${ref.row}行`;
    if (ref.column !== undefined) where += `第${ref.column}列`;
  } else if (ref.paragraph !== undefined) where = `第${ref.paragraph}段`;
  else where = '文中';
  if (ref.fileLine !== undefined) where += `（源文件第${ref.fileLine}行）`;
  return ref.quote ? `${where}「${ref.quote}」` : where;
}
