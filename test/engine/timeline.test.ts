// An entity's timeline across the folder (server/src/corpus/timeline.ts): the seeds, and articles written for the
// test where two reports date the same meeting differently.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Corpus, recordOf } from "../../server/src/corpus";
import { calendarNumber, calendarString, calendarValue } from "../../server/src/corpus/calendar";
import { contentWords, timelineOf } from "../../server/src/corpus/timeline";
import { analyzeArticle } from "../../server/src/engine/analyze";
import { SEED_DATES } from "../server/lspClient";

function corpusOf(articles: Record<string, { text: string; date: string }>): { corpus: Corpus; text: (uri: string) => string | undefined } {
  const corpus = new Corpus();
  for (const [uri, { text, date }] of Object.entries(articles)) corpus.upsert(uri, recordOf(analyzeArticle(text, { date })));
  corpus.settle(true);
  return { corpus, text: (uri) => articles[uri]?.text };
}

const idNamed = (corpus: Corpus, name: string) => corpus.entities().find((e) => e.name === name)?.id;

describe("the seeds", () => {
  const seeds = Object.fromEntries(Object.entries(SEED_DATES).map(([name, date]) => [name, { text: readFileSync(join(__dirname, "../../samples", name), "utf8"), date }]));
  const { corpus, text } = corpusOf(seeds);
  const blinken = idNamed(corpus, "Antony Blinken")!;
  const { entries } = timelineOf(corpus, blinken, text);

  it("Blinken's timeline runs through all five articles, from February to June 2023, in date order", () => {
    expect(new Set(entries.map((e) => e.uri))).toEqual(new Set(Object.keys(SEED_DATES)));
    expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
    const months = new Set(entries.map((e) => e.date.slice(0, 7)));
    expect(months.has("2023-02")).toBe(true);
    expect(months.has("2023-06")).toBe(true);
  });

  it("each entry is a sentence that names him, dated by its own expression or else by its article's date", () => {
    for (const e of entries) {
      const body = text(e.uri)!;
      expect(e.sentence.start).toBeLessThan(e.sentence.end);
      for (const m of e.mentions) {
        expect(m.start).toBeGreaterThanOrEqual(e.sentence.start);
        expect(m.end).toBeLessThanOrEqual(e.sentence.end);
        expect(body.slice(m.start, m.end)).toMatch(/Blinken/);
      }
      if (e.dateSource === "article") expect(e.date).toBe(SEED_DATES[e.uri]);
      else expect(e.timex!.start).toBeGreaterThanOrEqual(e.sentence.start);
    }
    // Sunday in 003 (2023-06-18) is the sentence's own date.
    expect(entries.some((e) => e.dateSource === "sentence" && e.date === "2023-06-18" && text(e.uri)!.slice(e.timex!.start, e.timex!.end).includes("Sunday"))).toBe(true);
  });

  it("counts every entry per month; with a limit, makes the first entries alone, marks included", () => {
    const { total, months, entries: first } = timelineOf(corpus, blinken, text, 3);
    expect(total).toBe(entries.length);
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(total);
    expect(months.map((m) => m.month)).toEqual([...new Set(entries.map((e) => e.date.slice(0, 7)))]);
    expect(first).toEqual(entries.slice(0, 3));
    expect(timelineOf(corpus, blinken, text, 3, 3).entries).toEqual(entries.slice(3, 6));
  });

  it("lists the other names of each sentence", () => {
    const withXi = entries.filter((e) => e.coMentioned.some((id) => corpus.entity(id)?.name === "Xi Jinping"));
    expect(withXi.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.coMentioned).not.toContain(blinken);
  });
});

