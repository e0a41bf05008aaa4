// The editor settings under "nianbao", validated field by field with zod/mini: a bad value is
// reported (in Chinese) and replaced by its default, the other fields still apply.

import * as z from 'zod/mini';
import type { RuleSetting } from '../../core/src/config/types';

export interface Settings {
  /** "auto" or a profile id. */
  profile: string;
  rules: Record<string, RuleSetting>;
  detectEnabled: boolean;
  debounceMs: number;
  /** Diagnostics for report files in the workspace folders that are not open (workspace/diagnostic). */
  workspaceDiagnostics: {
    enabled: boolean;
    /** Glob of the files considered, relative to the workspace folder; only report files among them are checked. */
    include: string;
  };
}

export const DEFAULT_SETTINGS: Settings = {
  profile: 'auto',
  rules: {},
  detectEnabled: true,
  debounceMs: 150,
  workspaceDiagnostics: { enabled: true, include: '**/*' },
};

const ruleSetting = z.enum(['error', 'warning', 'info', 'hint', 'off']);
const fields = {
  profile: z.string().check(z.minLength(1)),
  rules: z.record(z.string(), ruleSetting),
  detect: z.object({ enabled: z.optional(z.boolean()) }),
  debounceMs: z.number().check(z.int(), z.gte(0), z.lte(5000)),
  workspaceDiagnostics: z.object({ enabled: z.optional(z.boolean()), include: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))) }),
};

export interface SettingsResult {
  settings: Settings;
  problems: string[];
}

export function validateSettings(raw: unknown): SettingsResult {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, workspaceDiagnostics: { ...DEFAULT_SETTINGS.workspaceDiagnostics } };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object') return { settings, problems: ['设置 nianbao 应为对象，已使用默认值。'] };
  const obj = raw as Record<string, unknown>;
  const field = <T>(name: keyof typeof fields, expected: string, apply: (v: T) => void) => {
    if (obj[name] === undefined || obj[name] === null) return;
    const r = z.safeParse(fields[name] as unknown as z.ZodMiniType<T>, obj[name]);
    if (r.success) apply(r.data);
    else problems.push(`设置 nianbao.${name} 的值 ${JSON.stringify(obj[name])} 无效（应为${expected}），已使用默认值。`);
  };
  field<string>('profile', '"auto" 或配置方案编号，如 "gov-2021"', (v) => (settings.profile = v));
  field<Record<string, RuleSetting>>('rules', '规则编号到 "error"/"warning"/"info"/"hint"/"off" 的映射', (v) => (settings.rules = v));
  field<{ enabled?: boolean }>('detect', '{ "enabled": true/false }', (v) => (settings.detectEnabled = v.enabled ?? true));
  field<number>('debounceMs', '0 到 5000 之间的整数毫秒数', (v) => (settings.debounceMs = v));
  field<{ enabled?: boolean; include?: string }>('workspaceDiagnostics', '{ "enabled": true/false, "include": "通配符，如 **/*" }', (v) => {
    settings.workspaceDiagnostics = { enabled: v.enabled ?? true, include: v.include ?? DEFAULT_SETTINGS.workspaceDiagnostics.include };
  });
  return { settings, problems };
}
