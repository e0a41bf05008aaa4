// `nianbao convert FILE [-o OUT.nianbao.md]`: a .docx or .html → the project's markup.
// `nianbao export FILE [--format docx|html] [-o OUT]`: markup (or a .docx/.html, converted first) →
// a .docx or a printable HTML page in the layout agencies publish.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readReport } from './readers';
import { loadConvert } from './lazy-convert';

export interface ConvertOptions {
  output?: string;
  format?: string;
}

const say = (s: string) => process.stderr.write(s + '\n');

/** OUT beside FILE: 报告.docx → 报告.nianbao.md; 报告.nianbao.md → 报告.docx. */
export function defaultOutput(file: string, ext: string): string {
  const base = path.basename(file).replace(/(\.nianbao)?\.(md|markdown|txt|docx|docm|html?|xhtml)$/i, '');
  return path.join(path.dirname(file), base + ext);
}

export function runConvert(targets: string[], options: ConvertOptions): number {
  if (targets.length !== 1) return usage('convert 需要且只需要一个输入文件');
  const [file] = targets;
  let report;
  try {
    report = readReport(file);
  } catch (e) {
    say(`nianbao: ${file}：${(e as Error).message}`);
    return 1;
  }
  if (!report.source) say(`nianbao: ${file} 是纯文本，原样输出`);
  for (const n of report.notes) say(`${file}: ${n}`);
  const out = options.output ?? defaultOutput(file, '.nianbao.md');
  if (out === '-') process.stdout.write(report.text);
  else {
    fs.writeFileSync(out, report.text);
    say(`已写入 ${out}`);
  }
  return 0;
}

export async function runExport(targets: string[], options: ConvertOptions): Promise<number> {
  if (targets.length !== 1) return usage('export 需要且只需要一个输入文件');
  const [file] = targets;
  const fromOutput = options.output && /\.html?$/i.test(options.output) ? 'html' : options.output && /\.docx$/i.test(options.output) ? 'docx' : undefined;
  const format = options.format && options.format !== 'text' ? options.format : (fromOutput ?? 'docx');
  if (format !== 'docx' && format !== 'html') return usage(`export 的格式只能是 docx 或 html，不是「${format}」`);
  let text: string;
  try {
    text = readReport(file).text;
  } catch (e) {
    say(`nianbao: ${file}：${(e as Error).message}`);
    return 1;
  }
  const convert = loadConvert();
  const out = options.output ?? defaultOutput(file, format === 'docx' ? '.docx' : '.html');
  const bytes = format === 'docx' ? await convert.exportDocx(text) : Buffer.from(convert.exportHtml(text), 'utf8');
  if (out === '-') process.stdout.write(bytes);
  else {
    fs.writeFileSync(out, bytes);
    say(`已写入 ${out}`);
  }
  return 0;
}

function usage(message: string): number {
  say(`nianbao: ${message}`);
  return 2;
}
