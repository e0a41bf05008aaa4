// table-format-year: a table copied from another year's format — 2019 columns (本年新制作数量,
// 上一年项目数量, 第二十条第（九）项, 其他对外管理服务事项) in a 2021 report, 2021 columns in a 2019/2020
// report, a 2014–2018 统计表 in a report on the new formats. Markers come from the profile's
// foreignMarkers and from the signatures of the other formats' tables.

import type { Range, Table } from '../model';
import { memoKey } from '../check-cache';
import type { FormatMarker, Profile, TableSpec } from '../profiles/types';
import { BUILTIN_PROFILES } from '../profiles/index';
import { normalizeLabel } from '../text/normalize';
import { rowKey } from '../facts/table-labels';
import type { Rule } from './types';

/** Every built-in format with tables, by profile id: its name in messages and its tables (profile data). */
const FORMAT_TABLES: Record<string, { name: string; tables: TableSpec[] }> = Object.fromEntries(
  BUILTIN_PROFILES.filter((p) => p.tables.length > 0).map((p) => [p.id, { name: p.formatName ?? p.name, tables: p.tables }]),
);

interface Marker {
  key: string;
  text: string;
  belongsTo: string;
  message?: string;
}

/** Every word a table of this profile prints: such a word is never foreign, whatever other formats print. */
function ownWords(profile: Profile): Set<string> {
  const own = new Set<string>();
  for (const t of profile.tables) {
    for (const r of t.rows) for (const l of [r.label, ...(r.aliases ?? [])]) own.add(rowKey(l));
    for (const c of t.columns) for (const l of [c.label, ...(c.aliases ?? [])]) own.add(rowKey(l));
    for (const s of t.signature) own.add(normalizeLabel(s));
  }
  return own;
}

// Markers depend on the profile alone (profiles are data, never changed once built): computed once
// per profile instead of on every check, where comparing every foreign word with every own word cost
// more than the scan itself on a typical report.
const MARKERS = memoKey('format markers', computeMarkers, { shared: true });

function computeMarkers(profile: Profile): Marker[] {
  const out: Marker[] = profile.foreignMarkers.map((m: FormatMarker) => ({
    key: normalizeLabel(m.text),
    text: m.text,
    belongsTo: m.belongsTo,
    message: m.message,
  }));
  const own = ownWords(profile);
  const ownList = [...own]; // once, not a fresh array for every foreign word
  for (const [id, format] of Object.entries(FORMAT_TABLES)) {
    if (id === profile.id) continue;
    for (const t of format.tables)
      for (const word of t.signature) {
        const key = normalizeLabel(word);
        if (own.has(key) || ownList.some((o) => o.includes(key)) || out.some((m) => m.key === key)) continue;
        out.push({ key, text: word, belongsTo: id });
      }
  }
  return out.filter((m) => m.key.length > 0);
}

// A regex matching any marker's key, built once per marker list: most labels hold none.
const ANY_MARKER = memoKey('any format marker', (markers: Marker[]) => new RegExp(markers.map((m) => m.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')), { shared: true });

const TABLE_HITS = {};

export const rule: Rule = {
  meta: {
    id: 'table-format-year',
    title: '统计表格式年份',
    titleEn: 'Table from another year\u2019s format',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description:
      '发现其他年份格式的统计表栏目时提示：2021 年及以后的报告中出现 2019 年试行格式的“本年新制作数量”“上一年项目数量”“其他对外管理服务事项”' +
      '“第二十条第（九）项”等，或 2019、2020 年度报告中出现 2021 年格式的“本年制发件数”“本年废止件数”等，说明套用了错误年份的表格。',
    basis: '国办公开办函〔2019〕60号与〔2021〕30号所附格式的差异',
  },
  check(ctx) {
    if (!ctx.profile.annualReport) return;
    const markers = ctx.cache.get(MARKERS, ctx.profile);
    if (markers.length === 0) return;
    // One finding per table (or heading) holding foreign words, listing them all.
    type Hit = { marker: Marker; range: Range };
    const groups: { range: Range; hits: Hit[] }[] = [];
    // The range is read only for a label that holds a marker.
    const any = ctx.cache.get(ANY_MARKER, markers);
    const scan = (key: string, rangeOf: () => Range, into: Hit[]) => {
      if (!any.test(key)) return; // one native search instead of one includes() per marker
      let range: Range | undefined;
      for (const m of markers) if (key.includes(m.key) && !into.some((h) => h.marker.key === m.key)) into.push({ marker: m, range: (range ??= rangeOf()) });
    };
    for (const t of ctx.doc.tables) {
      // A table's hits depend only on the table and the markers: remembered per table, so an editor
      // session does not rescan the labels of the tables a keystroke left alone.
      const tableHits = ctx.cache.memo<Table, { markers: Marker[]; hits: Hit[] }>(TABLE_HITS);
      const known = tableHits.get(t);
      let hits: Hit[];
      if (known && known.markers === markers) hits = known.hits;
      else {
        hits = [];
        for (const row of t.rows)
          for (const cell of row.labels) {
            // A label cell's norm is its normalizeLabel form already (model.ts); a figure used as a
            // label keeps its text there, so it is normalised here.
            scan(cell.number ? normalizeLabel(cell.text) : cell.norm, () => cell.range, hits);
          }
        tableHits.set(t, { markers, hits });
      }
      if (hits.length) groups.push({ range: hits[0].range, hits });
    }
    for (const h of ctx.doc.headings) {
      const hits: Hit[] = [];
      scan(normalizeLabel(h.title), () => h.titleRange, hits);
      if (hits.length) groups.push({ range: h.titleRange, hits });
    }
    for (const g of groups) {
      const first = g.hits[0].marker;
      const words = g.hits.map((h) => `“${h.marker.text}”`).join('、');
      const formatName = FORMAT_TABLES[first.belongsTo]?.name ?? first.belongsTo;
      const message =
        first.message && g.hits.length === 1
          ? first.message
          : `表格中的${words}属于${formatName}，与本报告适用的${ctx.profile.name}不符，请换用本年度格式的表格`;
      ctx.report({
        message,
        range: g.range,
        related: g.hits.map((h) => ({ range: h.range, message: `“${h.marker.text}”属于${FORMAT_TABLES[h.marker.belongsTo]?.name ?? h.marker.belongsTo}` })),
        data: { belongsTo: first.belongsTo, markers: g.hits.map((h) => h.marker.text) },
      });
    }
  },
};
