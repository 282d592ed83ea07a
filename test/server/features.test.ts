// Every LSP feature, asked of the bundled server over stdio about the five seed articles (never opened unless a
// test says so: the server indexes the folder by itself).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  CodeLensRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type Position,
} from "vscode-languageserver-protocol/node";
import {
  COMMANDS,
  LINKED_ARTICLES_REQUEST,
  NEXT_MENTION_REQUEST,
  TIMELINE_REQUEST,
  CONNECTIONS_REQUEST,
  ENTITY_ARTICLES_REQUEST,
  type ConnectionsResult,
  type EntityArticlesResult,
  type LinkedArticle,
  type MentionLocation,
  type TimelineResult,
} from "../../server/src/protocol";
import { eventually, SEEDS, startServer, type TestServer } from "./lspClient";

const [S000, S001, S002, S003, S004] = SEEDS as [string, string, string, string, string];
const HEADLINES: Record<string, string> = {
  [S000]: "Blinken’s Assembly With Xi Jinping Raises Cautious Hope for U.S.-China Thaw",
  [S001]: "Blinken visits Beijing to soothe US-China breakup worries 2023",
  [S002]: "Blinken set for high-stakes China go to with tensions rising",
  [S003]: "Blinken in China for rare trip amid frosty ties and dim hopes for progress",
  [S004]: "Blinken Plans to Meet With Top Chinese Officials in Beijing",
};

let server: TestServer;
beforeAll(async () => {
  // As VS Code's client does, this one runs the timeline command from a hover card's link.
  server = await startServer(undefined, undefined, { commandLinks: [COMMANDS.showTimeline] });
  await server.status((s) => s.state === "ready" && s.articles === 5);
});
afterAll(() => server?.stop());

const at = (name: string, position: Position) => ({ textDocument: { uri: server.uri(name) }, position });
const hoverText = async (name: string, position: Position) =>
  ((await server.connection.sendRequest(HoverRequest.type, at(name, position)))?.contents as MarkupContent | undefined)?.value ?? "";
const fileOf = (uri: string) => uri.slice(uri.lastIndexOf("/") + 1);
const textOf = (l: Location) => server.textAt(fileOf(l.uri), l.range);

describe("indexing", () => {
  test("indexes every article of the folder with work-done progress, none of them opened", () => {
    const last = server.statuses.at(-1)!;
    expect(last).toMatchObject({ state: "ready", articles: 5 });
    expect(last.entities).toBeGreaterThan(10);
    const messages = server.progress.map((p) => JSON.stringify(p));
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.some((m) => m.includes('"kind":"begin"'))).toBe(true);
    expect(messages.some((m) => /Indexing articles \d\/5/.test(m))).toBe(true);
  });

  test("ends its work-done progress", async () => {
    await eventually(async () => expect(JSON.stringify(server.progress.at(-1))).toContain('"kind":"end"'));
  });

  test("asks the client to watch the article files", () => {
    const watch = server.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles");
    expect(JSON.stringify(watch?.registerOptions)).toContain('"pattern":"**/*.txt"');
  });
});

