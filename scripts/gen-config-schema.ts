// Writes schemas/nianbao.config.schema.json, the JSON Schema VS Code validates nianbao.config.json
// with (package.json contributes.jsonValidation): completion and errors while the file is edited.
// Generated from the zod schema the checker reads the file with, plus the registries of rules and
// profiles, so it can never list a rule or a field the checker does not know. A test checks that the
// committed file is fresh.
//   node out/scripts/gen-config-schema.js          (writes the file)
//   node out/scripts/gen-config-schema.js --check  (exits 1 when the file is stale)

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import { configFileSchema } from '../core/src/config/schema';
import { ALL_RULES } from '../core/src/rules/index';
import { BUILTIN_PROFILES } from '../core/src/profiles/index';

const REPO = path.join(__dirname, '..', '..');
export const SCHEMA_FILE = path.join(REPO, 'schemas', 'nianbao.config.schema.json');

/** What each field means, shown by the editor on hover (Chinese: the users' language). */
const DESCRIPTIONS: Record<string, string> = {
  profile: '报告格式：auto（自动选择）、内置格式 id，或本文件 profiles 中定义的格式 id',
  rules: '按规则 id 设置级别（error、warning、info、hint）或 off（关闭）',
  profiles: '自定义格式：在内置格式基础上增加或修改部分',
  'profiles.id': '格式 id（字母、数字和 . _ -）',
  'profiles.name': '格式的中文名称',
  'profiles.extends': '所基于的格式 id（内置格式或前面定义的格式）',
  'profiles.parts': '增加或修改的部分（id 与所基于格式中的部分相同时为修改）',
  agencies: '更名的机关：现名称 → 曾用名称列表，跨年度检查据此把旧名称的上年报告认作同一机关的报告',
};

export function configJsonSchema(): Record<string, unknown> {
  // Draft 7: the dialect VS Code's JSON language service reads fully.
  const schema = z.toJSONSchema(
    configFileSchema(
      ALL_RULES.map((r) => r.meta.id),
      BUILTIN_PROFILES.map((p) => p.id),
    ),
    { target: 'draft-7' },
  ) as Record<string, unknown>;
  const props = schema.properties as Record<string, Record<string, unknown>>;
  for (const key of ['profile', 'rules', 'profiles', 'agencies']) props[key].description = DESCRIPTIONS[key];
  const profile = (props.profiles.items as { properties: Record<string, Record<string, unknown>> }).properties;
  for (const key of ['id', 'name', 'extends', 'parts']) profile[key].description = DESCRIPTIONS[`profiles.${key}`];
  return { ...schema, title: 'nianbao.config.json（年报助手配置）' };
}

function main(): void {
  const text = JSON.stringify(configJsonSchema(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    const now = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (now !== text) {
      process.stderr.write(`${path.relative(REPO, SCHEMA_FILE)} is stale: run node out/scripts/gen-config-schema.js\n`);
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, text);
}

if (require.main === module) main();
