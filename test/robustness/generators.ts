// fast-check arbitraries for report-shaped drafts, written for these tests (no real report text):
// headings at every GB/T 9704 level (also run-in and Markdown ones), pipe / tab / cell-per-line
// tables with figures, prose with 「共X条，其中…」 totals, directives, and hostile characters.

import fc from 'fast-check';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '二十'];
const PART_TITLES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项', '概述'];
const WORDS = ['加强组织领导', '完善制度建设', '平台建设', '公开内容', '依申请公开', '监督保障', '政策解读', '回应关切', '规章', '行政许可', '商业企业', '自然人', '总计', '予以公开', '不予公开'];
const UNITS = ['条', '件', '次', '篇', '人', '万元', '个', ''];

/** Characters that break naive code: emoji (surrogate pairs), lone surrogates, NUL, BOM, CR, full-width digits. */
export const hostileChar = fc.constantFrom(
  '😀', '𠀀', '👨‍👩‍👧', '\uD800', '\uDC00', '\u0000', '\uFEFF', '\r', '\t', '\u200B', '\u3000', '１', '２', '０', '，', '。', '：', '|', '｜', '（', '）', '(', ')', '、', '.', '．', '#', '-', '<!--', '-->', '`', '共', '其中', '余', '多', '约', '万', '亿', '—', '/', '不适用', '\u202E',
);

export const number = fc.oneof(
  fc.nat({ max: 2000 }).map(String),
  fc.nat({ max: 999999 }).map((n) => n.toLocaleString('en-US')),
  fc.nat({ max: 99 }).map((n) => `${n}.${n % 10}`),
  fc.nat({ max: 99 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
  fc.constantFrom('二万五千', '三百', '十二', '〇', '400余', '300多', '近300', '约50', '—', '/', '不适用', '', '0', '-1', '1e5', '9'.repeat(30)),
);

const enumerator = fc.oneof(
  fc.constantFrom(...CN).map((n) => `${n}、`),
  fc.constantFrom(...CN).map((n) => `（${n}）`),
  fc.constantFrom(...CN).map((n) => `(${n})`),
  fc.integer({ min: 0, max: 30 }).map((n) => `${n}.`),
  fc.integer({ min: 1, max: 30 }).map((n) => `${n}．`),
  fc.integer({ min: 1, max: 30 }).map((n) => `${n}、`),
  fc.integer({ min: 1, max: 30 }).map((n) => `（${n}）`),
  fc.constantFrom('一是', '二是', ''),
);

const title = fc.constantFrom(...PART_TITLES, ...WORDS);

const prose = fc
  .tuple(fc.constantFrom('共', '共计', '合计', '累计'), number, fc.constantFrom(...UNITS), fc.array(fc.tuple(fc.constantFrom(...WORDS), number, fc.constantFrom(...UNITS)), { maxLength: 6 }), fc.boolean())
  .map(([lead, total, unit, parts, totalFirst]) => {
    const list = parts.map(([w, n, u]) => `${w}${n}${u}`).join('、');
    return totalFirst ? `本年度${lead}发布信息${total}${unit}，其中${list}。` : `${list}，${lead}${total}${unit}。`;
  });

const heading = fc.oneof(
  fc.tuple(enumerator, title).map(([e, t]) => `${e}${t}`),
  fc.tuple(enumerator, title, fc.constantFrom('。', '：'), prose).map(([e, t, p, body]) => `${e}${t}${p}${body}`),
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.option(enumerator, { nil: '' }), title).map(([d, e, t]) => `${'#'.repeat(d)} ${e}${t}`),
);

const cell = fc.oneof(number, title, fc.constantFrom('', ' ', '（一）予以公开', '1.属于国家秘密', '三、本年度办理结果'));

const pipeTable = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([cols, rows, delimiter, outerPipes]) => {
    const line = (cells: string[]) => (outerPipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const out = rows.map(line);
    if (delimiter) out.splice(1, 0, line(Array.from({ length: cols }, () => '---')));
    return out.join('\n');
  });

const tabTable = fc.array(fc.array(cell, { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 6 }).map((rows) => rows.map((r) => r.join('\t')).join('\n'));

const cellPerLine = fc.array(cell, { minLength: 1, maxLength: 20 }).map((cells) => cells.map((c) => `${c} |`).join('\n'));

const directive = fc
  .tuple(fc.constantFrom('profile', 'disable-next-line', 'disable-line', 'disable', 'enable', 'bogus'), fc.constantFrom('gov-2021', 'gov-2019', 'legacy', 'generic', 'nope', 'table-balance', 'prose-sum', 'part-missing', ''))
  .map(([k, a]) => `<!-- nianbao-${k}: ${a} -->`);

const noise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(hostileChar, { maxLength: 12 }).map((a) => a.join('')),
);

const docTitle = fc
  .tuple(fc.constantFrom('# ', '', '## '), fc.constantFrom('青禾市司法局', '某县农业农村局', ''), fc.integer({ min: 1990, max: 2035 }), fc.constantFrom('政府信息公开工作年度报告', '年度报告', '工作总结'))
  .map(([h, body, year, kind]) => `${h}${body}${year}年${kind}`);

/** One block of a draft. */
export const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 4, arbitrary: prose },
  { weight: 2, arbitrary: pipeTable },
  { weight: 1, arbitrary: tabTable },
  { weight: 1, arbitrary: cellPerLine },
  { weight: 1, arbitrary: directive },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: fc.constantFrom('', '```', '~~~', '---', '<!--', '-->', '> 引用') },
);

/** A whole draft: a title, blocks, joined by a random choice of line breaks. */
export const reportText = fc
  .tuple(docTitle, fc.array(block, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n'), fc.boolean())
  .map(([t, blocks, eol, bom]) => (bom ? '\uFEFF' : '') + [t, ...blocks].join('\n').replace(/\n/g, eol));

/** Six parts in order, each with sub-headings, prose and a table: the shape of a real report. */
export const wellFormedReport = fc
  .tuple(docTitle, fc.array(fc.tuple(prose, fc.option(pipeTable, { nil: undefined })), { minLength: 6, maxLength: 6 }))
  .map(([t, parts]) =>
    [
      t,
      ...parts.flatMap(([p, table], i) => [`${CN[i]}、${PART_TITLES[i]}`, `（一）${WORDS[i]}。${p}`, `1.${WORDS[i + 1]}`, p, ...(table ? ['', table, ''] : [])]),
    ].join('\n'),
  );