describe("hover", () => {
  test("on “Blinken” in one seed lists the other four, each with its headline, a link to the line and the sentence", async () => {
    // "Qin asking Blinken in English": a short form, which must still be Antony Blinken.
    const value = await hoverText(S003, server.positionOf(S003, "Blinken in English", 0, 2));
    expect(value).toMatch(/^\*\*Antony Blinken\*\* · person/);
    expect(value).toMatch(/mentions in 5 articles/);
    const alsoIn = value.slice(value.indexOf("**Also in**"), value.indexOf("**Often with**"));
    for (const other of [S000, S001, S002, S004]) {
      expect(alsoIn).toContain(`${server.uri(other)}#L`);
      expect(alsoIn).toContain(HEADLINES[other]!.slice(0, 40));
    }
    expect(alsoIn).not.toContain(`${server.uri(S003)}#L`);
    // The sentence of 001's first mention, with the name in bold.
    expect(value).toContain("U.S. Secretary of State **Antony Blinken** travels to Beijing");
    expect(value).toMatch(/\*\*Often with\*\*.*Xi Jinping/);
  });

  test("shows at most articleLens.hover.maxArticles other articles", async () => {
    server.settings = { ...server.settings, hover: { maxArticles: 2 } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    try {
      const value = await eventually(async () => {
        const v = await hoverText(S003, server.positionOf(S003, "Blinken in English", 0, 2));
        expect(v).toContain("…and 2 more articles");
        return v;
      });
      expect(value.match(/#L\d+,\d+\): /g)).toHaveLength(2);
    } finally {
      server.settings = { ...server.settings, hover: { maxArticles: 5 } };
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }
  });

  test("on a date gives its value, weekday and how it was resolved from the article's date", async () => {
    const value = await hoverText(S003, server.positionOf(S003, "Sunday", 0, 2));
    expect(value).toContain("**2023-06-18**");
    expect(value).toContain("Sunday, 18 June 2023");
    expect(value).toMatch(/\nSunday → [^\n]*2023-06-18/);
    expect(value).toContain("Article date: 2023-06-18 (from the articleLens.dates setting");
  });

  test("on a plain word says nothing", async () => {
    expect(await server.connection.sendRequest(HoverRequest.type, at(S003, server.positionOf(S003, "frosty", 0, 2)))).toBeNull();
  });
});

describe("go to definition", () => {
  test("from “Wang” in 002 reaches Wang Yi in 003, never Wang Yiwei in 000", async () => {
    const result = (await server.connection.sendRequest(DefinitionRequest.type, at(S002, server.positionOf(S002, "Wang", 0, 1)))) as Location[];
    expect(result.map((l) => fileOf(l.uri))).toContain(S003);
    expect(result.map((l) => fileOf(l.uri))).not.toContain(S000);
    const in003 = result.find((l) => fileOf(l.uri) === S003)!;
    expect(textOf(in003)).toMatch(/^Wang( Yi)?$/);
    expect(in003.range.start).toEqual(server.positionOf(S003, "Wang Yi"));
  });

  test("from Blinken goes to his first mention in each of the other four articles", async () => {
    const result = (await server.connection.sendRequest(DefinitionRequest.type, at(S004, server.positionOf(S004, "Mr. Blinken", 0, 6)))) as Location[];
    expect(result.map((l) => fileOf(l.uri))).toEqual([S000, S001, S002, S003]);
    for (const l of result) expect(textOf(l)).toMatch(/Blinken$/);
    // The first mention in 001 is the headline's "Blinken".
    expect(result[1]!.range.start).toEqual(server.positionOf(S001, "Blinken"));
  });

  test("lists at most articleLens.definition.maxArticles other articles, the first in folder order", async () => {
    await withSettings({ definition: { maxArticles: 2 } }, async () => {
      const result = (await server.connection.sendRequest(DefinitionRequest.type, at(S004, server.positionOf(S004, "Mr. Blinken", 0, 6)))) as Location[];
      expect(result.map((l) => fileOf(l.uri))).toEqual([S000, S001]);
    });
  });
});

describe("references", () => {
  test("lists every mention across the corpus, in articles never opened", async () => {
    const result = (await server.connection.sendRequest(ReferencesRequest.type, {
      ...at(S003, server.positionOf(S003, "Blinken in English", 0, 2)),
      context: { includeDeclaration: true },
    }))!;
    expect(new Set(result.map((l) => fileOf(l.uri)))).toEqual(new Set(SEEDS));
    for (const l of result) expect(textOf(l)).toMatch(/Blinken/);
    expect(result.length).toBeGreaterThanOrEqual(30);
  });

  const blinkenRefs = (extra: object = {}) =>
    server.connection.sendRequest(ReferencesRequest.type, { ...at(S003, server.positionOf(S003, "Blinken in English", 0, 2)), context: { includeDeclaration: true }, ...extra });

  test("a client that asks for partial results gets every mention in them, and an empty final answer", async () => {
    const whole = (await blinkenRefs())!;
    const before = server.progress.length;
    const final = await blinkenRefs({ partialResultToken: "blinken-refs" });
    expect(final).toEqual([]);
    const parts = (server.progress.slice(before) as { token: string; value: Location[] }[]).filter((p) => p.token === "blinken-refs");
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.flatMap((p) => p.value)).toEqual(whole);
  });

  test("without partial results the answer stops at articleLens.references.maxResults, and the log says so", async () => {
    await withSettings({ references: { maxResults: 3 } }, async () => {
      const result = (await blinkenRefs())!;
      expect(result).toHaveLength(3);
      await eventually(async () => expect(server.logs.some((l) => /^references to Antony Blinken: the first 3 of \d+ mentions/.test(l))).toBe(true));
    });
  });
});

/** Runs `check` with some settings changed, then puts them back. */
async function withSettings(changed: Record<string, unknown>, check: () => Promise<void>): Promise<void> {
  const before = server.settings;
  server.settings = { ...before, ...changed };
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  try {
    await eventually(check);
  } finally {
    server.settings = before;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }
}

describe("in one article", () => {
  test("document highlight marks the entity's mentions in this article only, whatever their form", async () => {
    const result = (await server.connection.sendRequest(DocumentHighlightRequest.type, at(S004, server.positionOf(S004, "Mr. Blinken", 0, 6))))!;
    const words = result.map((h) => server.textAt(S004, h.range));
    expect(words).toContain("Antony J. Blinken");
    expect(words.filter((w) => w === "Blinken").length).toBeGreaterThanOrEqual(3);
    expect(words.every((w) => /Blinken$/.test(w))).toBe(true);
  });

  test("inlay hint 2023-06-18 after “Sunday” in 003, and none when the setting turns them off", async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
    const hints = (await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: server.uri(S003) }, range }))!;
    const afterSunday = server.positionOf(S003, "Sunday", 0, "Sunday".length);
    expect(hints.find((h) => h.position.line === afterSunday.line && h.position.character === afterSunday.character)?.label).toBe("2023-06-18");

    server.settings = { ...server.settings, inlayHints: { enabled: false } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    try {
      await eventually(async () => {
        expect(await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: server.uri(S003) }, range })).toBeNull();
      });
    } finally {
      server.settings = { ...server.settings, inlayHints: { enabled: true } };
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }
  });

  test("semantic tokens decode to people, places, organisations and dates", async () => {
    const decode = async (file: string) => {
      const { data } = (await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: server.uri(file) } }))!;
      const types = ["person", "place", "organization", "other", "date"];
      const tokens: Record<string, string[]> = { person: [], place: [], organization: [], other: [], date: [] };
      let line = 0;
      let character = 0;
      for (let i = 0; i < data.length; i += 5) {
        line += data[i]!;
        character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
        const range = { start: { line, character }, end: { line, character: character + data[i + 2]! } };
        tokens[types[data[i + 3]!]!]!.push(server.textAt(file, range));
      }
      return tokens;
    };
    const tokens = await decode(S004);
    expect(tokens.person).toContain("Antony J. Blinken");
    expect(tokens.person).toContain("Janet L. Yellen");
    expect(tokens.place).toContain("Beijing");
    expect(tokens.organization).toContain("State Department");
    expect(tokens.date).toContain("Wednesday");
    expect(tokens.person).not.toContain("Beijing");
    expect((await decode(S003)).other).toContain("Cold War");
  });

  test("document symbols: headline, then entities grouped by type with counts, then dates", async () => {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: server.uri(S003) } })) as DocumentSymbol[];
    expect(symbols[0]!.name).toBe(HEADLINES[S003]);
    const groups = symbols.slice(1).map((s) => s.name.replace(/ \(\d+\)$/, ""));
    expect(groups).toEqual(expect.arrayContaining(["People", "Places", "Organisations", "Dates"]));
    expect(groups).toEqual(["People", "Places", "Organisations", "Other names", "Dates"].filter((g) => groups.includes(g)));
    for (const group of symbols.slice(1)) expect(group.name).toBe(`${group.name.replace(/ \(\d+\)$/, "")} (${group.children!.length})`);
    const people = symbols[1]!.children!;
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(["Antony Blinken", "Qin Gang", "Wang Yi", "Hua Chunying"]));
    expect(people.find((p) => p.name === "Antony Blinken")!.detail).toMatch(/^\d+ mentions/);
    expect(symbols[2]!.children!.map((p) => p.name)).toContain("Beijing");
    const sunday = symbols.find((s) => s.name.startsWith("Dates"))!.children!.find((d) => d.name === "Sunday");
    expect(sunday?.detail).toBe("2023-06-18");
  });

  test("code lens on the headline counts the article's entities and its linked articles", async () => {
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: server.uri(S003) } }))!;
    expect(lenses).toHaveLength(1);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: server.uri(S003) } })) as DocumentSymbol[];
    const count = (heading: string) => symbols.find((s) => s.name.startsWith(`${heading} (`))?.children!.length ?? 0;
    const others = count("Other names");
    expect(lenses[0]!.range.start.line).toBe(0);
    expect(lenses[0]!.command!.title).toBe(
      `${count("People")} people · ${count("Places")} places · ${count("Organisations")} organisations · ` +
        `${others ? `${others} other name${others > 1 ? "s" : ""} · ` : ""}linked to 4 articles`,
    );
    expect(lenses[0]!.command!.command).toBe("articleLens.showLinkedArticles");

    const linked: LinkedArticle[] = await server.connection.sendRequest(LINKED_ARTICLES_REQUEST, { textDocument: { uri: server.uri(S003) } });
    expect(linked.map((l) => fileOf(l.uri)).sort()).toEqual([S000, S001, S002, S004]);
    for (const l of linked) expect(l.shared).toContain("Antony Blinken");
  });
});

