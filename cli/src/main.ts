// nianbao — the command-line checker, built on the same core as the language server.
//   nianbao check <files or folders> [--format text|json|jsonl|sarif|html] [-o file] [--quiet]
//                 [--profile id] [--config file] [--lang zh|en] [--jobs n]   (docs/cli.md)
// Exit codes: 0 no errors, 1 errors found or a file could not be checked, 2 usage error.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_RULES, EMPTY_CONFIG, type ResolvedConfig } from '../../core/src/index';
import { parseConfig } from '../../core/src/config/load';
import { appliedConfigMessage, findConfigFile, readConfigFile } from '../../host/src/config-file';
import { getProfile } from '../../core/src/profiles/index';
import { refuseOutput } from './files';
import { FORMATS, type Format } from './format';
import { runCheck, shown } from './check';
import { isCheckThread, serveChecks } from './check-threads';
import { runConvert, runExport } from './convert';
import { exitQuietlyOnClosedPipe } from './output';
import { nianbaoVersion } from '../../host/src/version';
import { detectLang, LANGS, type Lang } from './locale';

const VERSION = nianbaoVersion();

const USAGE = `用法 Usage:
  nianbao check <文件或文件夹…> [选项]    检查年度报告草稿（.md / .txt / .docx / .html），详见 docs/cli.md
  nianbao convert <文件> [-o 输出]         把 .docx 或 .html 转换为年报标记文本（.nianbao.md）
  nianbao export <文件> [--format docx|html] [-o 输出]  导出为 Word 或可打印的网页
  nianbao config [--config <file>]         显示生效的配置文件及其全部问题
  nianbao rules                            列出全部规则

选项 Options:
  --format text|json|jsonl|sarif|html
                             check 的输出格式（默认 text；jsonl 每个文件一行 JSON；html 为可发送、可打印的审核汇总页）；
                             export 为 docx 或 html
  -o, --output <file>        输出文件（- 为标准输出；check 默认输出到标准输出）
  -q, --quiet                只列出错误（没有错误时不输出任何内容）
  --lang zh|en               级别和汇总用语的语言（默认中文；LANG 等为其他语言时用英文）
  --profile <id>             指定报告格式：gov-2021、gov-2019、legacy、generic 或配置中的自定义格式
  --config <file>            配置文件（默认从当前目录向上查找 nianbao.config.json）
  --previous <file>          同一机关上一年度的报告，与要检查的一个文件作跨年度核对（上年结转、现行有效件数等）
  --no-previous              不在检查的文件中查找上一年度的报告（默认按标题中的机关和年份配对）
  -j, --jobs <n>             同时检查的线程数（默认：文件较多时每个处理器核心一个，最多 4 个；1 为不用线程）
  -h, --help                 显示帮助
  -v, --version              显示版本`;

/** Config problems printed by `check` before it says how many more there are. */
const CONFIG_PROBLEMS_SHOWN = 10;

