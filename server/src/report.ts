// What the CLI prints: the JSON contract of the engine issue, or a report for a person.
import type { Corpus, CorpusEntity } from "./corpus";
import type { TimexBasis } from "./engine";
import { ENTITY_LABELS, ENTITY_TYPES } from "./labels";

export interface JsonReport {
  documents: {
    path: string;
    dct: { value: string | null; source: string; detail: string };
    headline: string | null;
    notices: string[];
    mentions: { start: number; end: number; text: string; type: string; entity: string }[];
    timexes: { start: number; end: number; text: string; type: string; value: string; end_value?: string; mod?: string; basis?: string }[];
  }[];
  entities: {
    id: string;
    type: string;
    name: string;
    aliases: string[];
    roles: { text: string; article: string }[];
    articles: string[];
    mentions: number;
  }[];
}

export function toJson(corpus: Corpus): JsonReport {
  return {
    documents: corpus.uris().map((path) => {
      const a = corpus.article(path)!;
      return {
        path,
        dct: a.dct,
        headline: a.headline?.text ?? null,
        notices: a.notices,
        mentions: corpus.mentionsIn(path).map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.id })),
        timexes: corpus.timexes(path).map((t) => ({
          start: t.start,
          end: t.end,
          text: t.text,
          type: t.type,
          value: t.value,
          ...(t.endValue !== undefined && { end_value: t.endValue }),
          ...(t.mod !== undefined && { mod: t.mod }),
          ...(t.basis !== undefined && { basis: t.basis }),
        })),
      };
    }),
    entities: corpus
      .entities()
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((e) => ({
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: e.aliases,
        roles: e.roles.map((r) => ({ text: r.text, article: r.uri })),
        articles: e.articles,
        mentions: e.mentionCount,
      })),
  };
}

export function renderJson(corpus: Corpus): string {
  return JSON.stringify(toJson(corpus), null, 1) + "\n";
}


/** What an inferred date's value rests on, said beside it in the report so a reader can check it. */
const BASIS_NOTE: Record<TimexBasis, string> = {
  tense: "placed by the tense",
  "earlier-date": "inferred from a date said earlier",
  "same-phrase": "from the date said with it",
};

export function renderReport(corpus: Corpus, texts: Map<string, string>): string {
  const out: string[] = [];
  for (const uri of corpus.uris()) {
    const a = corpus.article(uri)!;
    out.push(`━━ ${uri}`);
    if (a.headline) out.push(`   “${a.headline.text}”`);
    out.push(`   Date: ${a.dct.value ?? "unknown"} (${a.dct.source}: ${a.dct.detail})`);
    for (const notice of a.notices) out.push(`   Note: ${notice}`);
    const mentions = corpus.mentionsIn(uri);
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    for (const type of ENTITY_TYPES) {
      const here = [...counts].map(([id, n]) => [corpus.entity(id)!, n] as const).filter(([e]) => e.type === type);
      if (here.length === 0) continue;
      out.push(`   ${ENTITY_LABELS[type].heading} (${here.length}):`);
      for (const [e, n] of here.sort(([a, na], [b, nb]) => nb - na || a.name.localeCompare(b.name))) {
        const roles = [...new Set(e.roles.filter((r) => r.uri === uri).map((r) => r.text))];
        out.push(`     ${e.name} ×${n}${roles.length ? ` — ${roles.join("; ")}` : ""}`);
      }
    }
    const timexes = corpus.timexes(uri);
    if (timexes.length) {
      out.push(`   Dates and times (${timexes.length}):`);
      const text = texts.get(uri) ?? "";
      for (const t of timexes) {
        const range = t.endValue ? ` … ${t.endValue}` : "";
        const mod = t.mod ? ` [${t.mod}]` : "";
        const inferred = t.basis ? `   ~ ${BASIS_NOTE[t.basis]}` : "";
        out.push(`     ${text.slice(t.start, t.end).padEnd(24)} ${t.type.padEnd(8)} ${t.value}${range}${mod}${inferred}`);
      }
    }
    out.push("");
  }
  const shared = corpus
    .entities()
    .filter((e) => e.articles.length > 1)
    .sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  out.push(`━━ Shared across articles (${shared.length} entities)`);
  for (const e of shared) out.push(`   ${describe(e)} — in ${e.articles.length}: ${e.articles.map(shortName).join(", ")}`);
  return out.join("\n") + "\n";
}

function describe(e: CorpusEntity): string {
  return `${e.name} (${e.type}, ${e.mentionCount} mentions)`;
}

const shortName = (uri: string) => uri.split(/[\\/]/).pop()!;
