// Which way a clause looks: a past-tense report ("met on Wednesday") points a bare weekday or
// month back from the article's date; a forward-looking one ("will travel on Sunday", "is expected
// to meet") points it ahead. The nearest tense-bearing word to the time expression decides, so a
// sentence mixing "said" and "will" is read clause by clause.
import type { Tense } from "./model";
import { SPUN_PLANNED } from "./spun";

/**
 * Words and phrases that look ahead. Checked before the past-tense ones, which would claim "expected".
 * "would" is neither: in reported speech ("said he would visit on Friday") it leans both ways.
 * The modal "Could" spun from "May" is capitalised mid-sentence, so it is only taken in lower case.
 */
const FUTURE_WORDS = (
  [
    "will", "won[’']t", "shall", "going to", "gonna", "might", "may", "could", "can", "should", "must", "intends? to", "expects? to", "aims? to", "hopes? to", "plans? to",
    "(?:is|are|was|were) to", "(?:is|are) due", "upcoming", "set to", "takes? effect", "due to (?:be|begin|start|arrive|meet|visit|travel|hold|take|make|vote)",
    "(?:expected|predicted|anticipated|scheduled|slated|poised|planned|hoped|likely|set|due) (?:to|for)",
    `(?:${SPUN_PLANNED.join("|")}) to`,
    // The present tense of travel and meeting verbs announces a schedule: "Blinken arrives in Beijing on Sunday".
    "(?:arrives|travels|visits|heads|departs|leaves|meets|hosts|begins|starts|opens|returns|flies|convenes|resumes|reopens|kicks off|takes place|runs until|runs through)",
    // …and so does its plural ("the playoffs begin Saturday", "the Games open on Friday").
    "(?:arrive|travel|visit|depart|meet|host|begin|start|open|resume|reopen|convene|kick off|take place)(?= (?:on |at |in |from |this |next )?(?:\\p{Lu}|\\d|next|this))",
    // What starts at a time is scheduled: "beginning in the fall", "starting Monday", "effective Jan. 1".
    "(?:beginning|starting|effective)(?= (?:in |on |at |from )?(?:the |\\p{Lu}|\\d|next|this))",
  ].map((p) => `(?:${p})`).join("|")
);
const FUTURE = new RegExp(`(?<![\\p{L}])(?:${FUTURE_WORDS})(?![\\p{L}])`, "gu");

/**
 * A promise or agreement looks ahead, but only over what follows it: "agreed in December to meet again in February"
 * (February is ahead), while "held talks Friday and agreed to strengthen ties" leaves Friday to "held".
 */
const PROMISE = /(?<![\p{L}])(?:agreed|agrees|promised|promises|pledged|pledges|vowed|vows|decided|decides|threatened|threatens|offered|offers|wants|wanted|voted) to(?![\p{L}])/gu;

/** Irregular past forms common in news reports; regular ones are caught by their -ed ending. */
const IRREGULAR_PAST = new Set(
  ("was were had did said told met came went made took gave saw left began held spoke wrote sent brought thought found " +
    "became rose fell won lost paid sold bought led kept flew drew struck grew ran hit knew stood sat got felt heard meant " +
    "broke chose drove ate fought forgot froze hid rode rang sang shook shot slept spent spun stole swore swept swam threw " +
    "understood woke wore withdrew overtook undertook arose sought taught caught").split(" "),
);

/** -ed words that are not past verbs (or too often adjectives) in news text. */
const NOT_PAST = new Set("need speed seed feed bed red shed breed deed creed greed united based so-called indeed hundred".split(" "));

/** A verb of saying; "would" after it is the future of reported speech. */
const REPORTED = /(?<![\p{L}])(?:said|says|told|announced|added|stated|warned|predicted|forecast)(?![\p{L}])/u;
const WOULD = /(?<![\p{L}])would(?![\p{L}])/gu;
/** An attribution after the reported clause (", officials said"): the saying is not the clause's tense. */
const ATTRIBUTION = /^(?:said|says|told|added|stated|reported|announced|confirmed|warned|insisted|explained|wrote|noted|argued)$/;

interface Signal {
  index: number;
  tense: Exclude<Tense, "unknown">;
  /** The word or phrase that said so ("will", "said", "is expected to"). */
  cue: string;
  /** Governs only the times after it (a promise's infinitive). */
  aheadOnly?: boolean;
}

/** The tense at a place in a sentence and the words that decided it ("will run", "said", "since"). */
export interface TenseCue {
  tense: Tense;
  cue?: string;
}

