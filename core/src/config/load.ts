// Reads nianbao.config.json. Never throws: a file that is not JSON, a field of the wrong type, an
// unknown rule severity or a `__proto__` key each become a ConfigProblem naming the dotted field
// path in Chinese, and the default is kept for whatever was invalid. The file is data only:
// nothing in it is evaluated, and keys that could reach an object prototype are dropped.

import { EMPTY_CONFIG, type ConfigProblem, type ResolvedConfig, type RuleSetting } from './types';
import { agenciesSchema, partEntrySchema, profileHeadSchema, ruleSettingSchema, SEVERITY_VALUES, TOP_LEVEL_KEYS, type PartEntry, type ProfileHead } from './schema';
import { ALL_RULES } from '../rules/index';
import { BUILTIN_PROFILES, getProfile, isBuiltinProfileId } from '../profiles/index';
import { guidanceTemplate } from '../profiles/common-parts';
import type { PartSpec, Profile } from '../profiles/types';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

export function parseConfig(jsonText: string, source = 'nianbao.config.json'): ResolvedConfig {
  const body = jsonText.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ...EMPTY_CONFIG, problems: [{ path: '', message: `${source} 是空文件，已使用默认配置` }] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    const where = jsonErrorPlace(body, err);
    return {
      ...EMPTY_CONFIG,
      problems: [{ path: '', message: `${source} 不是有效的 JSON${where}（注意：不支持注释和末尾多余的逗号），已使用默认配置` }],
    };
  }
  return resolveConfig(value);
}

export function resolveConfig(value: unknown): ResolvedConfig {
  const problems: ConfigProblem[] = [];
  const clean = sanitize(value, '', problems);
  const config: ResolvedConfig = { rules: {}, extraProfiles: [], problems };
  if (!isObject(clean)) {
    problems.push({ path: '', message: `配置文件的顶层应为 JSON 对象（{ … }），实际为${kindOf(value)}，已使用默认配置` });
    return config;
  }
  for (const key of Object.keys(clean)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      problems.push({ path: key, message: `未知的配置项「${key}」，已忽略（可用：profile、rules、profiles、agencies）` });
    }
  }
  if ('profiles' in clean) config.extraProfiles = readProfiles(clean.profiles, problems);
  if ('rules' in clean) config.rules = readRules(clean.rules, problems);
  if ('profile' in clean) config.profile = readProfileChoice(clean.profile, config.extraProfiles, problems);
  if ('agencies' in clean) {
    const agencies = readAgencies(clean.agencies, problems);
    if (agencies) config.agencies = agencies;
  }
  return config;
}

// ---------------------------------------------------------------------------------------------

function readProfileChoice(value: unknown, extra: Profile[], problems: ConfigProblem[]): string | undefined {
  if (typeof value !== 'string') {
    problems.push({ path: 'profile', message: `「profile」应为字符串（"auto" 或格式 id），实际为${kindOf(value)}，已改为自动选择` });
    return undefined;
  }
  if (value === 'auto') return 'auto';
  if (getProfile(value, extra)) return value;
  const ids = [...BUILTIN_PROFILES.map((p) => p.id), ...extra.map((p) => p.id)].join('、');
  problems.push({ path: 'profile', message: `「profile」指定的格式「${value}」不存在（可用：auto、${ids}），已改为自动选择` });
  return undefined;
}

/** "agencies": { "新名称": ["旧名称", …] }; a bad entry is reported and skipped, the others kept. */
function readAgencies(value: unknown, problems: ConfigProblem[]): Record<string, string[]> | undefined {
  if (!isObject(value)) {
    problems.push({ path: 'agencies', message: `「agencies」应为对象（现名称 → 旧名称列表），实际为${kindOf(value)}，已忽略` });
    return undefined;
  }
  const out: Record<string, string[]> = {};
  for (const [name, old] of Object.entries(value)) {
    const parsed = agenciesSchema.safeParse({ [name]: old });
    if (!parsed.success) {
      problems.push({ path: `agencies.${name}`, message: `「agencies.${name}」应为非空的旧名称字符串数组，实际为 ${show(old)}，已忽略` });
      continue;
    }
    out[name] = parsed.data[name];
  }
  return out;
}

