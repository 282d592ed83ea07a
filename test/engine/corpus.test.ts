// The corpus index across articles: identities resolved over all of them, and, on a corpus large enough that
// resolving costs time, a changed article attached at once by its names' keys until identities settle again.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { Corpus, decodeRecord, encodeRecord, recordOf } from "../../server/src/corpus";
import { entitiesUnread } from "../../server/src/corpus/record";
import type { AnalyzeOptions } from "../../server/src/engine";
import { analyzeArticle } from "../../server/src/engine/analyze";
import { SEED_DATES as SEEDS } from "../server/lspClient";

/** What the corpus stores of an analysis. */
const analyse = (text: string, options: AnalyzeOptions) => recordOf(analyzeArticle(text, options));

const text = (name: string) => readFileSync(join(__dirname, "../../samples", name), "utf8");
const load = (corpus: Corpus) => {
  for (const [name, date] of Object.entries(SEEDS)) corpus.upsert(name, analyse(text(name), { date }));
};
const idOfName = (corpus: Corpus, uri: string, name: string) => corpus.mentionsIn(uri).find((m) => m.text === name)?.id;

it("one id for Antony Blinken in every seed; Wang is Wang Yiwei in 000 and Wang Yi in 002", () => {
  const corpus = new Corpus();
  load(corpus);
  const blinken = idOfName(corpus, "003_81d969409292dfb7.txt", "Blinken")!;
  expect(corpus.entity(blinken)!.name).toBe("Antony Blinken");
  expect(corpus.entity(blinken)!.articles).toHaveLength(5);
  expect(corpus.entity(idOfName(corpus, "000_522416522264bb26.txt", "Wang")!)!.name).toBe("Wang Yiwei");
  expect(corpus.entity(idOfName(corpus, "002_1194d7b2bb6911ef.txt", "Wang")!)!.name).toBe("Wang Yi");
});

it("an edited article is attached by its names' keys before identities settle, then settles to the same ids", () => {
  const corpus = new Corpus(0); // every resolution counts as costly: changes are attached, not resolved at once
  load(corpus);
  const uri = "003_81d969409292dfb7.txt";
  const blinken = idOfName(corpus, uri, "Blinken")!;
  const before = corpus.mentionsOf(blinken).filter((m) => m.uri === uri).length;

  const edited = `${text(uri)}\nOn Tuesday Ingrid Vaszary of the Baltic Maritime Authority met Antony Blinken in Gdansk.\n`;
  corpus.upsert(uri, analyse(edited, { date: SEEDS[uri] }));
  expect(corpus.stale).toBe(true);
  // Positions and ids of the edited article are current at once…
  for (const m of corpus.mentionsIn(uri)) expect(edited.slice(m.start, m.end)).toBe(m.text);
  expect(idOfName(corpus, uri, "Antony Blinken")).toBe(blinken);
  const vaszary = idOfName(corpus, uri, "Ingrid Vaszary")!;
  expect(corpus.entity(vaszary)).toMatchObject({ name: "Ingrid Vaszary", type: "person", articles: [uri] });
  // …and so are its mentions in cross-article answers, in corpus order.
  const all = corpus.mentionsOf(blinken);
  expect(all.filter((m) => m.uri === uri)).toHaveLength(before + 1);
  expect(all.map((m) => m.uri)).toEqual([...all.map((m) => m.uri)].sort());
  for (const m of all.filter((m) => m.uri === uri)) expect(edited.slice(m.start, m.end)).toBe(m.text);

  corpus.settle(true);
  expect(corpus.stale).toBe(false);
  expect(idOfName(corpus, uri, "Antony Blinken")).toBe(blinken);
  expect(corpus.entity(idOfName(corpus, uri, "Ingrid Vaszary")!)!.name).toBe("Ingrid Vaszary");
  expect(corpus.mentionsOf(blinken).filter((m) => m.uri === uri)).toHaveLength(before + 1);
});

it("a removed article leaves cross-article answers at once", () => {
  const corpus = new Corpus(0);
  load(corpus);
  const blinken = idOfName(corpus, "003_81d969409292dfb7.txt", "Blinken")!;
  corpus.remove("000_522416522264bb26.txt");
  expect(corpus.mentionsOf(blinken).some((m) => m.uri === "000_522416522264bb26.txt")).toBe(false);
  expect(corpus.mentionsIn("000_522416522264bb26.txt")).toEqual([]);
});

/** The seeds' corpus with its identities resolved, and those identities as they are stored. */
function resolvedSeeds(): { original: Corpus; stored: NonNullable<ReturnType<Corpus["storedIdentities"]>> } {
  const original = new Corpus();
  load(original);
  original.settle(true);
  return { original, stored: original.storedIdentities()! };
}

