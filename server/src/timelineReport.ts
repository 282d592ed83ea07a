// `article-lens timeline NAME PATH...`: an entity's timeline (corpus/timeline.ts) as a readable report grouped by
// month, or as JSON.
import type { Corpus, CorpusEntity } from "./corpus";
import { timelineOf, type DatedSentence, type TimelineEntry } from "./corpus/timeline";
import { nameKey, positionIn } from "./engine";

/** The entity a name on the command line means: one named or aliased exactly so, else the most mentioned match. */
export function entityNamed(corpus: Corpus, name: string): CorpusEntity | undefined {
  const key = nameKey(name);
  const hits = corpus.search(name);
  return hits.find((e) => nameKey(e.name) === key) ?? hits.find((e) => e.aliases.some((a) => nameKey(a) === key)) ?? hits[0];
}

interface JsonEntry {
  path: string;
  /** 1-based line of the sentence's start. */
  line: number;
  start: number;
  end: number;
  date: string;
  dateSource: TimelineEntry["dateSource"];
  dateText?: string;
  sentence: string;
  headline: string | null;
  with: string[];
  datesDiffer: { path: string; line: number; date: string }[];
}

export function timelineJson(
  corpus: Corpus,
  entity: CorpusEntity,
  texts: Map<string, string>,
  entries = timelineOf(corpus, entity.id, (uri) => texts.get(uri)).entries,
): { entity: { name: string; type: string }; entries: JsonEntry[] } {
  const line = (e: DatedSentence) => positionIn(corpus.article(e.uri)!.lineStarts, e.sentence.start).line + 1;
  return {
    entity: { name: entity.name, type: entity.type },
    entries: entries.map((e) => ({
      path: e.uri,
      line: line(e),
      start: e.sentence.start,
      end: e.sentence.end,
      date: e.date,
      dateSource: e.dateSource,
      ...(e.timex ? { dateText: texts.get(e.uri)?.slice(e.timex.start, e.timex.end) ?? "" } : {}),
      sentence: oneLine(texts.get(e.uri)?.slice(e.sentence.start, e.sentence.end) ?? ""),
      headline: corpus.article(e.uri)?.headline?.text ?? null,
      with: e.coMentioned.map((id) => corpus.nameOf(id)?.name ?? id),
      datesDiffer: e.differs.map((o) => ({ path: o.uri, line: line(o), date: o.date })),
    })),
  };
}

/** The readable timeline: a heading per month, an entry per sentence with the name in **bold**. */
export function renderTimeline(corpus: Corpus, entity: CorpusEntity, texts: Map<string, string>): string {
  const { entries } = timelineOf(corpus, entity.id, (uri) => texts.get(uri));
  const json = timelineJson(corpus, entity, texts, entries).entries;
  const out = [`Timeline of ${entity.name} (${entity.type}): ${entries.length} dated ${entries.length === 1 ? "sentence" : "sentences"}`];
  let month = "";
  entries.forEach((e, i) => {
    const j = json[i]!;
    if (e.date.slice(0, 7) !== month) {
      month = e.date.slice(0, 7);
      out.push("", `## ${month}`);
    }
    const text = texts.get(e.uri) ?? "";
    let sentence = "";
    let at = e.sentence.start;
    for (const m of e.mentions) {
      sentence += `${text.slice(at, m.start)}**${text.slice(m.start, m.end)}**`;
      at = m.end;
    }
    sentence += text.slice(at, e.sentence.end);
    const source = e.dateSource === "sentence" ? `“${j.dateText}”` : "article date";
    out.push(`- ${e.date} (${source}) ${oneLine(sentence)}`, `  ${j.headline ?? "(no headline)"} — ${e.uri}:${j.line}${j.with.length ? ` · with ${j.with.join(", ")}` : ""}`);
    for (const d of j.datesDiffer) out.push(`  ! dates differ: ${d.date} in ${d.path}:${d.line}`);
  });
  return `${out.join("\n")}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
