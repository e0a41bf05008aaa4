// Word and web pages in, Word and a printable page out (core/src/convert): the round trip on every
// fixture, hand-made .docx and .html with the quirks of real files, the published pages of the
// corpus, and hostile files (corrupt, encrypted, old .doc, PDF, zip bomb, entity tricks).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { parse, check } from '../../core/src/index';
import { convertFile, convertHtml, exportDocx, exportHtml, locate, describeSource, ConvertError } from '../../core/src/convert/index';
import { readZipParts } from '../../core/src/convert/container';
import { chineseCounting } from '../../core/src/convert/docx-numbering';
import { CN_NUMBERING, makeDocx, p, tbl, tc, tr, WPS_STYLES } from './docx-builder';

const REPO = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures');
const CORPUS_HTML = path.join(REPO, '..', 'shared', 'corpus', 'html');

function fixtureFiles(dir = FIXTURES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    // Text out of a PDF keeps the converter's runs of spaces, which no Word or web paragraph keeps:
    // it is input to be checked, not a draft to be exported.
    if (e.isDirectory()) return e.name === 'pdf-text' ? [] : fixtureFiles(f);
    return /\.(md|txt)$/.test(e.name) && e.name !== 'README.md' ? [f] : [];
  });
}

/** What the round trip must keep: title, headings, paragraphs (and so their numbers), table cells. */
function documentModel(text: string) {
  const doc = parse(text);
  const trimRow = (cells: string[]) => {
    const out = [...cells];
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  };
  return {
    title: doc.title?.text,
    headings: doc.headings.map((h) => `${h.level}|${h.enumerator}|${h.title}`),
    paragraphs: doc.paragraphs.map((x) => x.text),
    tables: doc.tables.map((t) => t.rows.map((r) => trimRow(r.cells.map((c) => c.text))).filter((r) => r.length)),
    numbers: doc.tables.flatMap((t) => t.rows.flatMap((r) => r.values.map((c) => `${c.number?.kind}:${c.number?.value}`))),
  };
}

describe('round trip: export then import gives the same document', () => {
  for (const file of fixtureFiles()) {
    const name = path.relative(FIXTURES, file);
    const text = fs.readFileSync(file, 'utf8');
    test(`docx: ${name}`, async () => {
      const docx = await exportDocx(text);
      const back = convertFile(docx, 'x.docx');
      assert.ok(back);
      assert.deepEqual(documentModel(back.text), documentModel(text));
    });
    test(`html: ${name}`, () => {
      const back = convertFile(Buffer.from(exportHtml(text)), 'x.html');
      assert.ok(back);
      assert.deepEqual(documentModel(back.text), documentModel(text));
    });
  }
});

