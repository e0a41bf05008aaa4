// The language of the checker's own words on the terminal (severities, summaries). The findings'
// messages are Chinese whatever the language; only the words around them follow the locale.
//
// Chinese unless the locale clearly names another language: the users are Chinese, and a machine
// that says nothing (no LANG, or C / POSIX / C.UTF-8, as on most servers, CI runners and Windows)
// gets Chinese. `--lang zh|en` overrides the environment. The first of LC_ALL, LC_MESSAGES, LANG
// that is set decides, as POSIX programs read them.

import type { Finding } from '../../core/src/index';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (!locale) return 'zh';
  const language = locale.split(/[_.@-]/)[0].toLowerCase();
  if (language === 'zh' || language === 'c' || language === 'posix') return 'zh';
  return 'en';
}

type Counts = Record<Finding['severity'], number>;

interface Words {
  severity: Record<Finding['severity'], string>;
  /** One file's counts: "2 个错误，1 个警告". */
  counts(c: Counts): string;
  clean: string;
}

const ORDER: Finding['severity'][] = ['error', 'warning', 'info', 'hint'];

export const WORDS: Record<Lang, Words> = {
  zh: {
    severity: { error: '错误', warning: '警告', info: '提示', hint: '建议' },
    counts: (c) =>
      ORDER.filter((s) => c[s] > 0)
        .map((s) => `${c[s]} 个${WORDS.zh.severity[s]}`)
        .join('，'),
    clean: '未发现问题',
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
    counts: (c) =>
      ORDER.filter((s) => c[s] > 0)
        .map((s) => `${c[s]} ${s}${c[s] === 1 ? '' : s === 'info' ? '' : 's'}`)
        .join(', '),
    clean: 'no problems',
  },
};

export function countBySeverity(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
