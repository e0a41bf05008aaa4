// The printed layout of a report, per the conventions of GB/T 9704-2012《党政机关公文格式》: A4, margins
// 37 / 26 / 35 / 28 mm (top / right / bottom / left), title 二号方正小标宋, level-1 headings 三号黑体,
// level-2 三号楷体, levels 3–4 and the body 三号仿宋, fixed line spacing of 28 pt (22 lines a page),
// first-line indent of two characters. Tables in 仿宋 at 五号 (小五 beyond ten columns).
// One set of numbers for the .docx and the HTML export.

export const PAGE_MM = { width: 210, height: 297, top: 37, right: 26, bottom: 35, left: 28 };
export const TEXT_WIDTH_MM = PAGE_MM.width - PAGE_MM.left - PAGE_MM.right; // 156 mm

export const FONTS = {
  title: { docx: '方正小标宋简体', css: '"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", serif' },
  heading1: { docx: '黑体', css: '"黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' },
  heading2: { docx: '楷体_GB2312', css: '"楷体_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif' },
  body: { docx: '仿宋_GB2312', css: '"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif' },
  latin: 'Times New Roman',
};

export const SIZES_PT = { title: 22, body: 16, table: 10.5, tableWide: 9, lineExact: 28, tableLine: 14 };

/** Font of a heading level: 黑体 for 一、, 楷体 for （一）, 仿宋 for 1. and （1）. */
export function headingFont(level: number): { docx: string; css: string } {
  return level <= 1 ? FONTS.heading1 : level === 2 ? FONTS.heading2 : FONTS.body;
}

/** Column widths (relative weights) scaled to the text width, in a unit of the caller's choice. */
export function scaleWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const out = weights.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}
