import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../core/src/parse/parser';
import { selectProfile } from '../../core/src/profiles/select';
import { BUILTIN_PROFILES, GOV2019, GOV2021, LEGACY, getProfile, profileForYear } from '../../core/src/profiles/index';
import { matchParts } from '../../core/src/facts/parts';
import { EMPTY_CONFIG, type ResolvedConfig } from '../../core/src/config/types';
import { resolveConfig } from '../../core/src/config/load';
import { draft2021 } from './drafts';

const choose = (text: string, override?: string, config: ResolvedConfig = EMPTY_CONFIG) =>
  selectProfile(parse(text), { override, config });

describe('profile data', () => {
  for (const p of BUILTIN_PROFILES) {
    test(`${p.id}: part ids unique, tables resolvable, templates are invisible guidance`, () => {
      const ids = p.parts.map((s) => s.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const part of p.parts) {
        for (const id of part.tables ?? []) assert.ok(p.tables.some((t) => t.id === id), `${p.id}/${part.id}: table ${id} not in profile.tables`);
        assert.match(part.template, /^<!-- [^]*-->\n$/, `${part.id}: template should be an HTML comment`);
        assert.doesNotMatch(part.template, /〔填写|\[填写|XXX|××/);
        assert.ok(part.basis.length > 0 && part.guidance.length > 0);
      }
    });
  }

  test('gov-2021 and gov-2019 have the six parts of 条例第五十条 in order', () => {
    const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
    assert.deepEqual(GOV2021.parts.map((p) => p.title), titles);
    assert.deepEqual(GOV2019.parts.map((p) => p.title), titles);
    assert.match(GOV2021.parts[3].basis, /第五十条第（三）项/);
    assert.match(GOV2021.basis, /〔2021〕30号/);
  });

  test('only gov-2021 asks part 六 for 信息处理费, as data', () => {
    assert.deepEqual(GOV2021.parts[5].mustMention?.map((m) => m.ruleId), ['fee-statement']);
    assert.equal(GOV2019.parts[5].mustMention, undefined);
  });

  test('legacy has the eight customary parts; 机构人员经费 is optional', () => {
    assert.equal(LEGACY.parts.length, 8);
    assert.deepEqual(LEGACY.parts.filter((p) => p.optional).map((p) => p.id), ['staffing']);
  });

  test('foreign markers point at the other format', () => {
    assert.ok(GOV2021.foreignMarkers.some((m) => m.text === '第二十条第（九）项' && m.belongsTo === 'gov-2019'));
    assert.ok(GOV2019.foreignMarkers.some((m) => m.text === '本年制发件数' && m.belongsTo === 'gov-2021'));
  });

  test('getProfile finds built-ins and config profiles', () => {
    assert.equal(getProfile('legacy'), LEGACY);
    assert.equal(getProfile('nope'), undefined);
    const cfg = resolveConfig({ profiles: [{ id: 'prov', name: '本省格式', extends: 'gov-2021' }] });
    assert.equal(getProfile('prov', cfg.extraProfiles)?.name, '本省格式');
  });
});

describe('selectProfile', () => {
  test('title year 2022 → gov-2021, with a Chinese reason naming the year and 30号', () => {
    const c = choose(draft2021());
    assert.equal(c.profile.id, 'gov-2021');
    assert.equal(c.source, 'title-year');
    assert.match(c.reason, /标题年份 2022 年，适用国办公开办函〔2021〕30号格式/);
  });

  test('2020 → gov-2019, 2016 → legacy', () => {
    assert.equal(choose(draft2021({ title: '青禾县民政局2020年政府信息公开工作年度报告' })).profile.id, 'gov-2019');
    assert.equal(choose(draft2021({ title: '青禾县民政局2016年政府信息公开工作年度报告' })).profile.id, 'legacy');
  });

  test('the directive beats the CLI override and the config', () => {
    const text = '<!-- nianbao-profile: gov-2019 -->\n' + draft2021();
    const c = choose(text, 'legacy', { ...EMPTY_CONFIG, profile: 'generic' });
    assert.equal(c.profile.id, 'gov-2019');
    assert.equal(c.source, 'directive');
  });

  test('the override beats the config; the config beats the year', () => {
    assert.equal(choose(draft2021(), 'legacy', { ...EMPTY_CONFIG, profile: 'gov-2019' }).source, 'option');
    const c = choose(draft2021(), undefined, { ...EMPTY_CONFIG, profile: 'gov-2019' });
    assert.equal(c.profile.id, 'gov-2019');
    assert.equal(c.source, 'config');
    assert.equal(choose(draft2021(), 'auto', { ...EMPTY_CONFIG, profile: 'auto' }).source, 'title-year');
  });

  test('an unknown directive id falls back to automatic selection and says so', () => {
    const c = choose('<!-- nianbao-profile: gov-2031 -->\n' + draft2021());
    assert.equal(c.profile.id, 'gov-2021');
    assert.equal(c.source, 'title-year');
    assert.match(c.reason, /「gov-2031」不存在，已改为自动选择/);
  });

  test('a config profile can be chosen by directive', () => {
    const config = resolveConfig({ profiles: [{ id: 'prov-2021', name: '本省格式', extends: 'gov-2021' }] });
    const c = choose('<!-- nianbao-profile: prov-2021 -->\n' + draft2021(), undefined, config);
    assert.equal(c.profile.id, 'prov-2021');
  });

  test('a half-year or self-assessment text gets generic even when it names 政府信息公开', () => {
    const half = draft2021({ title: '青禾县民政局2020年上半年政务公开工作总结' });
    const c = choose(half);
    assert.equal(c.profile.id, 'generic');
    assert.match(c.reason, /上半年/);
    assert.equal(choose(draft2021({ title: '关于2022年政府信息公开工作年度报告的自评报告' })).profile.id, 'generic');
  });

  test('without a year the headings decide, and the reason says so', () => {
    const c = choose(draft2021({ title: '青禾县民政局政府信息公开工作年度报告' }));
    assert.equal(c.profile.id, 'gov-2021');
    assert.equal(c.source, 'headings');
    assert.match(c.reason, /6 个部分标题/);
  });

  test('headings shared by 2019 and 2021: the table wording breaks the tie', () => {
    const text = draft2021({ title: '民政局政府信息公开工作年度报告' }) + '\n| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n';
    assert.equal(choose(text).profile.id, 'gov-2019');
  });

  test('legacy headings without a year → legacy', () => {
    const text = ['一、概述', '', '正文。', '', '二、主动公开政府信息情况', '', '正文。', '', '三、政府信息依申请公开办理情况', '', '正文。', '', '四、政府信息公开的收费及减免情况', '', '未收费。'].join('\n');
    assert.equal(choose(text).profile.id, 'legacy');
  });

  test('a text that is not a report → generic', () => {
    const c = choose('关于开展政务公开培训的通知\n\n一、培训时间\n\n三月。\n\n二、培训内容\n\n条例解读。\n');
    assert.equal(c.profile.id, 'generic');
    assert.equal(c.source, 'fallback');
  });
});

describe('matchParts', () => {
  const parts = (text: string) => matchParts(parse(text), GOV2021);

  test('canonical titles match regardless of width, spaces and 的/和', () => {
    const m = parts(draft2021({ parts: [0, { index: 3, title: '政府信息公开 行政复议和行政诉讼情况' }, { index: 4, title: '存在主要问题及改进情况' }] }));
    assert.deepEqual(m.map((x) => [x.spec.id, x.how]), [['overview', 'canonical'], ['review', 'canonical'], ['problems', 'canonical']]);
  });

  test('aliases, and keywords for a typo such as 行政法复议', () => {
    const m = parts(draft2021({ parts: [{ index: 3, title: '因政府信息公开工作被申请行政复议、提起行政诉讼情况' }, { index: 3, number: 5, title: '因政府信息公开申请行政法复议、提起行政诉讼情况' }] }));
    assert.equal(m[0].how, 'alias');
    assert.equal(m[0].spec.id, 'review');
    // The second heading is the same part again, found only by keywords: not a duplicate,
    // since a keyword resemblance to a part already found is not trusted.
    assert.equal(m.length, 1);
    const typo = parts(draft2021({ parts: [{ index: 3, title: '因政府信息公开申请行政法复议、提起行政诉讼情况' }] }));
    assert.deepEqual(typo.map((x) => [x.spec.id, x.how]), [['review', 'keywords']]);
  });

  test('a part written twice is recorded as a duplicate of the first', () => {
    const m = parts(draft2021({ parts: [0, 1, { index: 1, number: 3 }] }));
    assert.equal(m.length, 3);
    assert.equal(m[2].duplicateOf, m[1]);
    assert.equal(m[1].duplicateOf, undefined);
  });

  test('table rows written as 一、… lines do not pass for parts', () => {
    const text = '一、本年新收政府信息公开申请数量\n\n二、上年结转政府信息公开申请数量\n\n三、本年度办理结果\n\n四、结转下年度继续办理\n';
    assert.deepEqual(parts(text), []);
  });

  test('Markdown parts without enumerators are matched when there are no 一、 headings', () => {
    const text = '# 民政局2022年政府信息公开工作年度报告\n\n## 总体情况\n\n正文。\n\n## 主动公开政府信息情况\n\n正文。\n';
    assert.deepEqual(parts(text).map((x) => x.spec.id), ['overview', 'proactive']);
  });
});

describe('selectProfile: the 统计期限 year when the title has none', () => {
  test('统计期限 2020 → gov-2019 when the title has no year and the tables say nothing', () => {
    const text = draft2021({ title: '青禾县民政局政府信息公开工作年度报告' }).replace(
      '本年度，本局',
      '本报告所列数据统计期限为2020年1月1日至2020年12月31日。本年度，本局',
    );
    const c = choose(text);
    assert.equal(c.profile.id, 'gov-2019');
    assert.equal(c.source, 'title-year');
    assert.match(c.reason, /统计期限年份 2020 年/);
  });

  test('a page without any title: the 统计时限 sentence names the year', () => {
    const text = draft2021({ title: '' }).replace('本年度，本局', '本报告所列数据统计时限为2022年1月1日至2022年12月31日。本年度，本局');
    const c = choose(text);
    assert.equal(c.profile.id, 'gov-2021');
    assert.match(c.reason, /统计期限年份 2022 年/);
  });

  test('no year anywhere, but the lead cites 〔2019〕60号 for the 年度报告 format', () => {
    const text = '本年度报告依据《条例》和国办公开办函〔2019〕60号所附年度报告格式编制。\n\n一、总体情况\n\n本局推进公开。\n';
    const c = choose(text);
    assert.equal(c.profile.id, 'gov-2019');
    assert.match(c.reason, /〔2019〕60号/);
  });

  test('a half-year self-assessment with a 统计期限 stays generic', () => {
    const c = choose('# 青禾县民政局2020年上半年政务公开工作自评报告\n\n本报告统计期限为2020年1月1日至6月30日。\n');
    assert.equal(c.profile.id, 'generic');
  });
});

describe('matchParts: loose headings still find their part', () => {
  test('五、存在的主要问题 (no 改进) and 四、行政复议情况 (no 诉讼) match by keywords', () => {
    const m = matchParts(parse(draft2021({ parts: [0, 1, 2, { index: 3, title: '行政复议情况' }, { index: 4, title: '存在的主要问题' }, 5] })), GOV2021);
    assert.deepEqual(m.map((x) => [x.spec.id, x.how]), [
      ['overview', 'canonical'], ['proactive', 'canonical'], ['requests', 'canonical'], ['review', 'keywords'], ['problems', 'keywords'], ['other', 'canonical'],
    ]);
  });
});

describe('profiles are data: what follows from them', () => {
  test('the nianbao.profile setting offers exactly auto and the built-in profiles', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['nianbao.profile'];
    assert.deepEqual(setting.enum, ['auto', ...BUILTIN_PROFILES.map((p) => p.id)]);
    assert.equal(setting.enumDescriptions.length, setting.enum.length);
  });

  test('each report year gets the profile whose years include it', () => {
    for (const year of [2008, 2018, 2019, 2020, 2021, 2024, 2030]) {
      const p = profileForYear(year);
      assert.ok((p.years?.from ?? -Infinity) <= year && year <= (p.years?.to ?? Infinity), `${year} → ${p.id}`);
    }
  });
});