function usageError(message: string): never {
  process.stderr.write(`nianbao: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

interface LoadedConfig {
  config: ResolvedConfig;
  /** The file that applied (undefined: none found or unusable, defaults). */
  file?: string;
  /** The file looked at: --config, or the nearest nianbao.config.json. */
  candidate?: string;
}

function loadConfig(explicit: string | undefined): LoadedConfig {
  const file = explicit ?? findConfigFile(process.cwd());
  if (!file) return { config: EMPTY_CONFIG };
  const name = shown(file, process.cwd(), !explicit);
  const read = readConfigFile(file, parseConfig, name);
  // Only an explicit --config can name a file that is not there.
  if (read.status === 'missing') return { config: { ...EMPTY_CONFIG, problems: [{ path: '', message: `配置文件 ${name} 不存在，已使用默认配置` }] }, candidate: file };
  return { config: read.config, file: read.status === 'read' ? file : undefined, candidate: file };
}

function problemLine(file: string, p: ResolvedConfig['problems'][number]): string {
  // Messages about the whole file already name it.
  const where = p.path ? `${file}: 配置项 ${p.path}：` : p.message.startsWith(file) ? '' : `${file}: `;
  return `${where}${p.message}\n`;
}

/** Which config applied and what was wrong with it, on stderr (a config can silently turn rules off). */
function announceConfig({ config, file, candidate }: LoadedConfig, explicit: string | undefined): void {
  const name = shown(candidate ?? 'nianbao.config.json', process.cwd(), !explicit);
  if (file) process.stderr.write(`nianbao: ${appliedConfigMessage(name, config)}
`);
  const problems = config.problems;
  for (const p of problems.slice(0, CONFIG_PROBLEMS_SHOWN)) process.stderr.write(problemLine(name, p));
  if (problems.length > CONFIG_PROBLEMS_SHOWN) {
    process.stderr.write(`${name}: 共 ${problems.length} 个配置问题，以上只列出前 ${CONFIG_PROBLEMS_SHOWN} 个；运行 nianbao config${explicit ? ` --config ${name}` : ''} 查看全部\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        profile: { type: 'string' },
        config: { type: 'string' },
        previous: { type: 'string' },
        'no-previous': { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        output: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q' },
        lang: { type: 'string' },
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
  if (command === 'config') {
    const loaded = loadConfig(values.config);
    if (!loaded.candidate) {
      process.stdout.write('没有找到 nianbao.config.json（当前目录及其上级目录），使用默认配置\n');
      return 0;
    }
    const name = shown(loaded.candidate, process.cwd(), !values.config);
    process.stdout.write(`配置文件：${path.resolve(loaded.candidate)}${loaded.file ? '' : '（未能使用，已使用默认配置）'}\n`);
    for (const p of loaded.config.problems) process.stdout.write(problemLine(name, p));
    process.stdout.write(loaded.config.problems.length ? `共 ${loaded.config.problems.length} 个问题\n` : '没有问题\n');
    return loaded.config.problems.length ? 1 : 0;
  }
  if (command !== 'check') usageError(command ? `未知命令「${command}」` : '缺少命令');
  if (!targets.length) usageError('请给出要检查的文件或文件夹');
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) usageError(`未知输出格式「${format}」`);
  if (values.lang !== undefined && !LANGS.includes(values.lang as Lang)) usageError(`未知语言「${values.lang}」（可用 zh 或 en）`);

  const refused = values.output && values.output !== '-' ? refuseOutput(values.output, targets, process.cwd()) : undefined;
  if (refused) usageError(refused);

  if (values.previous !== undefined) {
    if (values['no-previous']) usageError('--previous 与 --no-previous 不能同时使用');
    if (targets.length !== 1 || isFolder(targets[0])) usageError('--previous 只能用于检查一个文件');
    if (!isFile(values.previous)) usageError(`--previous 指定的文件「${values.previous}」不存在或不是文件`);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined && values.jobs !== 'auto') {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) usageError(`--jobs 应为 1 到 64 之间的整数或 auto，而不是「${values.jobs}」`);
  }
  const loaded = loadConfig(values.config);
  if (values.profile && !getProfile(values.profile, loaded.config.extraProfiles)) usageError(`未知报告格式「${values.profile}」`);
  announceConfig(loaded, values.config);
  return runCheck({
    targets,
    format,
    profile: values.profile,
    config: loaded.config,
    configFile: loaded.file,
    configExplicit: values.config !== undefined,
    rules: ALL_RULES,
    version: VERSION,
    cwd: process.cwd(),
    output: values.output,
    quiet: values.quiet,
    lang: (values.lang as Lang | undefined) ?? detectLang(process.env),
    previous: values.previous,
    crossYear: !values['no-previous'],
    jobs,
    // A checking thread runs this same module (the bundle, or the compiled main.js), see the end.
    threadEntry: __filename,
  });
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

if (isCheckThread()) serveChecks();
else run();

function run(): void {
  exitQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`nianbao: 内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