it("stored identities give the same answers without clustering, and only for the entities they were made from", () => {
  const { original, stored } = resolvedSeeds();
  const snapshot = (corpus: Corpus) =>
    corpus.uris().map((uri) => corpus.mentionsIn(uri).map((m) => `${m.start}:${m.id}:${corpus.entity(m.id)!.name}:${corpus.entity(m.id)!.articles.length}`));

  const reopened = new Corpus();
  load(reopened);
  expect(reopened.restore(JSON.parse(JSON.stringify(stored)))).toBe(true);
  expect(reopened.stale).toBe(false);
  expect(snapshot(reopened)).toEqual(snapshot(original));
  // Still a working resolution: an edit is attached to it by its names' keys.
  const uri = "003_81d969409292dfb7.txt";
  reopened.upsert(uri, analyse(`${text(uri)}\nAntony Blinken left.\n`, { date: SEEDS[uri] }));
  expect(idOfName(reopened, uri, "Antony Blinken")).toBe(idOfName(original, uri, "Antony Blinken"));

  // Refused: another article's entities changed, or the stored data does not add up.
  const changed = new Corpus();
  load(changed);
  changed.upsert(uri, analyse(`${text(uri)}\nIngrid Vaszary left.\n`, { date: SEEDS[uri] }));
  expect(changed.restore(stored)).toBe(false);
  const fresh = () => {
    const corpus = new Corpus();
    load(corpus);
    return corpus;
  };
  const tampered = JSON.parse(JSON.stringify(stored)) as typeof stored;
  tampered.clusters[1]!.members = [...tampered.clusters[0]!.members];
  expect(fresh().restore(tampered)).toBe(false);
  expect(fresh().restore({ ...stored, clusters: stored.clusters.slice(1) })).toBe(false);
  expect(fresh().restore({ ...stored, clusters: [{ ...stored.clusters[0]!, type: "planet" as never }, ...stored.clusters.slice(1)] })).toBe(false);
});

it("a costly resolution waits until changes pause for a few times its cost: typing never waits behind one", () => {
  vi.useFakeTimers({ toFake: ["performance"] });
  try {
    const corpus = new Corpus(0); // every resolution counts as costly
    load(corpus);
    corpus.settle(true);
    const uri = "003_81d969409292dfb7.txt";
    const edit = (n: number) => corpus.upsert(uri, analyse(`${text(uri)}\nIngrid Vaszary${n} left.\n`, { date: SEEDS[uri] }));
    for (let n = 0; n < 5; n++) {
      edit(n);
      vi.advanceTimersByTime(300); // typing: a change every 300 ms
      corpus.settle();
      expect(corpus.stale).toBe(true);
    }
    vi.advanceTimersByTime(1000); // a pause of more than a second (and four times the resolution's cost)
    corpus.settle();
    expect(corpus.stale).toBe(false);
  } finally {
    vi.useRealTimers();
  }
});

describe("across the folder", () => {
  const corpusOf = (articles: Record<string, string>) => {
    const corpus = new Corpus();
    for (const [uri, body] of Object.entries(articles)) corpus.upsert(uri, analyse(`Headline of ${uri}\n\n${body}\n`, { date: "2024-03-01" }));
    return corpus;
  };
  const typeOf = (corpus: Corpus, uri: string, name: string) => corpus.mentionsIn(uri).find((m) => m.text === name)?.type;

  it("a name whose type one article only guessed takes the type other articles give it by evidence", () => {
    const corpus = corpusOf({
      "a.txt": "Analysts expected more when Zorbax Holtren said on Monday that profits rose.",
      "b.txt": "The carmaker Zorbax Holtren will open a plant in Ohio, and the shares of the firm rose.",
      "c.txt": "Zorbax Holtren Inc. hired four hundred workers at its plant in Ohio last year.",
    });
    expect(typeOf(corpus, "b.txt", "Zorbax Holtren")).toBe("organization");
    expect(typeOf(corpus, "a.txt", "Zorbax Holtren")).toBe("organization");
    expect(idOfName(corpus, "a.txt", "Zorbax Holtren")).toBe(idOfName(corpus, "b.txt", "Zorbax Holtren"));
  });

  it("a person meets the same person named with a middle name elsewhere", () => {
    const corpus = corpusOf({
      "a.txt": "President Recep Tayyip Erdogan spoke in Ankara on Monday about the economy.",
      "b.txt": "On Tuesday the president, Recep Erdogan, met the press in Istanbul about the economy.",
    });
    expect(idOfName(corpus, "a.txt", "Recep Tayyip Erdogan")).toBe(idOfName(corpus, "b.txt", "Recep Erdogan"));
  });

  it("a generic head said of one body never merges it with another article's namesake", () => {
    const corpus = corpusOf({
      "a.txt": "The National People's Congress opened in Beijing, and the Congress approved the budget on Monday.",
      "b.txt": "In Washington the Congress passed a spending bill, and members of Congress went home on Friday.",
    });
    const npc = idOfName(corpus, "a.txt", "Congress");
    expect(npc).toBe(idOfName(corpus, "a.txt", "National People's Congress"));
    expect(npc).not.toBe(idOfName(corpus, "b.txt", "Congress"));
  });

  it("a ticker in brackets names the company before it, in every article that uses it", () => {
    const corpus = corpusOf({
      "a.txt": "Shares of Microsoft (MSFT) rose on Monday after the results were published.",
      "b.txt": "Traders sold MSFT heavily on Tuesday as the wider market fell by two percent.",
    });
    expect(idOfName(corpus, "a.txt", "MSFT")).toBe(idOfName(corpus, "a.txt", "Microsoft"));
    expect(idOfName(corpus, "b.txt", "MSFT")).toBe(idOfName(corpus, "a.txt", "Microsoft"));
  });
});