function readRules(value: unknown, problems: ConfigProblem[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (!isObject(value)) {
    problems.push({ path: 'rules', message: `「rules」应为对象（规则 id → 级别），实际为${kindOf(value)}，已忽略` });
    return out;
  }
  const known = new Set(ALL_RULES.map((r) => r.meta.id));
  for (const [id, setting] of Object.entries(value)) {
    const path = `rules.${id}`;
    const parsed = ruleSettingSchema.safeParse(setting);
    if (!parsed.success) {
      problems.push({
        path,
        message: `「${path}」的级别应为 ${SEVERITY_VALUES.map((s) => `"${s}"`).join('、')} 之一，实际为 ${show(setting)}，已忽略（沿用默认级别）`,
      });
      continue;
    }
    if (!known.has(id)) {
      problems.push({ path, message: `未知的规则 id「${id}」，这项设置已忽略（规则列表见 nianbao rules）` });
      continue;
    }
    out[id] = parsed.data;
  }
  return out;
}

function readProfiles(value: unknown, problems: ConfigProblem[]): Profile[] {
  if (!Array.isArray(value)) {
    problems.push({ path: 'profiles', message: `「profiles」应为数组（[{ id, name, extends, parts }]），实际为${kindOf(value)}，已忽略` });
    return [];
  }
  const out: Profile[] = [];
  value.forEach((entry, i) => {
    const path = `profiles.${i}`;
    const head = profileHeadSchema.safeParse(entry);
    reportUnknownKeys(entry, Object.keys(profileHeadSchema.shape), path, problems);
    if (!head.success) {
      for (const issue of head.error.issues) problems.push(issueProblem(path, issue, entry));
      problems.push({ path, message: `「${path}」无效，这个格式已忽略` });
      return;
    }
    const profile = buildProfile(head.data, path, out, problems);
    if (profile) out.push(profile);
  });
  return out;
}

function buildProfile(head: ProfileHead, path: string, earlier: Profile[], problems: ConfigProblem[]): Profile | undefined {
  if (isBuiltinProfileId(head.id) || earlier.some((p) => p.id === head.id)) {
    problems.push({ path: `${path}.id`, message: `格式 id「${head.id}」已被占用（内置格式或前面已定义），这个格式已忽略` });
    return undefined;
  }
  const base = BUILTIN_PROFILES.find((p) => p.id === head.extends);
  if (!base) {
    const ids = BUILTIN_PROFILES.map((p) => p.id).join('、');
    problems.push({ path: `${path}.extends`, message: `「${path}.extends」应为内置格式 id（${ids}），实际为 ${show(head.extends)}，这个格式已忽略` });
    return undefined;
  }
  const parts: PartSpec[] = base.parts.map((p) => ({ ...p, aliases: [...p.aliases], keywords: p.keywords.map((g) => [...g]) }));
  (head.parts ?? []).forEach((raw, j) => {
    const partPath = `${path}.parts.${j}`;
    const parsed = partEntrySchema.safeParse(raw);
    reportUnknownKeys(raw, Object.keys(partEntrySchema.shape), partPath, problems);
    if (isObject(raw)) reportUnknownKeys(raw.position, ['before', 'after'], `${partPath}.position`, problems);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(issueProblem(partPath, issue, raw));
      problems.push({ path: partPath, message: `「${partPath}」无效，这一部分已忽略` });
      return;
    }
    applyPart(parts, parsed.data, partPath, head, base, problems);
  });
  return {
    id: head.id,
    name: head.name,
    description: head.description ?? `工作区配置定义的格式，基于「${base.name}」`,
    basis: head.basis ?? base.basis,
    years: base.years,
    annualReport: base.annualReport,
    parts,
    tables: base.tables,
    keyFigures: base.keyFigures,
    foreignMarkers: base.foreignMarkers,
    headingStyle: base.headingStyle,
  };
}

function applyPart(parts: PartSpec[], entry: PartEntry, path: string, head: ProfileHead, base: Profile, problems: ConfigProblem[]): void {
  for (const id of entry.tables ?? []) {
    if (!base.tables.some((t) => t.id === id)) {
      problems.push({ path: `${path}.tables`, message: `「${path}.tables」中的表格 id「${id}」不属于「${base.name}」，已忽略` });
    }
  }
  const tables = entry.tables?.filter((id) => base.tables.some((t) => t.id === id));
  const existing = parts.findIndex((p) => p.id === entry.id);
  let part: PartSpec;
  if (existing >= 0) {
    // Override: the fields given replace the built-in ones, the rest is kept.
    const old = parts[existing];
    part = {
      ...old,
      title: entry.title ?? old.title,
      aliases: entry.aliases ?? old.aliases,
      keywords: entry.keywords ?? old.keywords,
      basis: entry.basis ?? old.basis,
      guidance: entry.guidance ?? old.guidance,
      template: entry.template ?? (entry.guidance !== undefined ? guidanceTemplate(entry.guidance) : old.template),
      tables: tables ?? old.tables,
      subheadings: entry.subheadings ?? old.subheadings,
      optional: entry.optional ?? old.optional,
    };
    parts.splice(existing, 1);
  } else {
    if (entry.title === undefined) {
      problems.push({ path: `${path}.title`, message: `新增部分「${entry.id}」缺少「title」（部分标题），这一部分已忽略` });
      return;
    }
    const guidance = entry.guidance ?? '';
    part = {
      id: entry.id,
      title: entry.title,
      aliases: entry.aliases ?? [],
      keywords: entry.keywords ?? [],
      basis: entry.basis ?? `工作区配置「${head.name}」`,
      guidance,
      template: entry.template ?? (guidance ? guidanceTemplate(guidance) : ''),
      tables,
      subheadings: entry.subheadings,
      optional: entry.optional,
    };
  }
  parts.splice(insertAt(parts, entry, path, existing, problems), 0, part);
}

