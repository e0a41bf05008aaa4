// A total stated in the text must equal the sum of the parts listed with it:
// "共发布信息149条，其中A 7条、B 3条……" or "A 502条、B 215条……，共计1798条".
// Severity follows what the author must do: parts above their total, or a complete list (共计 after
// the parts, 分别为, a list ending in 其他) that misses it, cannot hold (error); a 其中 list that
// misses is probably wrong (warning); a list of main categories (主要有、……等) may leave some out (info).

import type { Rule, Severity } from './types';
import type { Paragraph } from '../model';
import { paragraphRange } from '../analysis/prose/ranges';
import { findSumStatements, sumVerdict, type SumStatement, type SumVerdict } from '../analysis/prose/sum-statements';
import type { ProseNumber } from '../analysis/prose/tokens';
import { tableMismatches, type TableMismatch } from './text-table-mismatch';

/** "7+3+5+…+16" — every term when few, else the first three and the last. */
export function formatTerms(terms: ProseNumber[]): string {
  const raw = terms.map((t) => String(t.value));
  return raw.length <= 8 ? raw.join('+') : [...raw.slice(0, 3), '…', raw[raw.length - 1]].join('+');
}

function formatNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** The sum written the way the total was: 12,846 keeps its thousands separator, １２ stays full-width. */
export function formatLike(raw: string, n: number): string {
  let out = formatNumber(n);
  const sep = /[0-9０-９]([,，])[0-9０-９]{3}/.exec(raw)?.[1];
  if (sep) {
    const [int, frac] = out.split('.');
    out = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (frac ? '.' + frac : '');
  }
  if (/[０-９]/.test(raw)) out = out.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return out;
}

function severityOf(verdict: SumVerdict, s: SumStatement): Severity {
  if (verdict === 'exceeds' || s.kind === 'complete') return 'error';
  return s.kind === 'presumed' ? 'warning' : 'info';
}

function remarkOf(verdict: SumVerdict, s: SumStatement): string {
  if (verdict === 'exceeds') return '：分项多于总数';
  if (s.kind === 'presumed') return '：请核对是否漏列了分项或总数有误';
  if (s.kind === 'partial') return '（只列了主要类别或以“等”收尾，未必列全；如本应列全，请核对）';
  return '';
}

/**
 * One figure of the list disagrees with the tables (text-table-mismatch reports it) and the table's
 * figure in its place makes the sum hold: that figure is the one mistake, not the total.
 */
function tableNamesTheSlip(s: SumStatement, mismatches: readonly TableMismatch[]): boolean {
  // (A wrong total is left to both rules: their findings are on the same words and make one.)
  for (const { claim, target } of mismatches) {
    const expected = target.values[0];
    const term = s.terms.find((t) => t.start === claim.number.start);
    if (term && term.value !== null && Math.abs(s.sum - term.value + expected - (s.total.value ?? NaN)) < 1e-9) return true;
  }
  return false;
}

function mismatchesByParagraph(all: readonly TableMismatch[]): Map<Paragraph, TableMismatch[]> {
  const out = new Map<Paragraph, TableMismatch[]>();
  for (const m of all) {
    const list = out.get(m.paragraph);
    if (list) list.push(m);
    else out.set(m.paragraph, [m]);
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'prose-sum',
    title: '正文合计与分项不符',
    titleEn: 'Stated total does not match its parts',
    category: 'prose',
    defaultSeverity: 'error',
    fixable: true,
    description:
      '正文中“共X条，其中A n条、B m条……”“共X件：A n件、B m件……”或“A n条、B m条……共计X条”这类表述，分项之和应等于总数。' +
      '只计单位相同的确数；分项或总数中有“400余条”等约数时不作检查；百分比、年份、日期不计入分项；' +
      '括号内的附注（如“含上年结转189件”）不计入；“不同渠道公开相同信息计1条”这类去重口径不作检查。' +
      '分项之和大于总数、或“共计”“分别为”“其他”表明已列全而仍少于总数时为错误；“其中”列举少于总数为警告（可能漏列）；' +
      '“主要有”“主要包括”“……等”“以……为主”这类只列主要类别的，少于总数只作提示。分项明显少于总数（不足六成）且未写“其他”时视为举例而不报告；' +
      '分项自己写了合计（“三项合计102件”）时按该合计核对；“不予处理和其他处理共32件”这样几项合写一个数的是一个分项；分项自己的“其中”细目（到“；”为止）不计入外层列举；“；”之后以“办结……”“答复……”开头的是另一个总数；先列名称再“分别为”的（“予以公开、部分公开、无法提供的分别为29件、5件、14件”）只列了所写的几项，少于总数不报告；“其余为……”未写数、各项是“涉及……”的专题、各项所占百分比相加超过100%（按不同口径划分）时不作检查。' +
      '网站、微博、微信等渠道的条数可能重复计算同一信息，多于其前所写总数时不报告；“其中主要负责同志出席3场、分管负责同志出席5场”这类出席、参加情况不是总数的分项（一场可有几人出席，也可无人出席），不作检查。',
    basis: '由文字表述推得：合计应等于所列分项之和',
  },
  check({ doc, facts, cache, report }) {
    let byParagraph: Map<Paragraph, TableMismatch[]> | undefined; // built once a sum fails
    for (const p of doc.paragraphs) {
      for (const s of findSumStatements(cache, p.text)) {
        const verdict = sumVerdict(s);
        if (!verdict) continue;
        byParagraph ??= mismatchesByParagraph(tableMismatches(cache, doc, facts));
        if (tableNamesTheSlip(s, byParagraph.get(p) ?? [])) continue;
        const total = s.total.value ?? 0;
        const diff = formatNumber(Math.abs(total - s.sum));
        const unit = s.total.unit ?? '';
        const severity = severityOf(verdict, s);
        report({
          message: `分项之和 ${formatNumber(s.sum)}（${formatTerms(s.terms)}）与总数 ${s.total.raw} 不符，相差 ${diff}${remarkOf(verdict, s)}`,
          range: paragraphRange(p, s.total.start, s.total.end),
          severity,
          related: s.terms.map((t) => ({ range: paragraphRange(p, t.start, t.end), message: `分项 ${t.raw}${t.unit ?? unit}` })),
          data: { total, sum: s.sum, terms: s.terms.map((t) => t.value), unit, list: s.kind, verdict },
          // A list of main categories may be right to fall short: nothing to change for sure.
          fix:
            severity === 'info'
              ? undefined
              : {
                  title: `将总数改为分项之和 ${formatNumber(s.sum)}`,
                  edits: [{ range: paragraphRange(p, s.total.start, s.total.end), newText: formatLike(s.total.raw, s.sum) }],
                },
        });
      }
    }
  },
};