describe('.docx reader on Word and WPS quirks', () => {
  test('a number split over runs, full-width spaces, soft breaks and tracked changes read as printed', () => {
    const body = [
      p('青禾县测试局2023年政府信息公开工作年度报告', '<w:jc w:val="center"/>'),
      p(['\u3000\u3000全年主动公开政府信息', '12', '46', '条，其中门户网站', '1', ',', '000', '条。']),
      `<w:p><w:r><w:t>办结申请</w:t></w:r><w:del><w:r><w:delText>99</w:delText></w:r></w:del><w:ins><w:r><w:t>54</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r></w:p>`,
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>第一页</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:br/><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>`,
    ].join('');
    const out = convertFile(makeDocx(body), 'a.docx')!;
    const lines = out.text.split('\n');
    assert.equal(lines[0], '# 青禾县测试局2023年政府信息公开工作年度报告');
    assert.ok(lines.includes('\u3000\u3000全年主动公开政府信息1246条，其中门户网站1,000条。'), out.text);
    assert.ok(lines.includes('办结申请54件。'), 'deleted text and hidden runs are not text');
    assert.ok(!out.text.includes('PAGE'), 'field instructions are not text');
    assert.ok(lines.includes('二、主动公开政府信息情况'), 'a soft line break starts a new line');
    const doc = parse(out.text);
    assert.ok(doc.headings.some((h) => h.level === 1 && h.title === '主动公开政府信息情况'));
    const n = doc.paragraphs.find((x) => x.text.includes('1246'));
    assert.ok(n);
  });

  test('automatic numbering and WPS heading styles become the Chinese enumerators and levels', () => {
    const num = (ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`;
    const body = [
      p('测试年报', '<w:pStyle w:val="9"/>'),
      p('总体情况', `<w:pStyle w:val="2"/>${num(0)}`),
      p('主动公开情况', '<w:pStyle w:val="3"/>'),
      p('依申请公开情况', '<w:pStyle w:val="3"/>'),
      p('门户网站', num(2)),
      p('主动公开政府信息情况', `<w:pStyle w:val="2"/>${num(0)}`),
      p('加强领导', '<w:pStyle w:val="3"/>'),
    ].join('');
    const out = convertFile(makeDocx(body, { 'word/styles.xml': WPS_STYLES, 'word/numbering.xml': CN_NUMBERING }), 'wps.docx')!;
    const doc = parse(out.text);
    assert.equal(doc.title?.text, '测试年报');
    assert.deepEqual(
      doc.headings.map((h) => `${h.level}${h.enumerator}${h.title}`),
      ['1一、总体情况', '2（一）主动公开情况', '2（二）依申请公开情况', '31.门户网站', '1二、主动公开政府信息情况', '2（一）加强领导'],
    );
  });

  test('merged cells (gridSpan, vMerge, empty merged cells), a nested table and a layout table', () => {
    const body = [
      // A one-column layout table framing the text: its content is read as paragraphs.
      tbl([tr([tc(p('一、总体情况') + p('正文在版式表格里。'))])], 1),
      tbl(
        [
          tr([tc('项目', { span: 2, vMerge: 'restart' }), tc('数量')]),
          tr([tc('', { span: 2, vMerge: 'continue' }), tc('件')]),
          tr([tc('合计', { vMerge: 'restart' }), tc('其中A'), tc(p(['1', '2']))]),
          tr([tc('', { vMerge: 'continue' }), tc('其中B'), tc('')]),
          tr([tc('附注'), tc(tbl([tr([tc('内'), tc('表')])], 2)), tc('3')]),
        ],
        3,
      ),
    ].join('');
    const out = convertFile(makeDocx(body), 't.docx')!;
    const rows = out.text.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---'));
    assert.deepEqual(rows, [
      '| 项目 |  | 数量 |',
      '|  |  | 件 |',
      '| 合计 | 其中A | 12 |',
      '|  | 其中B |  |',
      '| 附注 | 内表 | 3 |',
    ]);
    assert.match(out.text, /^一、总体情况$/m);
    // The source map names the cell.
    const doc = parse(out.text);
    const cell = doc.tables[0].rows[2].cells[2];
    assert.equal(describeSource(locate(out.map, cell.range.start)!), '表1 第3行第3列「12」');
  });

  test('text that looks like markup stays text: no directive, no table row, no heading mark', () => {
    const body = [p('甲<!-- nianbao-disable -->乙'), p('a | b | c'), p('# 不是标题'), p('列一\t列二\t列三')].join('');
    const out = convertFile(makeDocx(body), 'm.docx')!;
    const doc = parse(out.text);
    assert.equal(doc.directives.length, 0);
    assert.equal(doc.tables.length, 0);
    assert.equal(doc.headings.length, 0);
  });

  test('Chinese counting as Word prints it', () => {
    assert.deepEqual([1, 10, 11, 20, 21, 100, 105].map(chineseCounting), ['一', '十', '十一', '二十', '二十一', '一百', '一百零五']);
  });
});

describe('.html reader', () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青禾县测试局2023年政府信息公开工作年度报告 - 青禾县人民政府</title>
<script>document.write('脚本文字')</script><link rel="stylesheet" href="http://example.invalid/a.css"></head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 年报</div><header>网站页眉</header>
<div class="article-content">
<p style="text-align:center">青禾县测试局</p><p align="center">2023年政府信息公开工作年度报告</p>
<p>&nbsp;&nbsp;一、总体情况</p><p>全年公开信息<span>12</span><span>46</span>条。<img src="http://example.invalid/x.png"></p>
<table><tr><td rowspan="2">行政复议</td><td colspan="2">结果</td></tr><tr><td>维持</td><td>纠正</td></tr>
<tr><td>件数</td><td>1</td><td>&nbsp;</td></tr><tr><td>嵌套</td><td><table><tr><td>内</td><td>表</td></tr></table></td><td>2</td></tr></table>
<style>.x{}</style>
</div><div id="footer">版权所有 网站标识码</div><div class="share">分享到</div></body></html>`;

  test('page chrome, scripts and images are left out; a two-line title is one title', () => {
    const out = convertHtml(page);
    assert.doesNotMatch(out.text, /首页|网站页眉|版权所有|分享到|脚本文字|example\.invalid/);
    assert.match(out.text, /^# 青禾县测试局2023年政府信息公开工作年度报告$/m);
    assert.match(out.text, /^全年公开信息1246条。$/m);
    assert.ok(out.notes.some((n) => n.includes('图片')));
    const rows = out.text.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---'));
    assert.deepEqual(rows, ['| 行政复议 | 结果 |  |', '|  | 维持 | 纠正 |', '| 件数 | 1 |  |', '| 嵌套 | 内表 | 2 |']);
  });

  test('a markup file that starts with a directive comment is not taken for HTML', () => {
    assert.equal(convertFile(Buffer.from('<!-- nianbao-profile: gov-2021 -->\n# 标题\n'), 'draft.nianbao.md'), undefined);
    assert.ok(convertFile(Buffer.from('<!-- saved page --><p>正文</p>'), 'page'), 'a file without extension that is HTML is read as HTML');
  });

  test('a GB2312 page is decoded by its declared charset', () => {
    const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="gb2312"></head><body><p>'), gb('一、总体情况'), Buffer.from('</p></body></html>')]);
    assert.match(convertFile(bytes, 'gb.html')!.text, /^一、总体情况$/m);
  });
});

/** GB18030 bytes of a few common characters (TextEncoder only writes UTF-8). */
function gb(s: string): Buffer {
  const table: Record<string, number[]> = { 一: [0xd2, 0xbb], '、': [0xa1, 0xa2], 总: [0xd7, 0xdc], 体: [0xcc, 0xe5], 情: [0xc7, 0xe9], 况: [0xbf, 0xf6] };
  return Buffer.from([...s].flatMap((ch) => table[ch]));
}

describe('the published pages of the corpus', { skip: !fs.existsSync(CORPUS_HTML) && 'no ../shared/corpus/html' }, () => {
  for (const name of ['016.html', '017.html', '019.html']) {
    test(`${name}: the three national tables are recognised, cell for cell as the page shows`, () => {
      const html = fs.readFileSync(path.join(CORPUS_HTML, name));
      const out = convertFile(html, name)!;
      const result = check(out.text);
      const ids = result.facts.nationalTables.map((t) => t.spec.id).sort();
      assert.deepEqual(ids, ['gov2021-proactive', 'gov2021-requests', 'gov2021-review']);
      for (const t of result.facts.nationalTables) {
        assert.equal(t.missingRows.length, 0, `${t.spec.id} missing rows`);
        assert.equal(t.unknownRows.length, 0, `${t.spec.id} unknown rows`);
      }
      // The figures of every row, in order, are those of the page's <td>s (read here with a regex, not
      // with the reader under test), and no row gained or lost a value cell.
      const pageRows = figureRowsOfPage(html.toString('utf8'));
      const markupRows = parse(out.text).tables.flatMap((t) => t.rows.map((r) => r.values.filter((c) => c.number?.kind === 'exact').map((c) => c.text))).filter((r) => r.length);
      assert.deepEqual(markupRows, pageRows);
      const requests = result.facts.nationalTables.find((t) => t.spec.id === 'gov2021-requests')!;
      for (const row of requests.rows.values()) assert.equal(row.extraValues.length, 0, `${row.spec.label}: extra values`);
    });
  }
});

/** The figure cells of each <tr> of a page, in order. */
function figureRowsOfPage(html: string): string[][] {
  const strip = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&#\d+;/g, '').replace(/\s+/g, '');
  const rows: string[][] = [];
  for (const tr of html.match(/<tr[\s>][\s\S]*?<\/tr>/gi) ?? []) {
    const cells = (tr.match(/<td[\s>][\s\S]*?<\/td>/gi) ?? []).map(strip);
    const figures = cells.filter((c) => /^\d+(\.\d+)?$/.test(c));
    if (figures.length) rows.push(figures);
  }
  return rows;
}

describe('files that cannot be read get a clear message, never a crash', () => {
  const expectError = (bytes: Uint8Array, name: string, pattern: RegExp) => {
    assert.throws(() => convertFile(bytes, name), (e: unknown) => e instanceof ConvertError && pattern.test(e.message));
  };

  test('a corrupt .docx, a text file named .docx, an Excel file', () => {
    const good = makeDocx(p('正文'));
    expectError(good.subarray(0, good.length - 30), 'cut.docx', /损坏/);
    expectError(Buffer.from('这不是 Word 文件'), 'plain.docx', /不是有效的 \.docx/);
    expectError(zipSync({ 'xl/workbook.xml': new Uint8Array([60, 97, 47, 62]) }), 'book.docx', /Excel/);
  });

  test('an old .doc and a password-protected .docx (OLE containers)', () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('WordDocument', 'utf16le').copy(ole, 1024);
    expectError(ole, 'old.doc', /旧版 Word/);
    const enc = Buffer.from(ole);
    Buffer.from('EncryptedPackage', 'utf16le').copy(enc, 1200);
    expectError(enc, 'secret.docx', /加密/);
  });

  test('a PDF and an RTF', () => {
    expectError(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'report.pdf', /PDF/);
    expectError(Buffer.from('{\\rtf1\\ansi 文字}'), 'report.docx', /RTF/);
  });

  test('a zip bomb is refused from its declared sizes, before inflating', () => {
    const zeros = new Uint8Array(24 * 1024 * 1024);
    const bomb = zipSync({ 'word/document.xml': zeros }, { level: 9 });
    assert.ok(bomb.length < 200 * 1024, 'the bomb is small on disk');
    const started = process.memoryUsage().arrayBuffers;
    expectError(bomb, 'bomb.docx', /压缩炸弹/);
    assert.ok(process.memoryUsage().arrayBuffers - started < 16 * 1024 * 1024, 'nothing was inflated');
    // Oversized parts and files, with small limits so the test stays small.
    const limits = { fileBytes: 1024 * 1024, partBytes: 1000, totalBytes: 1500, ratio: 200, ratioMinBytes: 1 << 30 };
    assert.throws(() => readZipParts(zipSync({ 'word/document.xml': new Uint8Array(2000) }), () => true, limits), /过大/);
    assert.throws(() => readZipParts(zipSync({ a: new Uint8Array(900), b: new Uint8Array(900) }), () => true, limits), /总大小/);
    assert.throws(() => readZipParts(new Uint8Array(2 * 1024 * 1024), () => true, limits), /文件过大/);
  });

  test('entities are not expanded and nothing external is read', () => {
    const evil = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>甲&c;&x;乙</w:t></w:r></w:p></w:body></w:document>`;
    const files = zipSync({ 'word/document.xml': new TextEncoder().encode(evil) });
    const out = convertFile(files, 'evil.docx')!;
    assert.doesNotMatch(out.text, /AAAAAAAAAA|root:/);
    assert.match(out.text, /甲/);
  });
});

