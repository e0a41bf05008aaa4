// The one place that turns a file on disk into the text the checker reads, through the safe reader:
// .md and .txt are decoded (decode.ts); .docx and .html are converted to markup with a source map, so findings can name the
// paragraph or cell of the original. A file that cannot be read throws an Error whose message says
// why in Chinese (a corrupt or encrypted .docx, an old .doc, a PDF), never a stack trace.

import * as path from 'node:path';
import { DRAFT_MAX_BYTES, readRegularFile } from '../../host/src/safe-read';
import { decodeText } from './decode';
import { loadConvert } from './lazy-convert';
import type { SourceMap } from '../../core/src/convert/markup';

export interface ReadReport {
  text: string;
  /** How the file was read, when a reader should know (encoding, dropped images). */
  notes: string[];
  /** A .txt read as text: flattened text (a page or Word copied out), read as such rather than as markup. */
  plainText: boolean;
  /** Set for converted files: where each markup line came from. */
  source?: { format: 'docx' | 'html'; map: SourceMap };
}

const PLAIN = new Set(['.md', '.markdown', '.txt', '.text']);

/** Reads `file` (regular files only, capped: host/src/safe-read.ts) and turns it into markup. */
export function readReport(file: string): ReadReport {
  const read = readRegularFile(file, DRAFT_MAX_BYTES);
  if (!read.ok) throw new Error(read.message);
  const bytes = read.bytes;
  const ext = path.extname(file).toLowerCase();
  if (!PLAIN.has(ext) || looksBinary(bytes)) {
    const convert = loadConvert();
    try {
      const converted = convert.convertFile(bytes, file);
      // A converted .docx/.html is markup, whatever it was named.
      if (converted) return { text: converted.text, notes: converted.notes, plainText: false, source: { format: converted.format, map: converted.map } };
    } catch (e) {
      if (e instanceof convert.ConvertError) throw new Error(e.message, { cause: e });
      throw new Error(`无法读取文件：${(e as Error).message}`, { cause: e });
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new Error(decoded.message); // bytes of no encoding: a failure of this file
  return { text: decoded.text, notes: decoded.note ? [decoded.note] : [], plainText: ext === '.txt' };
}

/** A .txt that is really a .docx, a PDF or an old .doc (renamed files are common). */
function looksBinary(bytes: Uint8Array): boolean {
  const b = bytes;
  return (b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) || (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46);
}
