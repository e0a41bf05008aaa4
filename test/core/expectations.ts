// Fixture files carry their expected findings inline, markdownlint-style:
//   a line ending in <!-- expect: rule-a rule-b -->  expects those rules to report on that line;
//   <!-- expect-none --> on the first line           expects no finding at all.

export interface Expectation {
  line: number;
  ruleId: string;
}

export function readExpectations(text: string): { none: boolean; expected: Expectation[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const expected: Expectation[] = [];
  let none = false;
  lines.forEach((l, line) => {
    if (/<!--\s*expect-none\s*-->/.test(l)) none = true;
    for (const m of l.matchAll(/<!--\s*expect:\s*([^>]*?)\s*-->/g)) {
      for (const ruleId of m[1].split(/[\s,]+/).filter(Boolean)) expected.push({ line, ruleId });
    }
  });
  return { none, expected };
}

export const key = (e: Expectation) => `${e.line + 1}:${e.ruleId}`;
