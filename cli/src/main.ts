// nianbao — the command-line checker, built on the same core as the language server.
//   nianbao check <files or folders> [--format text|json|sarif] [--profile id] [--config file]
// Exit codes: 0 no errors, 1 errors found, 2 usage error.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_RULES, check, EMPTY_CONFIG, type ResolvedConfig } from '../../core/src/index';
import { parseConfig } from '../../core/src/config/load';
import { getProfile } from '../../core/src/profiles/index';
import { collectFiles, findConfigFile } from './files';
import { formatJson, formatSarif, formatText, summarize, type FileReport } from './format';
import { readReport } from './readers';
import { runConvert, runExport } from './convert';

const VERSION = '0.1.0';

const USAGE = `用法 Usage:
  nianbao check <文件或文件夹…> [选项]    检查年度报告草稿（.md / .txt / .docx / .html）
  nianbao convert <文件> [-o 输出]         把 .docx 或 .html 转换为年报标记文本（.nianbao.md）
  nianbao export <文件> [--format docx|html] [-o 输出]  导出为 Word 或可打印的网页
  nianbao rules                            列出全部规则

选项 Options:
  --format text|json|sarif   输出格式（默认 text；export 为 docx 或 html）
  -o, --output <file>        convert / export 的输出文件（- 为标准输出）
  --profile <id>             指定报告格式：gov-2021、gov-2019、legacy、generic 或配置中的自定义格式
  --config <file>            配置文件（默认从当前目录向上查找 nianbao.config.json）
  -h, --help                 显示帮助
  -v, --version              显示版本`;

function usageError(message: string): never {
  process.stderr.write(`nianbao: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function loadConfig(file: string | undefined): ResolvedConfig {
  if (!file) return EMPTY_CONFIG;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`nianbao: 无法读取配置文件 ${file}：${(e as Error).message}；使用默认配置\n`);
    return EMPTY_CONFIG;
  }
  const config = parseConfig(text, file);
  for (const p of config.problems) process.stderr.write(`${file}: 配置项 ${p.path || '(根)'}：${p.message}\n`);
  return config;
}

function main(argv: string[]): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        profile: { type: 'string' },
        config: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    usageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const [command, ...targets] = positionals;
  if (command === 'rules') {
    for (const r of ALL_RULES) process.stdout.write(`${r.meta.id}\t${r.meta.defaultSeverity}\t${r.meta.fixable ? '可修复' : ''}\t${r.meta.title}\n`);
    return 0;
  }
  if (command === 'convert') return runConvert(targets, values);
  if (command === 'export') return runExport(targets, values);
  if (command !== 'check') usageError(command ? `未知命令「${command}」` : '缺少命令');
  if (!targets.length) usageError('请给出要检查的文件或文件夹');
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) usageError(`未知输出格式「${format}」`);

  const config = loadConfig(values.config ?? findConfigFile(process.cwd()));
  if (values.profile && !getProfile(values.profile, config.extraProfiles)) usageError(`未知报告格式「${values.profile}」`);

  const { files, missing } = collectFiles(targets);
  const reports: FileReport[] = missing.map((file) => ({ file, error: '文件或文件夹不存在或无法读取' }));
  for (const file of files) {
    try {
      const { text, notes, source } = readReport(file);
      for (const note of notes) process.stderr.write(`${file}: ${note}\n`);
      // Flattened text is read as such; a converted .docx/.html is markup, whatever it was named.
      const plainText = !source && path.extname(file).toLowerCase() === '.txt';
      reports.push({ file: path.relative(process.cwd(), file) || file, result: check(text, { profile: values.profile, config, plainText }), source });
    } catch (e) {
      // One unreadable or pathological file never stops the others.
      reports.push({ file, error: (e as Error).message });
    }
  }

  if (format === 'json') process.stdout.write(formatJson(reports) + '\n');
  else if (format === 'sarif') process.stdout.write(formatSarif(reports, ALL_RULES, VERSION) + '\n');
  else {
    const text = formatText(reports);
    if (text) process.stdout.write(text + '\n');
    process.stdout.write(summarize(reports) + '\n');
  }
  const hasErrors = reports.some((r) => r.error || r.result?.findings.some((f) => f.severity === 'error'));
  return hasErrors ? 1 : 0;
}

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