describe("across articles", () => {
  test("workspace symbol “Yellen” finds Janet Yellen", async () => {
    const result = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "Yellen" })) as { name: string; location: Location }[];
    expect(result.map((s) => s.name)).toContain("Janet Yellen");
    const yellen = result.find((s) => s.name === "Janet Yellen")!;
    expect(textOf(yellen.location)).toMatch(/Yellen/);
  });

  test("next mention steps through an article and on into the next one; previous steps back", async () => {
    const mentions = (await server.connection.sendRequest(ReferencesRequest.type, {
      ...at(S000, server.positionOf(S000, "Antony Blinken")),
      context: { includeDeclaration: true },
    }))!;
    const lastIn000 = mentions.filter((l) => fileOf(l.uri) === S000).at(-1)!;
    const firstIn001 = mentions.find((l) => fileOf(l.uri) === S001)!;
    const next: MentionLocation = await server.connection.sendRequest(NEXT_MENTION_REQUEST, {
      ...at(S000, lastIn000.range.start),
      direction: "next",
    });
    expect(next).toMatchObject({ uri: firstIn001.uri, range: firstIn001.range, name: "Antony Blinken", count: mentions.length });
    const back: MentionLocation = await server.connection.sendRequest(NEXT_MENTION_REQUEST, { ...at(S001, next.range.start), direction: "previous" });
    expect(back).toMatchObject({ uri: lastIn000.uri, range: lastIn000.range });
  });
});