/** Tense signals of one sentence, in order. */
export function tenseSignals(sentence: string): Signal[] {
  const signals: Signal[] = [];
  const futureSpans: [number, number][] = [];
  // Contractions hang off the previous word ("he’ll"), so they are found without a word start.
  for (const m of sentence.matchAll(/[’']ll(?![\p{L}])/gu)) signals.push({ index: m.index, tense: "future", cue: m[0] });
  for (const m of sentence.matchAll(FUTURE)) {
    signals.push({ index: m.index, tense: "future", cue: m[0] });
    futureSpans.push([m.index, m.index + m[0].length]);
  }
  // "said on Monday that it would announce the results on Thursday": reported speech looks ahead of the saying.
  const reported = REPORTED.exec(sentence);
  if (reported) {
    for (const m of sentence.slice(reported.index).matchAll(WOULD)) {
      signals.push({ index: reported.index + m.index, tense: "future", cue: `${reported[0]} … ${m[0]}`, aheadOnly: true });
      futureSpans.push([reported.index + m.index, reported.index + m.index + m[0].length]);
    }
  }
  for (const m of sentence.matchAll(PROMISE)) {
    signals.push({ index: m.index, tense: "future", cue: m[0], aheadOnly: true });
    futureSpans.push([m.index, m.index + m[0].length]);
  }
  for (const m of sentence.matchAll(/(?<![\p{L}])\p{Ll}[\p{Ll}-]*(?![\p{L}])/gu)) {
    if (futureSpans.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const w = m[0];
    // A participle after "be" is a passive infinitive ("should be completed", "to be held"), not a report of the past.
    const passive = /\b(?:be|being|been)\s+$/.test(sentence.slice(Math.max(0, m.index - 7), m.index));
    // After "to" or a modal, a form like "hit", "cut", "set" is the bare verb: "is expected to hit a record".
    const bare = /(?<![\p{L}])(?:to|will|would|can|could|may|might|must|shall|should|did|does|do)\s+$/u.test(sentence.slice(Math.max(0, m.index - 8), m.index));
    // After a determiner an -ed word is an adjective: "the proposed tax increase", "a planned visit".
    const adjective = /(?<![\p{L}])(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$/iu.test(sentence.slice(Math.max(0, m.index - 7), m.index));
    const past = !passive && !bare && !(adjective && w.endsWith("ed")) && (IRREGULAR_PAST.has(w) || (w.length > 4 && /ed$/.test(w) && !NOT_PAST.has(w)));
    if (past) signals.push({ index: m.index, tense: "past", cue: w });
  }
  return signals.sort((a, b) => a.index - b.index);
}

/** How far (in characters) a tense word may stand from the time expression it governs. */
const REACH = 250;
/** Signals looked at on each side: a clause break can make the second or third nearest win. */
const NEIGHBOURS = 3;

/** Index of the first signal at or after `index` (signals are sorted). */
function firstAfter(signals: Signal[], index: number): number {
  let lo = 0;
  let hi = signals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (signals[mid]!.index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Tense at `index` of a sentence: the nearest signal, with signals across a clause break
 * (";", a dash, a quotation's end) counting as further away.
 */
export function tenseAt(sentence: string, signals: Signal[], index: number): Tense {
  return tenseCueAt(sentence, signals, index).tense;
}

// A preposition right before a time decides its direction, also across "the end of", "the start of": "by the end of May".
const PART_OF = "(?:the\\s+(?:end|start|beginning|middle|close|turn)\\s+of\\s+)?(?:(?:early|late|mid)[\\s-]+)?$";
const SINCE_BEFORE = new RegExp(`(?<![\\p{L}])(since|following)\\s+${PART_OF}`, "iu");
// ("ahead of" is left to the clause: "prices rose ahead of Labor Day" is the Labor Day just past.)
const BY_BEFORE = new RegExp(`(?<![\\p{L}])(by|until|till)\\s+${PART_OF}`, "iu");
const AHEAD_BEFORE = new RegExp(`(?<![\\p{L}])(ahead of|in the run-up to)\\s+${PART_OF}`, "iu");
/** A copula right before a time states a schedule: "the vote is on Tuesday", "the hearing is in March". */
const SCHEDULE_BEFORE = /(?<![\p{L}])(is|are|[’']s)\s+(?:(?:on|in|at)\s+)?$/u;

/** Like `tenseAt`, with the words that decided: what a date's explanation quotes. */
export function tenseCueAt(sentence: string, signals: Signal[], index: number): TenseCue {
  // The preposition in front decides first: "since November" looked back, "by early June" ahead.
  const before = sentence.slice(Math.max(0, index - 40), index);
  const since = SINCE_BEFORE.exec(before);
  if (since) return { tense: "past", cue: since[1]!.toLowerCase() };
  const by = BY_BEFORE.exec(before);
  if (by) return { tense: "future", cue: by[1]!.toLowerCase() };
  // "ahead of Christmas", "before Easter": the nearest such time, whatever the clause's tense.
  const ahead = AHEAD_BEFORE.exec(before);
  if (ahead) return { tense: "unknown", cue: ahead[1]!.toLowerCase() };
  const schedule = SCHEDULE_BEFORE.exec(before);
  if (schedule) return { tense: "future", cue: schedule[0].trim() };
  let best: Signal | null = null;
  let bestDistance = Infinity;
  // Only the few signals on either side can be nearest; this keeps long run-on text linear.
  const at = firstAfter(signals, index);
  for (const s of signals.slice(Math.max(0, at - NEIGHBOURS), at + NEIGHBOURS)) {
    if (Math.abs(s.index - index) > REACH || (s.aheadOnly && s.index > index)) continue;
    const [a, b] = s.index < index ? [s.index, index] : [index, s.index];
    const between = sentence.slice(a, b);
    if (s.index > index && ATTRIBUTION.test(s.cue) && between.includes(",")) continue;
    // A clause break: punctuation, a conjunction after a comma, "when"/"that", or "and" opening a new predicate ("and is due").
    // (Read a little past the signal, so "and" before the signal "is due" is seen with it.)
    const breaks = (sentence.slice(a, b + 8).match(/[;—–]|[”"]\s|, (?:but|while|whereas|and)\b|\b(?:when|that)\b|\band (?=(?:is|are|was|were|will|has|have|had)\b)/g) ?? []).length;
    const distance = between.split(/\s+/).length + breaks * 12;
    // On a tie the word before wins: the verb a time phrase modifies mostly precedes it ("said on Wednesday it may").
    if (distance < bestDistance) {
      best = s;
      bestDistance = distance;
    }
  }
  return best ? { tense: best.tense, cue: best.cue } : { tense: "unknown" };
}
