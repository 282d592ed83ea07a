// Recurring times (TIMEX3 SET): "annual", "daily", "every week", "each Monday", "day by day" (a spin
// of "daily").
import { SEASONS, WB, WE, WEEKDAY, weekdayNumber } from "./lexicon";
import { pattern, scan } from "./match";
import type { Candidate, Reading } from "./model";

const ADVERB: Record<string, [string, string]> = {
  hourly: ["PT1H", "every hour"], daily: ["P1D", "every day"], nightly: ["P1D", "every night"], weekly: ["P1W", "every week"],
  biweekly: ["P2W", "every two weeks"], monthly: ["P1M", "every month"], quarterly: ["P3M", "every quarter"],
  annual: ["P1Y", "every year"], annually: ["P1Y", "every year"], yearly: ["P1Y", "every year"], biannual: ["P6M", "twice a year"],
};
const UNIT_CODE: Record<string, string> = { hour: "PT1H", day: "P1D", night: "P1D", week: "P1W", month: "P1M", year: "P1Y", yr: "P1Y", quarter: "P3M" };

const SET = pattern(
  `${WB}(?<t>(?<adv>hourly|daily|nightly|biweekly|weekly|monthly|quarterly|annual|annually|yearly|biannual)|(?:every|each)\\s+(?:(?<unit>hour|day|night|week|month|year|yr|quarter)|(?<wd>${WEEKDAY})|(?<season>spring|summer|autumn|fall|winter))|(?<=${WB}on\\s+)(?<wds>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)|(?<dbd>day by day|day after day|week by week|year after year))${WE}`,
  "i",
);

/** "twice a year", "three times a week", "once per month": a frequency, valued by its period (TIMEX3 has no count). */
const FREQUENCY = pattern(`${WB}(?<t>(?:once|twice|thrice|(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few)\\s+times)\\s+(?:a|an|per|each|every)\\s+(?<unit>hour|day|night|week|month|year|quarter))${WE}`, "i", /once|twice|thrice|times/i);

function readSet(g: Record<string, string | undefined>): Reading | null {
  if (g.adv) {
    const [value, meaning] = ADVERB[g.adv.toLowerCase()]!;
    return { type: "SET", value, meaning };
  }
  if (g.unit) return { type: "SET", value: UNIT_CODE[g.unit.toLowerCase()]!, meaning: `every ${g.unit.toLowerCase()}` };
  if (g.wd ?? g.wds) {
    const wd = (g.wd ?? g.wds!.slice(0, -1))!;
    return { type: "SET", value: `XXXX-WXX-${weekdayNumber(wd)}`, meaning: `every ${wd}` };
  }
  if (g.season) return { type: "SET", value: `XXXX-${SEASONS[g.season.toLowerCase()]}`, meaning: `every ${g.season.toLowerCase()}` };
  const unit = g.dbd!.split(/\s+/)[0]!.toLowerCase();
  return { type: "SET", value: UNIT_CODE[unit]!, meaning: `every ${unit}` };
}

export function findSets(sentence: string): Candidate[] {
  return [
    ...scan(sentence, SET, readSet),
    ...scan(sentence, FREQUENCY, (g) => ({ type: "SET", value: UNIT_CODE[g.unit!.toLowerCase()]!, meaning: `${g.t!.toLowerCase()}: a number of times every ${g.unit!.toLowerCase()}` })),
  ];
}
