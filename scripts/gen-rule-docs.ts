// Generates the rule documentation from the rules' metadata and examples, so it cannot drift from
// the code (test/core/rule-docs.test.ts fails when a committed file is stale):
//   docs/rules.md          the index: every rule with its title, category, severity and fix
//   docs/rules/<id>.md     one page per rule, in the markdownlint manner: what it checks, why,
//                          an incorrect and a corrected example (scripts/rule-examples.ts)
// Diagnostics link to the rule's own page (core/src/service/diagnostics.ts).
//   node out/scripts/gen-rule-docs.js            writes them

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../core/src/rules/index';
import type { Rule, RuleCategory, Severity } from '../core/src/rules/types';
import { RULE_EXAMPLES, type NoExample, type RuleExample } from './rule-examples';

const CATEGORY: Record<RuleCategory, string> = {
  structure: '结构 Structure',
  heading: '标题编号 Headings',
  table: '表格 Tables',
  prose: '正文数字 Prose figures',
  consistency: '前后一致 Consistency',
  text: '文字 Text',
};
const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };
const GENERATED = '<!-- 本文件由 scripts/gen-rule-docs.ts 根据规则元数据生成，请勿手改。 Generated from rule metadata; do not edit. -->';

export const DOCS_DIR = path.join(__dirname, '..', '..', 'docs');
export const RULE_DOCS_PATH = path.join(DOCS_DIR, 'rules.md');
export const RULE_PAGES_DIR = path.join(DOCS_DIR, 'rules');

const sortRules = (rules: readonly Rule[]) =>
  [...rules].sort((a, b) => a.meta.category.localeCompare(b.meta.category) || a.meta.id.localeCompare(b.meta.id));

export function renderRuleDocs(rules: readonly Rule[]): string {
  const out: string[] = [
    '# 规则列表 Rules',
    '',
    GENERATED,
    '',
    '每条规则有稳定的 id，可在配置文件 `nianbao.config.json` 的 `rules` 中调整级别或关闭（`"off"`），',
    '也可在草稿中用 `<!-- nianbao-disable-next-line 规则id -->` 对下一行关闭。每条规则的说明页有错误示例和改正后的示例；',
    '编辑器中诊断的规则编号链接到该规则的说明页。',
    '',
    '| id | 标题 | 类别 | 默认级别 | 快速修复 |',
    '|---|---|---|---|---|',
  ];
  for (const { meta } of sortRules(rules)) {
    out.push(`| [${meta.id}](rules/${meta.id}.md) | ${meta.title} | ${CATEGORY[meta.category]} | ${SEVERITY[meta.defaultSeverity]} | ${meta.fixable ? '✓' : ''} |`);
  }
  return out.join('\n') + '\n';
}

/** Control characters shown as their visible symbols (U+2400…), so an example can be read. */
// eslint-disable-next-line no-control-regex -- control characters are what this makes visible
const visible = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));
const fence = (s: string) => ['```markdown', visible(s), '```'];

export function renderRulePage(rule: Rule, example: RuleExample | NoExample | undefined): string {
  const { meta } = rule;
  const out: string[] = [`# ${meta.id}`, '', GENERATED, '', `**${meta.title}** — ${meta.titleEn}`, ''];
  out.push(`- 类别：${CATEGORY[meta.category]}`, `- 默认级别：${SEVERITY[meta.defaultSeverity]}（${meta.defaultSeverity}）`, `- 快速修复：${meta.fixable ? '有' : '无'}`);
  if (meta.basis) out.push(`- 依据：${meta.basis}`);
  out.push('', meta.description);
  if (example && 'none' in example) out.push('', '## 示例 Examples', '', `（无示例）${example.none}`);
  else if (example) {
    out.push('', '## 错误示例 Incorrect', '', ...fence(example.incorrect), '', '## 改正后 Correct', '', ...fence(example.correct), '', example.note);
  }
  out.push('', `[全部规则 All rules](../rules.md)`);
  return out.join('\n') + '\n';
}

/** Every generated file, by path. */
export function ruleDocFiles(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>([[RULE_DOCS_PATH, renderRuleDocs(rules)]]);
  for (const rule of sortRules(rules)) files.set(path.join(RULE_PAGES_DIR, `${rule.meta.id}.md`), renderRulePage(rule, RULE_EXAMPLES[rule.meta.id]));
  return files;
}

if (require.main === module) {
  fs.mkdirSync(RULE_PAGES_DIR, { recursive: true });
  const files = ruleDocFiles(ALL_RULES);
  // A page of a rule that no longer exists goes too.
  for (const f of fs.readdirSync(RULE_PAGES_DIR)) if (!files.has(path.join(RULE_PAGES_DIR, f))) fs.rmSync(path.join(RULE_PAGES_DIR, f));
  for (const [file, text] of files) fs.writeFileSync(file, text);
  process.stdout.write(`wrote ${RULE_DOCS_PATH} and ${files.size - 1} pages in ${RULE_PAGES_DIR}\n`);
}
