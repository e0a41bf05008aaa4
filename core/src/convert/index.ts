// Word and web pages in, Word and a printable page out. Editor-free; loaded lazily (its own bundle,
// dist/convert.js) by the CLI and the extension only when a file is imported or exported.

export { convertFile, convertHtml, decodeHtml, CONVERTIBLE_EXTENSIONS, REFUSED_EXTENSIONS, type ConvertedFile, type SourceFormat } from './read';
export { ConvertError, LIMITS } from './container';
export { locate, describeSource } from './locate';
export type { SourceMap, LineSource, CellSource, Converted } from './markup';
export type { SourceRef } from './blocks';
export { exportHtml, renderHtmlPage, renderTable, escapeHtml } from './export-html';
export { exportDocx } from './export-docx';
export { exportModel, type ExportDocument, type ExportItem, type ExportCell } from './export-model';