describe("timeline", () => {
  const timeline = (params: object) => server.connection.sendRequest<TimelineResult | null>(TIMELINE_REQUEST, params);
  const oneLine = (text: string) => text.replace(/\s/g, " ");

  test("Blinken's timeline spans 2023-02 to 2023-06 across the five samples, each entry opening its sentence", async () => {
    const result = (await timeline(at(S003, server.positionOf(S003, "Blinken", 1))))!;
    expect(result.entity).toMatchObject({ name: "Antony Blinken", type: "person" });
    expect(result.total).toBe(result.entries.length); // 48 < articleLens.timeline.maxEntries (200)
    expect(result.offset).toBe(0);
    expect(new Set(result.entries.map((e) => fileOf(e.uri)))).toEqual(new Set(SEEDS));
    const dates = result.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(result.months.map((m) => m.month)).toEqual(expect.arrayContaining(["2023-02", "2023-06"]));
    expect(result.months.reduce((n, m) => n + m.count, 0)).toBe(result.total);
    for (const e of result.entries) {
      // The range is the sentence's; the entity's mentions are where the sentence names him.
      expect(oneLine(server.textAt(fileOf(e.uri), e.range))).toBe(e.sentence);
      for (const m of e.mentions) expect(e.sentence.slice(m.start, m.end)).toMatch(/Blinken/);
      expect(e.headline).toContain(HEADLINES[fileOf(e.uri)]);
      if (e.dateSource === "article") expect(e.dateText).toBeUndefined();
      else expect(e.sentence).toContain(e.dateText);
      for (const id of e.coMentioned) expect(result.names[id]).toBeTruthy();
    }
    expect(result.entries.some((e) => e.dateSource === "sentence" && e.date === "2023-06-18")).toBe(true);
  });

  test("by entity id it is the same; at most `limit` entries, all of them counted; null for no name", async () => {
    const byPosition = (await timeline(at(S003, server.positionOf(S003, "Blinken", 1))))!;
    expect(await timeline({ entity: byPosition.entity.id })).toEqual(byPosition);
    const first = (await timeline({ entity: byPosition.entity.id, limit: 2 }))!;
    expect(first.entries).toEqual(byPosition.entries.slice(0, 2));
    expect(first.total).toBe(byPosition.total);
    expect(first.months).toEqual(byPosition.months);
    const next = (await timeline({ entity: byPosition.entity.id, limit: 2, offset: 2 }))!;
    expect(next).toMatchObject({ offset: 2, total: byPosition.total, entries: byPosition.entries.slice(2, 4) });
    expect(await timeline({ entity: "no such entity" })).toBeNull();
    expect(await timeline(at(S003, server.positionOf(S003, "trip")))).toBeNull();
  });

  test("a hover card links to the timeline for a client that runs the command, and only then", async () => {
    const card = await hoverText(S003, server.positionOf(S003, "Blinken", 1));
    const link = /\[Timeline\]\(command:articleLens\.showTimeline\?([^ )]+)/.exec(card);
    expect(link).not.toBeNull();
    const [args] = JSON.parse(decodeURIComponent(link![1]!)) as [{ entity: string }];
    expect((await timeline(args))!.entity.name).toBe("Antony Blinken");
  });
});

