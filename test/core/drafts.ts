// Small in-memory drafts for the profile and structure tests (our own wording, not any real report).

export const PART_TITLES_2021 = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
];

const BODIES = [
  '本年度，本局围绕法治政府建设推进政务公开，主动公开、依申请公开、信息管理、平台建设和监督保障各项工作平稳开展。',
  '全年主动公开政府信息 320 条，其中规章 0 件、行政规范性文件 4 件。',
  '全年新收政府信息公开申请 12 件，上年结转 1 件，均已按期答复。',
  '全年未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。',
  '主要问题是政策解读形式较单一，下一步将增加图解和问答形式的解读。',
  '本年度未收取信息处理费。',
];

export const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A gov-2021 style draft: a title line, then the given parts as `一、title` + one body paragraph.
 * `parts` lists indexes into PART_TITLES_2021 (document order), optionally with a written title. */
export function draft2021(opts: { title?: string; parts?: (number | { index: number; title?: string; number?: number; body?: string })[] } = {}): string {
  const title = opts.title ?? '青禾县民政局2022年政府信息公开工作年度报告';
  const list = opts.parts ?? [0, 1, 2, 3, 4, 5];
  const out = [title, ''];
  list.forEach((p, k) => {
    const spec = typeof p === 'number' ? { index: p } : p;
    const number = spec.number ?? spec.index + 1;
    out.push(`${CN[number - 1]}、${spec.title ?? PART_TITLES_2021[spec.index]}`, '', spec.body ?? BODIES[spec.index], '');
    void k;
  });
  return out.join('\n');
}
