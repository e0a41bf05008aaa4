// Splitting a draft into lines (CRLF, LF and lone CR all count, as in LSP) and masking what a
// reader never sees: HTML comments (directives live there) and fenced code blocks. Masking keeps
// every column where it was, so positions computed on the masked text are positions in the source.

import type { Directive } from '../model';

export interface SplitText {
  lines: string[];
  eols: string[];
  lineStarts: number[];
}

export function splitLines(text: string): SplitText {
  const lines: string[] = [];
  const eols: string[] = [];
  const lineStarts: number[] = [];
  // Without a regex: no match array per line, and the line ends are three shared strings. Most
  // drafts end their lines with LF alone, found by indexOf.
  let start = 0;
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lineStarts.push(start);
      lines.push(text.slice(start, i));
      eols.push('\n');
      start = i + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      lineStarts.push(start);
      lines.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        eols.push('\r\n');
        i++;
      } else eols.push(c === 13 ? '\r' : '\n');
      start = i + 1;
    }
  }
  lineStarts.push(start);
  lines.push(text.slice(start));
  eols.push('');
  return { lines, eols, lineStarts };
}

const DIRECTIVE = /^nianbao-(profile|disable-next-line|disable-line|disable|enable)\b\s*:?\s*([\s\S]*)$/;

export interface MaskResult {
  /** Lines with comments and code blanked out by spaces, form feeds read as spaces (same length as the source lines). */
  masked: string[];
  /** Lines that were entirely inside a fenced code block. */
  inCode: boolean[];
  directives: Directive[];
}

export function maskLines(lines: string[]): MaskResult {
  const masked = new Array<string>(lines.length);
  const inCode = new Array<boolean>(lines.length).fill(false);
  const directives: Directive[] = [];
  let inComment = false;
  let fence: string | null = null;

  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln];
    if (!inComment) {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        inCode[ln] = true;
        masked[ln] = ' '.repeat(line.length);
        if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
        continue;
      }
      if (f) {
        fence = f[1];
        inCode[ln] = true;
        masked[ln] = ' '.repeat(line.length);
        continue;
      }
    }
    if (!inComment && line.indexOf('<!--') < 0) {
      // Nothing to blank: the common case. A form feed (a page break in text from a PDF, 「\f三、…」)
      // reads as a space, so the heading after it is still one.
      masked[ln] = line.indexOf('\f') < 0 ? line : line.replace(/\f/g, ' ');
      continue;
    }
    // Blank comment spans, collecting directives from comments that open and close on this line.
    let out = '';
    let i = 0;
    while (i < line.length) {
      if (inComment) {
        const close = line.indexOf('-->', i);
        const end = close < 0 ? line.length : close + 3;
        out += ' '.repeat(end - i);
        i = end;
        if (close >= 0) inComment = false;
        continue;
      }
      const open = line.indexOf('<!--', i);
      if (open < 0) {
        out += line.slice(i);
        break;
      }
      out += line.slice(i, open);
      const close = line.indexOf('-->', open + 4);
      if (close < 0) {
        inComment = true;
        out += ' '.repeat(line.length - open);
        break;
      }
      const body = line.slice(open + 4, close).trim();
      const d = DIRECTIVE.exec(body);
      if (d) {
        const kind = d[1] === 'disable' ? 'disable-file' : (d[1] as Directive['kind']);
        const args = d[2].split(/[\s,，]+/).filter(Boolean);
        directives.push({
          kind,
          args,
          line: ln,
          range: { start: { line: ln, character: open }, end: { line: ln, character: close + 3 } },
          raw: line.slice(open, close + 3),
        });
      }
      out += ' '.repeat(close + 3 - open);
      i = close + 3;
    }
    masked[ln] = out;
  }
  return { masked, inCode, directives };
}