describe("dates that differ", () => {
  const { corpus, text } = corpusOf({
    "a.txt": { date: "2023-03-10", text: "Water deal signed\n\nAcme Corp chief Maria Lopez met Governor Tom Brady in Denver on March 3, 2023, to sign the water deal.\n" },
    "b.txt": { date: "2023-03-12", text: "Denver water deal\n\nAcme Corp chief Maria Lopez met Governor Tom Brady in Denver on March 5, 2023, to sign the water deal.\n" },
    "c.txt": { date: "2023-03-14", text: "Stadium tour\n\nAcme Corp chief Maria Lopez and Governor Tom Brady toured a stadium in Denver on March 9, 2023.\n" },
    "d.txt": { date: "2023-03-15", text: "Deal recalled\n\nAcme Corp chief Maria Lopez met Governor Tom Brady in Denver in March 2023 to sign the water deal.\n" },
  });
  const lopez = idNamed(corpus, "Maria Lopez")!;
  const { entries } = timelineOf(corpus, lopez, text);
  const of = (uri: string) => entries.findIndex((e) => e.uri === uri);

  it("pairs two articles that tell the same meeting with different dates of their own", () => {
    expect(entries.map((e) => [e.uri, e.date])).toEqual([
      ["d.txt", "2023-03"],
      ["a.txt", "2023-03-03"],
      ["b.txt", "2023-03-05"],
      ["c.txt", "2023-03-09"],
    ]);
    expect(entries[of("a.txt")]!.differs).toEqual([{ uri: "b.txt", sentence: entries[of("b.txt")]!.sentence, date: "2023-03-05" }]);
    expect(entries[of("b.txt")]!.differs).toEqual([{ uri: "a.txt", sentence: entries[of("a.txt")]!.sentence, date: "2023-03-03" }]);
  });

  it("does not pair a different event with the same names, nor a date that only says less (March 2023)", () => {
    expect(entries[of("c.txt")]!.differs).toEqual([]);
    expect(entries[of("d.txt")]!.differs).toEqual([]);
  });
});

describe("pieces", () => {
  it("a date or time's calendar part (a week's month is its Thursday's); none for durations, unknown years and references", () => {
    expect(calendarValue({ type: "DATE", value: "2023-06-18" })).toBe("2023-06-18");
    expect(calendarValue({ type: "TIME", value: "2023-06-18T21:00" })).toBe("2023-06-18");
    expect(calendarValue({ type: "DATE", value: "2023-06" })).toBe("2023-06");
    expect(calendarValue({ type: "DATE", value: "2023-W24" })).toBe("2023-06");
    expect(calendarValue({ type: "DATE", value: "2023-W24-WE" })).toBe("2023-06");
    expect(calendarValue({ type: "DATE", value: "2021-W01" })).toBe("2021-01"); // Thursday 7 January
    expect(calendarValue({ type: "DATE", value: "2020-W53" })).toBe("2020-12"); // Thursday 31 December
    expect(calendarValue({ type: "DATE", value: "2023-SU" })).toBe("2023");
    expect(calendarValue({ type: "DATE", value: "XXXX-06" })).toBeUndefined();
    expect(calendarValue({ type: "DATE", value: "PRESENT_REF" })).toBeUndefined();
    expect(calendarValue({ type: "DURATION", value: "P2D" })).toBeUndefined();
  });

  it("calendar values as numbers order as the strings do, and come back", () => {
    const values = ["2022", "2023", "2023-02", "2023-02-01", "2023-06", "2023-06-18"];
    expect(values.map(calendarNumber)).toEqual([...values.map(calendarNumber)].sort((a, b) => a - b));
    for (const v of values) expect(calendarString(calendarNumber(v))).toBe(v);
    expect(calendarNumber(undefined)).toBe(-1);
    expect(calendarString(-1)).toBeUndefined();
  });

  it("content words leave out names, dates and function words", () => {
    const sentence = "Maria Lopez met the governor on Monday to sign the deal.";
    expect([...contentWords(sentence, [{ start: 0, end: 11 }, { start: 32, end: 38 }])]).toEqual(["met", "governor", "sign", "deal"]);
  });
});