describe("connections", () => {
  test("an article's entities with their counts here and elsewhere, and the articles sharing the most of them", async () => {
    const result = (await server.connection.sendRequest<ConnectionsResult | null>(CONNECTIONS_REQUEST, { textDocument: { uri: server.uri(S003) } }))!;
    const blinken = result.entities.find((e) => e.name === "Antony Blinken")!;
    expect(blinken).toMatchObject({ type: "person", otherArticles: 4 });
    expect(blinken.mentions).toBeGreaterThan(5);
    // Most mentioned here first.
    expect(result.entities.map((e) => e.mentions)).toEqual([...result.entities.map((e) => e.mentions)].sort((a, b) => b - a));
    expect(result.related.map((r) => fileOf(r.uri)).sort()).toEqual([S000, S001, S002, S004]);
    const shared = result.related.map((r) => r.shared.length);
    expect(shared).toEqual([...shared].sort((a, b) => b - a));
    for (const r of result.related) {
      expect(r.shared).toContain("Antony Blinken");
      expect(server.textAt(fileOf(r.uri), r.range)).toBe(r.headline);
    }
    expect(await server.connection.sendRequest(CONNECTIONS_REQUEST, { textDocument: { uri: server.uri("no-such-article.txt") } })).toBeNull();
  });

  test("under a name, the other articles naming it, each at the sentence that does", async () => {
    const { entities } = (await server.connection.sendRequest<ConnectionsResult | null>(CONNECTIONS_REQUEST, { textDocument: { uri: server.uri(S003) } }))!;
    const id = entities.find((e) => e.name === "Antony Blinken")!.id;
    const result = await server.connection.sendRequest<EntityArticlesResult>(ENTITY_ARTICLES_REQUEST, { entity: id, textDocument: { uri: server.uri(S003) } });
    expect(result.total).toBe(4);
    expect(result.articles.map((a) => fileOf(a.uri)).sort()).toEqual([S000, S001, S002, S004]);
    for (const a of result.articles) {
      expect(a.sentence).toMatch(/Blinken/);
      expect(server.textAt(fileOf(a.uri), a.range).replace(/\s+/g, " ").trim()).toBe(a.sentence);
      expect(a.headline).toContain(HEADLINES[fileOf(a.uri)]!.slice(0, 30));
    }
    const one = await server.connection.sendRequest<EntityArticlesResult>(ENTITY_ARTICLES_REQUEST, { entity: id, textDocument: { uri: server.uri(S003) }, limit: 1 });
    expect(one).toMatchObject({ total: 4, articles: [result.articles[0]] });
  });
});
