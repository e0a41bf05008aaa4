// Generates docs/rules.md from the rules' metadata, so the documentation cannot drift from the
// code (test/core/rule-docs.test.ts fails when the committed file is stale).
//   node out/scripts/gen-rule-docs.js            writes docs/rules.md

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../core/src/rules/index';
import type { Rule, RuleCategory, Severity } from '../core/src/rules/types';

const CATEGORY: Record<RuleCategory, string> = {
  structure: '结构 Structure',
  heading: '标题编号 Headings',
  table: '表格 Tables',
  prose: '正文数字 Prose figures',
  consistency: '前后一致 Consistency',
  text: '文字 Text',
};
const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

export function renderRuleDocs(rules: readonly Rule[]): string {
  const out: string[] = [
    '# 规则列表 Rules',
    '',
    '<!-- 本文件由 scripts/gen-rule-docs.ts 根据规则元数据生成，请勿手改。 Generated from rule metadata; do not edit. -->',
    '',
    '每条规则有稳定的 id，可在配置文件 `nianbao.config.json` 的 `rules` 中调整级别或关闭（`"off"`），',
    '也可在草稿中用 `<!-- nianbao-disable-next-line 规则id -->` 对下一行关闭。',
    '',
    '| id | 标题 | 类别 | 默认级别 | 快速修复 |',
    '|---|---|---|---|---|',
  ];
  const sorted = [...rules].sort((a, b) => a.meta.category.localeCompare(b.meta.category) || a.meta.id.localeCompare(b.meta.id));
  for (const { meta } of sorted) {
    out.push(`| [${meta.id}](#${meta.id}) | ${meta.title} | ${CATEGORY[meta.category]} | ${SEVERITY[meta.defaultSeverity]} | ${meta.fixable ? '✓' : ''} |`);
  }
  for (const { meta } of sorted) {
    out.push('', `## ${meta.id}`, '', `**${meta.title}** — ${meta.titleEn}`, '');
    out.push(`- 类别：${CATEGORY[meta.category]}`, `- 默认级别：${SEVERITY[meta.defaultSeverity]}（${meta.defaultSeverity}）`, `- 快速修复：${meta.fixable ? '有' : '无'}`);
    if (meta.basis) out.push(`- 依据：${meta.basis}`);
    out.push('', meta.description);
  }
  return out.join('\n') + '\n';
}

export const RULE_DOCS_PATH = path.join(__dirname, '..', '..', 'docs', 'rules.md');

if (require.main === module) {
  fs.writeFileSync(RULE_DOCS_PATH, renderRuleDocs(ALL_RULES));
  process.stdout.write(`wrote ${RULE_DOCS_PATH} (${ALL_RULES.length} rules)\n`);
}