describe('hostile structure: deep nesting, huge spans, huge tables', () => {
  test('none overflows the stack or allocates without bound', () => {
    const deep = convertFile(Buffer.from('<div>'.repeat(20000) + '深处的文字' + '</div>'.repeat(20000)), 'deep.html')!;
    assert.match(deep.text, /深处的文字/);
    const spans = convertFile(Buffer.from('<table><tr><td rowspan="100000" colspan="100000">甲</td><td>1</td></tr><tr><td>2</td></tr></table>'), 'span.html')!;
    assert.ok(spans.text.length < 2000, 'spans are clamped to the table');
    const rows = convertFile(Buffer.from('<table>' + '<tr><td>项</td><td>1</td></tr>'.repeat(30000) + '</table>'), 'rows.html')!;
    assert.equal(rows.text.split('\n').filter((l) => l.startsWith('| 项 |')).length, 30000);
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const nested = '<w:sdt><w:sdtContent>'.repeat(5000) + '<w:p><w:r><w:t>x</w:t></w:r></w:p>' + '</w:sdtContent></w:sdt>'.repeat(5000);
    assert.ok(convertFile(zipSync({ 'word/document.xml': new TextEncoder().encode(`<w:document ${w}><w:body>${nested}</w:body></w:document>`) }), 'deep.docx'));
  });
});