it("entities most often named with one: most shared articles first, then most mentions, then id", () => {
  const corpus = new Corpus();
  load(corpus);
  for (const entity of corpus.entities().filter((e) => e.articles.length > 1)) {
    const brute = corpus
      .entities()
      .filter((o) => o.id !== entity.id)
      .map((o) => ({ o, shared: o.articles.filter((a) => entity.articles.includes(a)).length }))
      .filter((x) => x.shared > 0)
      .sort((a, b) => b.shared - a.shared || b.o.mentionCount - a.o.mentionCount || (a.o.id < b.o.id ? -1 : 1))
      .slice(0, 6)
      .map((x) => [x.o.id, x.shared]);
    expect(corpus.coMentioned(entity.id, 6).map((c) => [c.entity.id, c.articles])).toEqual(brute);
  }
});

it("records read from bytes restore identities unparsed; reading their entities and describing the large ones ahead changes no answer", () => {
  const { original, stored } = resolvedSeeds();
  const snapshot = (corpus: Corpus) =>
    corpus.uris().map((uri) => corpus.mentionsIn(uri).map((m) => `${m.start}:${m.id}:${JSON.stringify(corpus.entity(m.id))}:${JSON.stringify(corpus.coMentioned(m.id, 6))}`));

  // As a warm start has them: every record decoded from its bytes, identities restored.
  const reopened = new Corpus(undefined, 2);
  for (const uri of original.uris()) reopened.upsert(uri, decodeRecord(encodeRecord(original.article(uri)!)));
  expect(reopened.restore(stored)).toBe(true);
  expect(reopened.uris().every((uri) => entitiesUnread(reopened.article(uri)!))).toBe(true);
  expect(reopened.readEntities(0)).toBe(true);
  expect(reopened.readEntities(Infinity)).toBe(false);
  expect(reopened.uris().some((uri) => entitiesUnread(reopened.article(uri)!))).toBe(false);
  expect(reopened.prepare(0)).toBe(true); // entities in two articles or more: work left
  expect(reopened.prepare(Infinity)).toBe(false);
  expect(snapshot(reopened)).toEqual(snapshot(original));
});

it("linked articles: ranked by the names they share, then corpus order, each with its names most mentioned first; a limit keeps the first", () => {
  const { original: corpus } = resolvedSeeds();
  for (const uri of corpus.uris()) {
    // What the ranking means, computed the plain way from each entity's articles.
    const ids = [...new Set(corpus.mentionsIn(uri).map((m) => m.id))];
    const byArticle = new Map<string, string[]>();
    for (const id of ids) for (const other of corpus.entity(id)!.articles) if (other !== uri) byArticle.set(other, [...(byArticle.get(other) ?? []), id]);
    const expected = [...byArticle]
      .sort(([a, sa], [b, sb]) => sb.length - sa.length || (a < b ? -1 : 1))
      .map(([other, shared]) => ({ uri: other, shared: shared.sort((x, y) => corpus.entity(y)!.mentionCount - corpus.entity(x)!.mentionCount).map((id) => corpus.entity(id)!.name) }));
    const linked = corpus.linkedArticles(uri);
    expect(linked.map((l) => [l.uri, l.shared.length])).toEqual(expected.map((e) => [e.uri, e.shared.length]));
    expect(linked.map((l) => new Set(l.shared))).toEqual(expected.map((e) => new Set(e.shared)));
    expect(corpus.linkedCount(uri)).toBe(expected.length);
    expect(corpus.linkedArticles(uri, 2)).toEqual(linked.slice(0, 2));
  }
});
