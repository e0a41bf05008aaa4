// How complete a breakdown claims to be, which decides what a sum that misses its total means:
//   complete  — the parts are the whole by the way they are written: "A 5条、B 3条，共计8条" (the
//               total sums the parts), "分别为…", or a list that ends in 其他/其余 (nothing is left out);
//   presumed  — "共149条，其中A 7条、B 3条……" or "在……的425条信息中，A 148条……" with no sign of a sample:
//               probably complete, so a shortfall is a probable mistake;
//   partial   — the writer says the list is a selection: 主要有/主要包括/主要类别/重点有/如/例如/以…为主
//               before the parts, or 等 right after the last one ("……16条等相关信息").
// A list whose parts are publishing channels (网站、微博、微信 …) may count one item in several channels,
// so its parts can exceed a total stated before them. A list of who attended (其中主要负责同志出席3场、
// 分管负责同志出席5场) is no breakdown at all: one event has several attendants and another none.

import type { ProseNumber } from './tokens';

export type ListKind = 'complete' | 'presumed' | 'partial';

/** Words before the first part that make the list a selection (bounded, no adjacent open quantifiers). */
const SELECTION_LEAD = /主要(?:有|包括|包含|涉及|是|为|类别|类型|内容|集中(?:在|于))|重点(?:有|包括|是)|(?:诸如|例如|比如|譬如)|以[^，,；;。]{1,16}为主/;
/** The same, as a whole clause of its own: "其中：主要有" / "如：" just before the parts. */
const SELECTION_WORD_ONLY = /^[\s：:]*如[\s：:]*$/;
/** 等 right after the last part closes a selection ("16条等相关信息", "3件等"). */
const ETC_AFTER = /^[\s、]{0,2}等/;
/**
 * A part labelled 其他/其余 is the rest: with it the list leaves nothing out. Not the national
 * tables' own categories that begin with the word (（六）其他处理, 表四's 其他结果), which are one
 * outcome among several.
 */
const REST_LABEL = /其[他它](?!法律|组织|社会组织|处理|结果)|其余|剩余/;
/** Labels naming a publishing channel. */
const CHANNEL = /网站|门户|网页|微博|微信|公众号|新媒体|客户端|APP|App|app|抖音|快手|头条|视频号|小程序|报刊|报纸|杂志|电视|广播|电台|公报|政报|公开栏|宣传栏|显示屏|电子屏|LED|短信|热线|查阅点|发布会|媒体|平台/;

/** A label naming what a part concerns, not what kind it is. */
const TOPIC = /涉及|关于|有关/;

/** Labels saying who attended or took part: such parts overlap and need not cover the total. */
const ATTENDANCE = /出席|参加|参与|主持|列席|陪同/;

/** The words between a part and what comes before it: its label ("机构职能类信息" of "机构职能类信息148条"). */
export function labelOf(text: string, terms: readonly ProseNumber[], i: number, from: number): string {
  const start = i > 0 ? terms[i - 1].endWithUnit : from;
  return text.slice(Math.max(start, terms[i].start - 40), terms[i].start);
}

export interface ListShape {
  kind: ListKind;
  /** True when most parts are publishing channels. */
  channels: boolean;
  /** True when the parts are no breakdown: every part counts who attended (出席、参加 …) or names a topic (涉及 …). */
  attendance: boolean;
}

/**
 * @param leadIn  the text from the start of the total's clause to the first part (or, for a total
 *                after its parts, from the first part's clause start to the first part)
 * @param listStart where the first part's label may begin
 * @param trailing  true when the total follows the parts (共计/合计 …)
 */
export function shapeOf(text: string, terms: readonly ProseNumber[], leadIn: string, listStart: number, trailing: boolean, opener: string): ListShape {
  const labels = terms.map((_, i) => labelOf(text, terms, i, listStart));
  const last = terms[terms.length - 1];
  const etc = ETC_AFTER.test(text.slice(last.endWithUnit, last.endWithUnit + 4));
  const selection = SELECTION_LEAD.test(leadIn) || SELECTION_WORD_ONLY.test(leadIn.slice(-4));
  const channelCount = labels.filter((l) => CHANNEL.test(l)).length;
  const channels = channelCount * 2 > labels.length;
  // Parts named by what they concern ("涉及不动产登记的申请71件，涉及征地补偿的申请58件") pick topics out
  // of the total, and one application may concern two: like attendance, no breakdown at all.
  const attendance = labels.every((l) => ATTENDANCE.test(l)) || labels.every((l) => TOPIC.test(l));
  let kind: ListKind;
  if (selection || etc) kind = 'partial';
  else if (trailing || opener.startsWith('分别') || opener.startsWith('依次') || labels.some((l) => REST_LABEL.test(l))) kind = 'complete';
  else kind = 'presumed';
  return { kind, channels, attendance };
}
