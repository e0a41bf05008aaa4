// The hand-recorded verdicts of `npm run eval` (verdicts.json), checked for shape when loaded.

import * as fs from 'node:fs';

export type Verdict = 'true' | 'false' | 'noise';

export interface FindingVerdict {
  verdict: Verdict;
  /** Id of the defect (in `defects`) this finding reports, for true findings. */
  defect?: string;
  /** A name for the cause of a noise or false finding, to count findings per cause. */
  cause?: string;
  note?: string;
}

export interface DefectNote {
  id: string;
  /** What a careful reader finds, in the project's own words (never the report's sentences). */
  what: string;
  /** Known not to be found yet: the eval lists it as missed, the regression test does not require it. */
  open?: boolean;
}

export interface FileVerdicts {
  findings: Record<string, FindingVerdict>;
  defects: DefectNote[];
}

export function loadVerdicts(file: string): Record<string, FileVerdicts> {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out: Record<string, FileVerdicts> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('$')) continue;
    const v = value as Partial<FileVerdicts>;
    const findings = v.findings ?? {};
    for (const [k, j] of Object.entries(findings)) {
      if (!['true', 'false', 'noise'].includes(j.verdict)) throw new Error(`verdicts.json: ${key} ${k}: verdict must be true, false or noise`);
      if (j.verdict === 'true' && j.defect && !(v.defects ?? []).some((d) => d.id === j.defect)) throw new Error(`verdicts.json: ${key} ${k}: unknown defect ${j.defect}`);
    }
    out[key] = { findings, defects: v.defects ?? [] };
  }
  return out;
}
