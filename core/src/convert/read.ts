// One entry for every reader: bytes and a file name in, the project's markup (with its source map)
// out, or a ConvertError whose Chinese message says what the file is and what to do with it.
// Plain text (.md, .txt) is not converted: the caller decodes it as before.

import { blocksToMarkup, type Converted } from './markup';
import { ConvertError, isEncryptedOoxml, sniff } from './container';
import { readDocx } from './docx-reader';
import { readHtml } from './html-reader';

export const CONVERTIBLE_EXTENSIONS = ['.docx', '.docm', '.html', '.htm', '.xhtml'];
const PLAIN_TEXT_EXTENSIONS = ['.md', '.markdown', '.txt', '.text'];
/** Report files the checker recognises but cannot read; named so a folder check says why. */
export const REFUSED_EXTENSIONS = ['.doc', '.wps', '.pdf', '.rtf'];

export type SourceFormat = 'docx' | 'html';

export interface ConvertedFile extends Converted {
  format: SourceFormat;
}

const extOf = (name: string) => /\.[^./\\]+$/.exec(name.toLowerCase())?.[0] ?? '';

/** Converts a .docx or .html; returns undefined for plain text. Throws ConvertError. */
export function convertFile(bytes: Uint8Array, fileName: string): ConvertedFile | undefined {
  const ext = extOf(fileName);
  const kind = sniff(bytes);
  if (kind === 'ole') {
    if (isEncryptedOoxml(bytes)) throw new ConvertError('文件已加密（设有打开密码），无法读取；请在 Word 或 WPS 中取消密码后另存为 .docx');
    throw new ConvertError('这是旧版 Word（.doc）或 WPS（.wps）格式，不能直接读取；请在 Word 或 WPS 中“另存为” .docx 后再检查');
  }
  if (kind === 'pdf') throw new ConvertError('PDF 文件不能直接检查；请使用原始的 Word 文件，或把 PDF 的文字另存为 .txt');
  if (kind === 'rtf') throw new ConvertError('RTF 格式不能直接读取；请在 Word 或 WPS 中另存为 .docx');
  if (kind === 'zip') {
    const { blocks, notes } = readDocx(bytes);
    return { ...blocksToMarkup(blocks, notes), format: 'docx' };
  }
  if (ext === '.docx' || ext === '.docm') throw new ConvertError('文件不是有效的 .docx（不是 zip 格式，可能已损坏或只是改了扩展名）');
  // Markup and text files may start with a comment (a directive) and still be markup, not HTML.
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || (kind === 'html' && !PLAIN_TEXT_EXTENSIONS.includes(ext))) {
    const { blocks, notes } = readHtml(decodeHtml(bytes));
    return { ...blocksToMarkup(blocks, notes), format: 'html' };
  }
  if (REFUSED_EXTENSIONS.includes(ext)) throw new ConvertError(`不能读取 ${ext} 文件；请另存为 .docx 后再检查`);
  return undefined;
}

/** Converts HTML text already decoded (a paste's text/html: `title: false`, no title is made of it). */
export function convertHtml(html: string, options: { title?: boolean } = {}): Converted {
  const { blocks, notes } = readHtml(html, options);
  return blocksToMarkup(blocks, notes);
}

/** Bytes of a web page → text: BOM, then the page's declared charset, then UTF-8, then GB18030. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(gb2312|gbk|gb18030|x-gbk)$/.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
