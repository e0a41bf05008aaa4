// The TextMate grammar tokenised by the same engine VS Code uses (vscode-textmate + oniguruma, taken
// from the code-server installation of the editor tests; skipped when that is not installed).

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../protocol/lspClient';

const toolsDir = process.env.NIANBAO_TOOLS ?? (existsSync('/opt/nianbao-tools') ? '/opt/nianbao-tools' : join(REPO, '.cache/tools'));
const vscodeModules = join(toolsDir, 'cs/node_modules/code-server/lib/vscode/node_modules');
const available = existsSync(join(vscodeModules, 'vscode-textmate')) && existsSync(join(vscodeModules, 'vscode-oniguruma'));

type Token = { text: string; scopes: string[] };
let tokenize: (lines: string[]) => Token[][];

describe('syntaxes/nianbao.tmLanguage.json', { skip: available ? false : 'vscode-textmate not installed (run scripts/setup-vscode-offline.sh)' }, () => {
  before(async () => {
    /* eslint-disable @typescript-eslint/no-require-imports -- VS Code's own copies of vscode-textmate and oniguruma, found at run time */
    const tm = require(join(vscodeModules, 'vscode-textmate'));
    const onig = require(join(vscodeModules, 'vscode-oniguruma'));
    /* eslint-enable @typescript-eslint/no-require-imports -- back to imports */
    await onig.loadWASM(readFileSync(join(vscodeModules, 'vscode-oniguruma/release/onig.wasm')).buffer);
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new onig.OnigScanner(s), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async () => tm.parseRawGrammar(readFileSync(join(REPO, 'syntaxes/nianbao.tmLanguage.json'), 'utf8'), 'nianbao.tmLanguage.json'),
    });
    const grammar = await registry.loadGrammar('text.nianbao');
    tokenize = (lines) => {
      let state = tm.INITIAL;
      return lines.map((line) => {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        return r.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
      });
    };
  });

  const scopeOf = (tokens: Token[], text: string) => tokens.find((t) => t.text === text)?.scopes.join(' ') ?? `(no token "${text}")`;

  test('enumerator headings of all four levels and # headings', () => {
    const [h1, h2, h3, h4, md] = tokenize(['二、主动公开政府信息情况', '（一）加强组织领导。全年召开会议3次。', '1.属于国家秘密', '（2）重复申请', '## 三、收到和处理政府信息公开申请情况']);
    assert.match(scopeOf(h1, '二、'), /markup\.heading\.1.*enumerator/);
    assert.match(scopeOf(h1, '主动公开政府信息情况'), /markup\.heading\.1/);
    assert.match(scopeOf(h2, '（一）'), /markup\.heading\.2/);
    // The run-in body after 。 is not part of the heading.
    assert.ok(h2.filter((t) => t.text.includes('全年召开会议')).every((t) => !t.scopes.join(' ').includes('markup.heading')));
    assert.match(scopeOf(h3, '1.'), /markup\.heading\.3/);
    assert.match(scopeOf(h4, '（2）'), /markup\.heading\.4/);
    assert.match(scopeOf(md, '三、'), /markup\.heading\.markdown.*enumerator\.level-1/);
  });

  test('part headings written 一．, 第一部分 or 第二部分： are level-1 headings too', () => {
    const [dot, part, colon] = tokenize(['一．总体情况', '第一部分　总体情况', '第二部分：主动公开政府信息情况']);
    assert.match(scopeOf(dot, '一．'), /markup\.heading\.1.*enumerator/);
    assert.match(scopeOf(part, '第一部分　'), /markup\.heading\.1.*enumerator/);
    assert.match(scopeOf(part, '总体情况'), /markup\.heading\.1/);
    assert.match(scopeOf(colon, '第二部分：'), /markup\.heading\.1.*enumerator/);
  });

  test('a paragraph starting with 一是 is not a heading', () => {
    const [line] = tokenize(['一是完善制度，二是加强培训。']);
    assert.ok(line.every((t) => !t.scopes.join(' ').includes('markup.heading')));
  });

  test('table rows, total cells and numbers', () => {
    const [row, delim] = tokenize(['| 三、本年度办理结果 | （七）总计 | 1,234 | １２ | 0.8 |', '|---|---|']);
    assert.match(scopeOf(row, '|'), /punctuation\.separator\.table/);
    assert.match(scopeOf(row, '（七）总计'), /markup\.bold\.total/);
    assert.match(scopeOf(row, '1,234'), /constant\.numeric\.nianbao/);
    assert.match(scopeOf(row, '１２'), /constant\.numeric/);
    assert.match(scopeOf(row, '0.8'), /constant\.numeric/);
    assert.match(scopeOf(delim, '---'), /table\.delimiter/);
  });

  test('approximate counts, statute names, document numbers, placeholders, directives', () => {
    const [prose, directive] = tokenize([
      '依据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号，发布信息400余条，XX局×××【待填】。',
      '<!-- nianbao-disable-next-line table-balance -->',
    ]);
    assert.match(scopeOf(prose, '中华人民共和国政府信息公开条例'), /string\.quoted\.other\.statute/);
    assert.match(scopeOf(prose, '〔2021〕30号'), /constant\.other\.document-number/);
    assert.match(scopeOf(prose, '400余'), /constant\.numeric\.approximate/);
    assert.match(scopeOf(prose, 'XX'), /placeholder/);
    assert.match(scopeOf(prose, '×××'), /placeholder/);
    assert.match(scopeOf(prose, '【待填】'), /placeholder/);
    assert.match(scopeOf(directive, 'nianbao-disable-next-line'), /keyword\.control\.directive/);
  });
});