function insertAt(parts: PartSpec[], entry: PartEntry, path: string, existing: number, problems: ConfigProblem[]): number {
  const pos = entry.position;
  const fallback = existing >= 0 ? existing : parts.length;
  if (!pos) return fallback;
  if (pos.before !== undefined && pos.after !== undefined) {
    problems.push({ path: `${path}.position`, message: `「${path}.position」只能写 before 或 after 其中一个，已按 after 处理` });
  }
  const ref = pos.after ?? pos.before!;
  const key = pos.after !== undefined ? 'after' : 'before';
  const at = parts.findIndex((p) => p.id === ref);
  if (at < 0) {
    const ids = parts.map((p) => p.id).join('、');
    problems.push({ path: `${path}.position.${key}`, message: `「${path}.position.${key}」引用的部分 id「${ref}」不存在（可用：${ids}），已放在原位置或末尾` });
    return fallback;
  }
  return key === 'after' ? at + 1 : at;
}

// ---------------------------------------------------------------------------------------------

function reportUnknownKeys(value: unknown, allowed: string[], path: string, problems: ConfigProblem[]): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.push({ path: join(path, key), message: `未知字段「${join(path, key)}」，已忽略（可用：${allowed.join('、')}）` });
    }
  }
}

/** A copy of the parsed JSON without keys that could reach an object prototype; each dropped key
 * is a problem at its path. */
function sanitize(value: unknown, path: string, problems: ConfigProblem[], depth = 0): unknown {
  // No real config nests deeper than a few levels; a hostile one must not overflow the stack.
  if (depth > MAX_DEPTH && (Array.isArray(value) || isObject(value))) {
    problems.push({ path, message: `「${path}」嵌套超过 ${MAX_DEPTH} 层，已忽略` });
    return undefined;
  }
  if (Array.isArray(value)) return value.map((v, i) => sanitize(v, join(path, String(i)), problems, depth + 1));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const p = join(path, key);
    if (FORBIDDEN_KEYS.has(key)) {
      problems.push({ path: p, message: `「${p}」是不允许的键名（可能篡改对象原型），已忽略` });
      continue;
    }
    out[key] = sanitize(value[key], p, problems, depth + 1);
  }
  return out;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function issueProblem(base: string, issue: Issue, input: unknown): ConfigProblem {
  const path = join(base, issue.path.map(String).join('.'));
  const actual = at(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return { path, message: `缺少必填字段「${path}」（${typeName(issue.expected)}）` };
      return { path, message: `「${path}」应为${typeName(issue.expected)}，实际为${kindOf(actual)}` };
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      return { path: keys.length === 1 ? join(path, keys[0]) : path, message: `「${path || '（顶层）'}」中有未知字段 ${keys.map((k) => `「${k}」`).join('')}` };
    }
    case 'too_small':
      return { path, message: Array.isArray(actual) ? `「${path}」不能为空数组` : `「${path}」不能为空` };
    case 'too_big':
      return { path, message: `「${path}」过长（最多 ${String(issue.maximum)} 个字符）` };
    case 'invalid_format':
      return { path, message: `「${path}」格式不对：${issue.message}，实际为 ${show(actual)}` };
    default:
      return { path, message: `「${path}」无效，实际为 ${show(actual)}` };
  }
}

function at(value: unknown, path: PropertyKey[]): unknown {
  let cur = value;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, k) ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  }
  return cur;
}

function jsonErrorPlace(text: string, err: unknown): string {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!m) return '';
  const offset = Number(m[1]);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `（第 ${before.length} 行第 ${before[before.length - 1].length + 1} 列附近）`;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值（true 或 false）',
  array: '数组',
  object: '对象',
};

function typeName(t: string | undefined): string {
  return (t && TYPE_NAMES[t]) ?? t ?? '正确的类型';
}

const KIND_NAMES: Record<string, string> = { string: '字符串', number: '数字', boolean: '布尔值', object: '对象' };

/** What a value is, for messages: 「数字 12」, 「数组」, 「null」. */
function kindOf(v: unknown): string {
  if (v === null) return ' null';
  if (Array.isArray(v)) return '数组';
  if (typeof v === 'object') return '对象';
  return KIND_NAMES[typeof v] ? `${KIND_NAMES[typeof v]} ${show(v)}` : typeof v;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 40) + '…' : s;
}

function join(a: string, b: string): string {
  return a && b ? `${a}.${b}` : a || b;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
