// The shape of nianbao.config.json, in zod/mini (the small build of zod: the extension bundle
// stays light). Only data is described here; nothing from the file is ever executed.
//
// {
//   "profile": "auto" | "gov-2021" | "<an id from profiles>",
//   "rules": { "part-title": "off", "fee-statement": "error" },
//   "profiles": [{
//     "id": "gov-2021-province", "name": "本省 2021 年格式", "extends": "gov-2021",
//     "parts": [{ "id": "assessment", "title": "政务公开工作考核情况", "aliases": [], "keywords": [["考核"]],
//                 "template": "…", "position": { "after": "problems" } }]
//   }],
//   "agencies": { "青禾市自然资源局": ["青禾市国土资源局"] }
// }

import * as z from 'zod/mini';

export const SEVERITY_VALUES = ['error', 'warning', 'info', 'hint', 'off'] as const;

export const ruleSettingSchema = z.enum(SEVERITY_VALUES);

const text = z.string();
const nonEmpty = z.string().check(z.minLength(1), z.maxLength(200));

// Objects strip unknown keys; load.ts reports each one as a problem and keeps the rest.
export const partEntrySchema = z.object({
  id: nonEmpty,
  title: z.optional(nonEmpty),
  aliases: z.optional(z.array(nonEmpty)),
  keywords: z.optional(z.array(z.array(nonEmpty).check(z.minLength(1)))),
  basis: z.optional(text),
  guidance: z.optional(text),
  template: z.optional(text.check(z.maxLength(20000))),
  tables: z.optional(z.array(nonEmpty)),
  subheadings: z.optional(z.array(nonEmpty)),
  optional: z.optional(z.boolean()),
  position: z.optional(z.object({ before: z.optional(nonEmpty), after: z.optional(nonEmpty) })),
});

export type PartEntry = z.infer<typeof partEntrySchema>;

/** A profile without its parts: the parts are checked one by one so that one bad part does not
 * throw away the others. */
export const profileHeadSchema = z.object({
  id: nonEmpty.check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '只能由字母、数字和 . _ - 组成')),
  name: nonEmpty,
  extends: nonEmpty,
  description: z.optional(text),
  basis: z.optional(text),
  parts: z.optional(z.array(z.unknown())),
});

export type ProfileHead = z.infer<typeof profileHeadSchema>;

export const TOP_LEVEL_KEYS = ['$schema', 'profile', 'rules', 'profiles', 'agencies'] as const;

/** Renamed agencies: the current name → the names it had before ("agencies": { "青禾市自然资源局": ["青禾市国土资源局"] }). */
export const agenciesSchema = z.record(nonEmpty, z.array(nonEmpty));

/**
 * The whole file as one schema, for the JSON Schema that editors validate nianbao.config.json with
 * (scripts/gen-config-schema.ts). The checker itself reads the file field by field (load.ts), so that
 * one bad entry keeps the rest; this schema describes the same fields. `ruleIds` and `profileIds`
 * come from the registries, so the schema lists exactly the rules and profiles there are.
 */
export function configFileSchema(ruleIds: readonly string[], profileIds: readonly string[]) {
  return z.object({
    $schema: z.optional(z.string()),
    profile: z.optional(z.union([z.enum(['auto', ...profileIds] as [string, ...string[]]), nonEmpty])),
    rules: z.optional(z.partialRecord(z.enum(ruleIds as [string, ...string[]]), ruleSettingSchema)),
    profiles: z.optional(z.array(z.extend(profileHeadSchema, { parts: z.optional(z.array(partEntrySchema)) }))),
    agencies: z.optional(agenciesSchema),
  });
}