describe('findings on a converted file name the paragraph or cell', () => {
  test('a wrong total in a .docx table is reported on its cell', async () => {
    const md = fs.readFileSync(path.join(FIXTURES, 'defects', 'table-sum.md'), 'utf8');
    const docx = await exportDocx(md);
    const out = convertFile(docx, 'sum.docx')!;
    const result = check(out.text);
    const sum = result.findings.find((f) => f.ruleId === 'table-sum');
    assert.ok(sum, 'the table-sum finding survives the conversion');
    const where = describeSource(locate(out.map, sum.range.start)!);
    assert.match(where, /^表\d+ 第\d+行第\d+列「[^」]+」$/);
  });
});

describe('a page laid out in a table (side menu + content), and a link above the title', () => {
  const CORRECT = path.join(FIXTURES, 'correct', 'gov2021-city-2023.md');
  const text = fs.readFileSync(CORRECT, 'utf8');
  const page = exportHtml(text);
  const body = page.slice(page.indexOf('<body>') + '<body>'.length, page.indexOf('</body>'));
  // Last year's report linked from the menu, named like this one: a reader that took it for the
  // title would read the report as 2022's.
  const menu = '<ul><li><a href="#">青禾市人民政府2022年政府信息公开工作年度报告</a></li><li><a href="#">通知公告</a></li></ul>';
  const framed = `<html><head><title>青禾市人民政府</title></head><body><table><tr><td>${menu}</td><td>${body}</td><td></td></tr></table></body></html>`;
  const findings = (t: string) => check(t).findings.map((f) => `${f.ruleId} ${f.message}`);

  test('.html: the frame is read as blocks, the report as in the plain page, its title the h1', () => {
    const out = convertFile(Buffer.from(framed), 'framed.html')!;
    const plain = convertFile(Buffer.from(page), 'plain.html')!;
    assert.deepEqual(findings(out.text), findings(plain.text));
    assert.deepEqual(findings(out.text), []);
    const result = check(out.text);
    assert.equal(result.doc.title?.year, 2023);
    assert.deepEqual(result.facts.nationalTables.map((t) => t.spec.id).sort(), ['gov2021-proactive', 'gov2021-requests', 'gov2021-review']);
  });

  test('.docx: a frame of two cells, one holding the whole report, is read as blocks', async () => {
    const docx = await exportDocx(text);
    const inner = Buffer.from(readZipParts(docx, (n) => n === 'word/document.xml').get('word/document.xml')!).toString('utf8');
    const content = inner.slice(inner.indexOf('<w:body>') + '<w:body>'.length, inner.lastIndexOf('<w:sectPr'));
    const framedDocx = makeDocx(tbl([tr([tc(p('上一篇：青禾市人民政府2022年政府信息公开工作年度报告')), tc(content)])], 2));
    const out = convertFile(framedDocx, 'framed.docx')!;
    const result = check(out.text);
    assert.deepEqual(result.facts.nationalTables.map((t) => t.spec.id).sort(), ['gov2021-proactive', 'gov2021-requests', 'gov2021-review']);
    assert.deepEqual(
      result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.message}`),
      [],
    );
  });
});
