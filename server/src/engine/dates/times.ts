// Clock times: "12:00 UTC Monday", "16:00 UTC today", "3 p.m.", "12.30pm", "10:30 a.m. EST", "2100 GMT", "noon".
// The day is the one named right after the time, else one said nearby (index.ts), else the last day the text spoke
// of ("the quake struck on Sunday … at 7:58 a.m. local time"), else the article's date. A bare "H:MM" counts only
// with a zone, am/pm, or "at"/"by"/"until" before it, so that scores and ratios ("3:2") stay out; four digits only
// with GMT/UTC.
import { formatDay } from "./calendar";
import { WB, WE, WEEKDAY } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";
import { dayInFocus, relativeReading } from "./relative";
import { placeWeekdayName } from "./weekdays";

/**
 * A time zone, by abbreviation or by name ("Central European Summer Time", "Eastern Daylight Time"): part of the
 * time, never a season of its own.
 */
const ZONE =
  "(?<tz>UTC|GMT|Z|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|BST|CET|CEST|EET|EEST|IST|JST|KST|AEST|AEDT|(?:\\p{Lu}\\p{Ll}+\\s+){1,3}(?:Standard|Daylight|Summer|Mean)\\s+Time|(?:Eastern|Central|Mountain|Pacific|Atlantic)\\s+Time|Coordinated\\s+Universal\\s+Time|local\\s+time)";
/** "3 p.m." keeps its dots; "3 PM." at a sentence's end does not take the sentence's period. */
const AMPM = "(?<ampm>[ap]\\.\\s?m\\.|[AP]\\.M\\.|[AaPp][Mm](?![\\p{L}]))";
const DAY_AFTER = `(?:,?\\s+(?:on\\s+)?(?<day>today|yesterday|tomorrow|tonight|${WEEKDAY}))?`;
const CLOCK = pattern(
  `(?<=(?<prep>${WB}(?:at|by|until|till|from|to|before|after|around|about)\\s+)?)${WB}(?<t>(?:(?:(?<h>\\d{1,2})(?:[:.](?<mi>[0-5]\\d))?\\s*${AMPM}|(?<h2>[01]?\\d|2[0-3]):(?<mi2>[0-5]\\d)|(?<h3>[01]\\d|2[0-3])(?<mi3>[0-5]\\d)(?=\\s+(?:GMT|UTC|Z)${WE}))(?:\\s+${ZONE})?|(?<noon>noon|midnight))${DAY_AFTER})${WE}`,
);

function readClock(g: Groups, scope: Scope, at: { start: number }): Reading | null {
  let hour = Number(g.h ?? g.h2 ?? g.h3 ?? (g.noon === "noon" ? 12 : 0));
  const minute = Number(g.mi ?? g.mi2 ?? g.mi3 ?? 0);
  if (g.ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^p/i.test(g.ampm);
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (g.h2 !== undefined && !g.tz && !g.prep) return null;
  const utc = g.tz && /^(?:UTC|GMT|Z|Greenwich\s+Mean\s+Time|Coordinated\s+Universal\s+Time)$/.test(g.tz);
  const clock = `T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}${utc ? "Z" : ""}`;
  const focus = !g.day && scope.previousDay ? dayInFocus(scope) : undefined;
  const day = g.day
    ? /day$/i.test(g.day) && !/^(today|yesterday)$/i.test(g.day)
      ? placeWeekdayName(g.day, undefined, scope, at.start)
      : { value: relativeReading("day", { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[g.day.toLowerCase()] ?? 0, scope).value, meaning: g.day.toLowerCase() }
    : (focus ?? { value: scope.dct ? formatDay(scope.dct) : "XXXX-XX-XX", meaning: "the article's date" });
  // A clock time with no day of its own: the day said with it nearby wins over the one in focus ("Friday evening
  // at 9 PM", "at 16:15 UTC, June 1st"), see `onItsDay` in index.ts.
  return { type: "TIME", value: `${day.value}${clock}`, meaning: `${clock.slice(1)} on ${day.meaning}`, ...(!g.day && { clock }), ...(focus?.basis && { basis: focus.basis }) };
}

export function findClockTimes(sentence: string): Candidate[] {
  return scan(sentence, CLOCK, readClock);
}
