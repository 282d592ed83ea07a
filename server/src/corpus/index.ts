// The index over all articles: what the CLI report and every LSP handler read.
// Articles come and go one at a time (upsert / remove); nothing is re-analysed. Identity across articles is
// recomputed from the stored per-article entities ("resolving"), lazily, on the first question after a change. That
// step reads no text and runs no tagger, yet at 10,000 articles it takes seconds: so on a large corpus a changed
// article is first attached to the last resolution by the keys its names meet by (an edit shows at once, with the
// right ids), and the whole corpus is resolved again once changes pause for a few times that resolution's own cost.
import { createHash } from "node:crypto";
import { type ArticleEntity, type EntityType, type Mention, nameKey, slug, type Span, type Timex } from "../engine";
import { articleKeys, clusterEntities, everyKeyAt, type Cluster } from "./identity";
import { detailsOf, countEntities, entitiesUnread, entityBytes, MENTION_FIELDS, mentionCount, mentionOf, type ArticleDetails, type ArticleRecord } from "./record";

export { analysisOf, decodeRecord, encodeRecord, mentionCount, mentionOf, mentionSpan, recordOf, type ArticleRecord } from "./record";

export interface CorpusMention extends Mention {
  uri: string;
  /** The corpus entity's id. */
  id: string;
}

/** An entity's mentions in one article. */
export interface ArticleMentions {
  uri: string;
  mentions: CorpusMention[];
}

export interface CorpusRole {
  text: string;
  uri: string;
  start: number;
  end: number;
}

/** What names an entity, without its description. */
export interface EntityName {
  id: string;
  name: string;
  type: EntityType;
}

export interface CorpusEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  roles: CorpusRole[];
  /** Articles that mention it, in corpus order. */
  articles: string[];
  mentionCount: number;
}

interface Resolved {
  /** id → the article entities that make it. */
  clusters: Map<string, Cluster>;
  /**
   * Large corpus entities described so far (aliases, roles, articles gathered from the members): a folder of 10,000
   * articles has ~40,000 entities, and describing them all took a second at every start.
   */
  described: Map<string, CorpusEntity>;
  /** uri → local entity index → corpus id */
  ids: Map<string, string[]>;
  /**
   * id → where its mentions are, in corpus order (articles by uri, then text order): pairs of (article number in
   * `uris`, mention index), flat. Mention objects are made on demand: a copy of each would double the memory.
   */
  mentions: MentionTable;
  uris: string[];
  /** The records this resolution was made from (articles may have changed since). */
  articles: Map<string, ArticleRecord>;
  /**
   * Every key a member entity meets by → its corpus id: how a changed article is attached before the next resolve.
   * Built on the first attach (a folder opened and never edited never needs it).
   */
  keyIds?: Map<string, string>;
  /** When it was made and what it cost (ms). */
  at: number;
  cost: number;
  /** coMentioned answers, remembered until the next change. */
  company: Map<string, { entity: EntityName; articles: number }[]>;
  /** Each article's number in `uris`, made on first use. */
  numbers?: Map<string, number>;
  /** Entities in `preparedArticles` articles or more, most articles first, and how many `prepare` has described. */
  largest?: { ids: string[]; done: number };
}

/**
 * A resolution's outcome in a form that can be written to disk: which article entities make each corpus entity.
 * `members` are flat pairs (article number in corpus order, index into that article's entities).
 */
export interface StoredIdentities {
  fingerprint: string;
  clusters: { id: string; type: EntityType; name: string; members: number[] }[];
}

/** A changed article attached to the last resolution: its entities' ids, and entities that resolution lacks. */
interface Attached {
  ids: string[];
}

const ENTITY_TYPES = new Set<unknown>(["person", "place", "organization", "other"] satisfies EntityType[]);

/** A resolution that cost less than this is simply redone after every change. */
const CHEAP_RESOLVE_MS = 50;
/** Otherwise it waits until changes pause for this many times its cost (and at least a second). */
const RESOLVE_SPACING = 4;

/** Co-mention counts look at this many of an entity's articles at most ("United States" is in nearly all). */
const COMPANY_SAMPLE = 400;

/** `prepare` describes ahead of any question the entities in at least this many articles, and this much of their company. */
const PREPARED_ARTICLES = 100;
const COMPANY_PREPARED = 10;

/** A resolution of this many articles or more collects its garbage between phases (see `clusterEntities`). */
const COLLECT_FROM_ARTICLES = 2_000;

/** Articles whose details (dates in full…) stay parsed: those open in the editor, and a few more. */
const DETAILS_KEPT = 64;

export class Corpus {
  private readonly articles = new Map<string, ArticleRecord>();
  /** Parsed details of the articles asked about last (most recent last). */
  private readonly details = new Map<string, ArticleDetails>();
  private resolved: Resolved | null = null;
  /** Articles changed (or removed) since the last resolution. */
  private readonly attached = new Map<string, Attached>();
  /**
   * Articles changed since the last resolution and not attached yet: attaching waits for the first question, so a
   * folder indexed with nobody asking (a warm start: 10,000 articles) pays nothing for it.
   */
  private readonly toAttach = new Set<string>();
  /** Entities first seen in attached articles, by id and by key. */
  private readonly newEntities = new Map<string, CorpusEntity>();
  private readonly newKeyIds = new Map<string, string>();
  private dirty = false;
  private lastChange = 0;
  /** Increases on every change: lets callers cache what they derive from the index. */
  version = 0;

  /**
   * `cheapResolveMs`: a resolution cheaper than this is redone after every change (tests lower it to 0);
   * `preparedArticles`: `prepare` describes entities in at least this many articles, and only they stay described;
   * `collectGarbage`: what a large resolution calls between its phases (a server passes a full collection: see
   * `clusterEntities`).
   */
  constructor(
    private readonly cheapResolveMs = CHEAP_RESOLVE_MS,
    private readonly preparedArticles = PREPARED_ARTICLES,
    private readonly collectGarbage: () => void = () => {},
  ) {}

  upsert(uri: string, record: ArticleRecord): void {
    this.articles.set(uri, record);
    this.details.delete(uri);
    if (this.resolved) this.toAttach.add(uri);
    this.changed();
  }

  remove(uri: string): boolean {
    const had = this.articles.delete(uri);
    this.details.delete(uri);
    if (had) {
      this.toAttach.delete(uri);
      this.attached.set(uri, { ids: [] });
      this.changed();
    }
    return had;
  }

  private changed(): void {
    this.dirty = true;
    this.lastChange = performance.now();
    this.version++;
  }

  /**
   * Resolves identities again if anything changed: at once with `force` (before a final report, at the end of an
   * indexing run), otherwise only once changes have paused long enough (a timer calls it while articles change).
   */
  settle(force = false): void {
    if (this.dirty && (force || this.due())) this.resolveNow();
  }

  /** Whether identities changed since the last resolution (answers across articles may lag until `settle`). */
  get stale(): boolean {
    return this.dirty;
  }

  /** A costly resolution waits for a pause in the changes: someone typing never waits behind one. */
  private due(): boolean {
    const last = this.resolved;
    return !last || last.cost < this.cheapResolveMs || performance.now() - this.lastChange >= Math.max(1000, RESOLVE_SPACING * last.cost);
  }

  /**
   * Parses the entities of articles read from bytes and not asked about yet (a warm start leaves them all so) for at
   * most `budgetMs`; true when some are left. Called in slices when the server is idle, so that the first hover on
   * "United States" does not parse the 9,600 articles it is in.
   */
  readEntities(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    for (const record of this.articles.values()) {
      if (!entitiesUnread(record)) continue;
      if (performance.now() >= until) return true;
      void record.entities;
    }
    return false;
  }

  /**
   * Describes, for at most `budgetMs`, the entities of the last resolution that are in the most articles, with the
   * company they keep: what a first hover on one builds (15–20 ms for a name in most of 10,000 articles, a hover's
   * whole budget). True when some are left. Called in slices when the server is idle; a new resolution starts over.
   */
  prepare(budgetMs: number): boolean {
    const resolved = this.resolved;
    if (!resolved || this.dirty) return false;
    const until = performance.now() + budgetMs;
    const largest = (resolved.largest ??= {
      ids: [...resolved.clusters.values()].filter((c) => c.members.length >= this.preparedArticles).sort((a, b) => b.members.length - a.members.length).map((c) => c.id),
      done: 0,
    });
    while (largest.done < largest.ids.length) {
      if (performance.now() >= until) return true;
      const id = largest.ids[largest.done++]!;
      this.describedEntity(resolved, id);
      this.coMentioned(id, COMPANY_PREPARED);
    }
    return false;
  }

  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  get size(): number {
    return this.articles.size;
  }

  /** Article uris in corpus order (sorted, so "next article" means the same thing everywhere). */
  uris(): string[] {
    return [...this.articles.keys()].sort();
  }

  article(uri: string): ArticleRecord | undefined {
    return this.articles.get(uri);
  }

  /** The article's time expressions in full, in text order. */
  timexes(uri: string): Timex[] {
    return this.detailsOf(uri)?.timexes ?? [];
  }

  private detailsOf(uri: string): ArticleDetails | undefined {
    let details = this.details.get(uri);
    if (details) this.details.delete(uri); // re-inserted below: most recent last
    else {
      const record = this.articles.get(uri);
      if (!record) return undefined;
      details = detailsOf(record);
    }
    this.details.set(uri, details);
    while (this.details.size > DETAILS_KEPT) this.details.delete(this.details.keys().next().value!);
    return details;
  }

  entity(id: string): CorpusEntity | undefined {
    return this.describedEntity(this.resolve(), id) ?? this.newEntities.get(id);
  }

  /**
   * An entity's id, name and type without describing it (`entity` gathers aliases, roles and articles from every
   * member: thousands for a name in most of 10,000 articles).
   */
  nameOf(id: string): EntityName | undefined {
    const found = this.resolve().clusters.get(id) ?? this.newEntities.get(id);
    return found && { id: found.id, name: found.name, type: found.type };
  }

  entities(): CorpusEntity[] {
    const resolved = this.resolve();
    // All of them are kept: a listing is asked again (a symbol search at every keystroke).
    return [...[...resolved.clusters.keys()].map((id) => this.describedEntity(resolved, id, true)!), ...this.newEntities.values()];
  }

  /** How many entities `entities()` would list, without describing them. */
  entityCount(): number {
    return this.resolve().clusters.size + this.newEntities.size;
  }

  /** The corpus id of an article's local entity. */
  idOf(uri: string, local: number): string | undefined {
    return this.idsOf(uri)?.[local];
  }

  /** The corpus ids of an article's entities, by local index. */
  entityIds(uri: string): readonly string[] | undefined {
    return this.idsOf(uri);
  }

  private idsOf(uri: string): string[] | undefined {
    const resolved = this.resolve();
    return this.attached.get(uri)?.ids ?? resolved.ids.get(uri);
  }

  /** The article's mentions, each with its corpus id, in text order. */
  mentionsIn(uri: string): CorpusMention[] {
    const record = this.articles.get(uri);
    const ids = this.idsOf(uri);
    if (!record || !ids) return [];
    return Array.from({ length: mentionCount(record) }, (_, i) => {
      const m = mentionOf(record, i);
      return corpusMention(m, uri, ids[m.entity]!, this.typeOf(ids[m.entity]!));
    });
  }

  /** Every mention of an entity across the corpus, in corpus order. */
  mentionsOf(id: string): CorpusMention[] {
    return this.mentionsByArticle(id).flatMap((a) => a.mentions);
  }

  /**
   * An entity's mentions grouped by article, in corpus order, for the first `limit` articles only; with `firstOnly`,
   * each group holds the article's first mention alone (what "go to definition" lists: one entry per article).
   */
  mentionsByArticle(id: string, limit = Infinity, firstOnly = false): ArticleMentions[] {
    const out: ArticleMentions[] = [];
    if (limit <= 0) return out;
    for (const group of this.articlesMentioning(id, firstOnly)) if (out.push(group) >= limit) break;
    return out;
  }

  /**
   * The same, one article at a time, made as it is asked for: an answer about an entity in 10,000 articles can stop,
   * or hand out a first batch, without building the rest. It reads the resolution it started from to the end, even
   * if articles change meanwhile.
   */
  *articlesMentioning(id: string, firstOnly = false): Generator<ArticleMentions, void, undefined> {
    const type = this.typeOf(id);
    for (const { uri, record, indexes } of this.mentionIndexes(id, firstOnly)) {
      yield { uri, mentions: indexes.map((j) => corpusMention(mentionOf(record, j), uri, id, type)) };
    }
  }

  /**
   * The same as numbers: per article in corpus order, its record and the numbers of the entity's mentions in it
   * (`mentionOf(record, n)`), for a question that reads offsets alone (a timeline over 10,000 articles).
   */
  *mentionIndexes(id: string, firstOnly = false): Generator<{ uri: string; record: ArticleRecord; indexes: number[] }, void, undefined> {
    const { mentions, uris, articles } = this.resolve();
    // Articles changed since the resolution: their mentions as they are now, merged in corpus order.
    const changed: { uri: string; record: ArticleRecord; indexes: number[] }[] = [];
    for (const [uri, { ids }] of this.attached) {
      const record = this.articles.get(uri);
      if (!record || !ids.includes(id)) continue;
      const indexes: number[] = [];
      for (let j = 0; j < mentionCount(record) && !(firstOnly && indexes.length > 0); j++) if (ids[record.mentions[j * MENTION_FIELDS + 2]!] === id) indexes.push(j);
      changed.push({ uri, record, indexes });
    }
    changed.sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const attached = new Set(this.attached.keys());
    const where = mentions.get(id) ?? [];
    // `where` holds (article number, mention index) pairs sorted by article: one run of pairs per article.
    for (let i = 0; i < where.length; ) {
      const n = where[i]!;
      let runEnd = i;
      while (runEnd < where.length && where[runEnd] === n) runEnd += 2;
      const uri = uris[n]!;
      if (!attached.has(uri)) {
        while (changed.length > 0 && changed[0]!.uri < uri) yield changed.shift()!;
        const indexes: number[] = [];
        for (let j = i; j < (firstOnly ? i + 2 : runEnd); j += 2) indexes.push(where[j + 1]!);
        yield { uri, record: articles.get(uri)!, indexes };
      }
      i = runEnd;
    }
    yield* changed;
  }

  /**
   * Per article (the first `limit` in corpus order), the mention to quote: the first in the article's body, since
   * the headline is what the article is listed by; the headline's when the body never names the entity.
   */
  firstBodyMentions(id: string, limit: number): CorpusMention[] {
    return this.mentionsByArticle(id, limit).map(({ uri, mentions }) => {
      const headline = this.articles.get(uri)?.headline;
      return mentions.find((m) => headline == null || m.start >= headline.end) ?? mentions[0]!;
    });
  }

  /**
   * Articles that share an entity with this one, most entities shared first, then corpus order (at most `limit`);
   * each with the names shared, most mentioned first.
   */
  linkedArticles(uri: string, limit = Infinity): { uri: string; shared: string[] }[] {
    const { entities, linked } = this.sharedNames(uri);
    // Corpus order is uri order: an article named in thousands of others is ranked without sorting them all.
    const before = ([a, na]: [string, number], [b, nb]: [string, number]) => nb - na || (a < b ? -1 : a > b ? 1 : 0);
    const top = limit >= linked.length ? linked.sort(before) : topK(linked, limit, before);
    // The names shared, for the articles kept only.
    const shared = new Map(top.map(([other]) => [other, [] as string[]]));
    for (const [id, entity] of entities) for (const other of entity.articles) shared.get(other)?.push(id);
    const mentions = (id: string) => entities.get(id)!.mentionCount;
    return top.map(([other]) => ({ uri: other, shared: shared.get(other)!.sort((x, y) => mentions(y) - mentions(x)).map((id) => entities.get(id)!.name) }));
  }

  /** How many articles share a name with this one, without listing them. */
  linkedCount(uri: string): number {
    return this.sharedNames(uri).linked.length;
  }

  /**
   * The article's entities, and every other article naming one of them with how many it names. Counted by the
   * article's number in the resolution, in one array: a map of uris to lists, for a name in 9,600 articles, was made
   * at every request (the connections view asks one for each article it shows). Articles the resolution lacks
   * (attached since) are counted apart.
   */
  private sharedNames(uri: string): { entities: Map<string, CorpusEntity>; linked: [uri: string, shared: number][] } {
    const ids = [...new Set(this.mentionsIn(uri).map((m) => m.id))];
    const entities = new Map(ids.flatMap((id) => {
      const entity = this.entity(id);
      return entity ? [[id, entity] as const] : [];
    }));
    const resolved = this.resolve();
    const numbers = articleNumbers(resolved);
    const counts = new Int32Array(resolved.uris.length);
    const touched: number[] = [];
    const others = new Map<string, number>();
    for (const entity of entities.values()) {
      for (const other of entity.articles) {
        if (other === uri) continue;
        const n = numbers.get(other);
        if (n === undefined) others.set(other, (others.get(other) ?? 0) + 1);
        else if ((counts[n] = counts[n]! + 1) === 1) touched.push(n);
      }
    }
    return { entities, linked: [...touched.map((n): [string, number] => [resolved.uris[n]!, counts[n]!]), ...others] };
  }

  /**
   * The type of a corpus entity, which every mention of it shows: the folder's, where an article only guessed its own
   * ("Ford said" in one article, "the carmaker Ford" in others).
   */
  private typeOf(id: string): EntityType | undefined {
    return this.resolved?.clusters.get(id)?.type ?? this.newEntities.get(id)?.type;
  }

  /** The mention covering `offset` (start inclusive, end inclusive so a cursor just after a name still counts). */
  mentionAt(uri: string, offset: number): CorpusMention | undefined {
    return findAt(this.mentionsIn(uri), offset);
  }

  /** The sentence holding `offset`, if it stands in one. */
  sentenceAt(uri: string, offset: number): Span | undefined {
    const sentences = this.articles.get(uri)?.sentences;
    const i = sentences ? findIndexAt(sentences, offset) : -1;
    return i < 0 ? undefined : { start: sentences![i * 2]!, end: sentences![i * 2 + 1]! };
  }

  timexAt(uri: string, offset: number): Timex | undefined {
    const spans = this.articles.get(uri)?.timexSpans;
    const i = spans ? findIndexAt(spans, offset) : -1;
    return i < 0 ? undefined : this.timexes(uri)[i];
  }

  /**
   * Entities mentioned in the same articles as `id`, most shared articles first. For an entity in more than
   * COMPANY_SAMPLE articles the counts come from an even sample of them (the ranking, not the exact count, matters).
   */
  coMentioned(id: string, limit: number): { entity: EntityName; articles: number }[] {
    const resolved = this.resolve();
    const known = resolved.company.get(id);
    if (known && known.length >= limit) return known.slice(0, limit);
    const articles = this.describedEntity(resolved, id)?.articles ?? [];
    const step = Math.max(1, articles.length / COMPANY_SAMPLE);
    const counts = new Map<string, number>();
    // An entity counts once per article: `seen` holds the sample number it was last counted in (no set per article).
    const seen = new Map<string, number>();
    for (let i = 0, sample = 0; i < articles.length; i += step, sample++) {
      for (const other of resolved.ids.get(articles[Math.floor(i)]!) ?? []) {
        if (other === id || seen.get(other) === sample) continue;
        seen.set(other, sample);
        counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    const scale = articles.length / Math.ceil(articles.length / step);
    // Ranked by what the resolution already counts, and named without being described (describing each of the
    // thousands of entities met beside "United States" took a second; even the few kept cost a hover milliseconds).
    const mentionCount = (other: string) => resolved.mentions.count(other);
    const before = ([a, na]: [string, number], [b, nb]: [string, number]) => nb - na || mentionCount(b) - mentionCount(a) || (a < b ? -1 : 1);
    const ranked = topK(counts, Math.max(limit, 10), before).map(([other, n]) => ({ entity: this.nameOf(other)!, articles: Math.round(n * scale) }));
    resolved.company.set(id, ranked);
    return ranked.slice(0, limit);
  }

  /** Entities whose name or an alias contains every word of the query (case- and accent-blind). */
  search(query: string, limit = 200): CorpusEntity[] {
    const words = nameKey(query).split(" ").filter(Boolean);
    const hits = this.entities().filter((e) =>
      [e.name, ...e.aliases].some((n) => {
        const key = nameKey(n);
        return words.every((w) => key.includes(w));
      }),
    );
    return hits.sort((a, b) => b.mentionCount - a.mentionCount || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }

  /**
   * The last resolution's clusters, to be stored and given back to `restore` on a later start: with `fingerprint`,
   * the entities they were made from. Undefined while changes are waiting to be resolved.
   */
  storedIdentities(): StoredIdentities | undefined {
    const resolved = this.resolved;
    if (!resolved || this.dirty) return undefined;
    const numbers = articleNumbers(resolved);
    const clusters = new Map<string, StoredIdentities["clusters"][number]>();
    for (const c of resolved.clusters.values()) clusters.set(c.id, { id: c.id, type: c.type, name: c.name, members: [] });
    for (const [uri, ids] of resolved.ids) ids.forEach((id, local) => clusters.get(id)!.members.push(numbers.get(uri)!, local));
    return { fingerprint: fingerprintOf(resolved.uris.map((uri) => [uri, this.articles.get(uri)!])), clusters: [...clusters.values()] };
  }

  /**
   * Resolves identities from stored clusters instead of computing them, when they were made from exactly the
   * entities the corpus holds now (a folder reopened unchanged): clustering is most of a resolution's cost. Stored
   * data is checked, never trusted: anything that does not fit is refused (false) and the caller resolves as usual.
   */
  restore(stored: StoredIdentities): boolean {
    const uris = this.uris();
    if (stored.fingerprint !== fingerprintOf(uris.map((uri) => [uri, this.articles.get(uri)!]))) return false;
    const assigned = uris.map((uri) => new Array<boolean>(countEntities(this.articles.get(uri)!)).fill(false));
    let remaining = assigned.reduce((n, a) => n + a.length, 0);
    const clusters: Cluster[] = [];
    const seen = new Set<string>();
    if (!Array.isArray(stored.clusters)) return false;
    for (const c of stored.clusters) {
      const valid = typeof c?.id === "string" && typeof c.name === "string" && ENTITY_TYPES.has(c.type) && Array.isArray(c.members);
      if (!valid || seen.has(c.id) || c.members.length === 0 || c.members.length % 2 !== 0) return false;
      seen.add(c.id);
      const members: Cluster["members"] = [];
      for (let i = 0; i < c.members.length; i += 2) {
        const [n, local] = [c.members[i]!, c.members[i + 1]!];
        if (assigned[n]?.[local] !== false) return false; // out of range, or placed twice
        assigned[n]![local] = true;
        remaining--;
        members.push({ uri: uris[n]!, local });
      }
      clusters.push({ id: c.id, type: c.type, name: c.name, members });
    }
    if (remaining !== 0) return false;
    this.resolveNow(clusters);
    return true;
  }

  /** The last resolution; redone first when it is out of date and cheap. */
  private resolve(): Resolved {
    // A costly resolution is redone by `settle` (a timer, the end of a run), never inside a question: changed
    // articles are attached meanwhile.
    const resolved = this.resolved && (!this.dirty || this.resolved.cost >= this.cheapResolveMs) ? this.resolved : this.resolveNow();
    for (const uri of this.toAttach) this.attached.set(uri, this.attach(uri, this.articles.get(uri)!, resolved));
    this.toAttach.clear();
    return resolved;
  }

  private resolveNow(given?: Cluster[]): Resolved {
    const started = performance.now();
    // The last resolution holds the records it was made from: at the end of a cold run, every quick first-pass
    // analysis the full pass has replaced since. Let go of it before clustering, so the two do not make the peak.
    this.resolved = null;
    const uris = this.uris();
    // Below a few thousand articles a resolution's garbage is small, and a full collection costs more than it saves.
    const between = uris.length >= COLLECT_FROM_ARTICLES ? this.collectGarbage : () => {};
    const clusters = given ?? clusterEntities(uris.map((uri) => ({ uri, entities: this.articles.get(uri)!.entities })), between);
    const byId = new Map<string, Cluster>();
    const ids = new Map<string, string[]>(uris.map((uri) => [uri, []]));
    for (const cluster of clusters) {
      byId.set(cluster.id, cluster);
      for (const ref of cluster.members) ids.get(ref.uri)![ref.local] = cluster.id;
    }
    const mentions = mentionTable(uris.map((uri) => ({ ids: ids.get(uri)!, mentions: this.articles.get(uri)!.mentions })));
    const articles = new Map(this.articles);
    this.resolved = { clusters: byId, described: new Map(), ids, mentions, uris, articles, at: performance.now(), cost: 0, company: new Map() };
    this.resolved.cost = this.resolved.at - started;
    this.attached.clear();
    this.toAttach.clear();
    this.newEntities.clear();
    this.newKeyIds.clear();
    this.dirty = false;
    return this.resolved;
  }

  /**
   * A changed article's entities, matched to the last resolution by the keys their names meet by; an entity no key
   * finds becomes a new one of its own until the next resolution places it properly.
   */
  private attach(uri: string, analysis: ArticleRecord, resolved: Resolved): Attached {
    const keyIds = (resolved.keyIds ??= keyIdsOf(resolved));
    const entityKeys = articleKeys(analysis.entities);
    const ids = analysis.entities.map((entity, local) => {
      const keys = everyKeyAt(entityKeys, local);
      const known = keys.map((k) => keyIds.get(k) ?? this.newKeyIds.get(k)).find((id) => id !== undefined);
      if (known !== undefined) return known;
      let id = slug(entity.name);
      while (resolved.clusters.has(id) || this.newEntities.has(id)) id = `${id}-new`;
      this.newEntities.set(id, {
        id,
        type: entity.type,
        name: entity.name,
        aliases: [...entity.aliases].sort(),
        roles: entity.roles.map((r) => ({ text: r.text, uri, start: r.start, end: r.end })),
        articles: [uri],
        mentionCount: entity.count,
      });
      for (const k of keys) this.newKeyIds.set(k, id);
      return id;
    });
    return { ids };
  }

  /** The corpus entity `id` of a resolution, described from its members the first time it is asked for. */
  private describedEntity(resolved: Resolved, id: string, keep = false): CorpusEntity | undefined {
    let entity = resolved.described.get(id);
    const cluster = entity ? undefined : resolved.clusters.get(id);
    if (!cluster) return entity;
    entity = this.describe(cluster, resolved);
    // Only large entities are kept: describing a small one costs less than a millisecond, and keeping every entity a
    // hover met made each young-generation collection copy them (10–16 ms pauses, every 50 hovers).
    if (keep || cluster.members.length >= this.preparedArticles) resolved.described.set(id, entity);
    return entity;
  }

  private describe(cluster: Cluster, resolved: Resolved): CorpusEntity {
    const aliases = new Set<string>();
    const roles: CorpusRole[] = [];
    for (const ref of cluster.members) {
      const e = resolved.articles.get(ref.uri)!.entities[ref.local]!;
      for (const a of e.aliases) aliases.add(a);
      for (const r of e.roles) roles.push({ text: r.text, uri: ref.uri, start: r.start, end: r.end });
      if (e.author) roles.push({ text: "author", uri: ref.uri, start: e.first, end: e.first });
    }
    // The articles, in corpus order, from the mention table (already in that order): every member has a mention. A
    // set of 9,600 uris and its sort were half of describing "United States".
    const articles: string[] = [];
    const pairs = resolved.mentions.get(cluster.id) ?? new Int32Array(0);
    for (let i = 0; i < pairs.length; i += 2) if (i === 0 || pairs[i] !== pairs[i - 2]) articles.push(resolved.uris[pairs[i]!]!);
    return {
      id: cluster.id,
      type: cluster.type,
      name: cluster.name,
      aliases: [...aliases].sort(),
      roles,
      articles,
      mentionCount: resolved.mentions.count(cluster.id),
    };
  }
}

/** Each article's number in the resolution's `uris` (corpus order), made once per resolution. */
function articleNumbers(resolved: Resolved): Map<string, number> {
  return (resolved.numbers ??= new Map(resolved.uris.map((uri, n) => [uri, n])));
}

/** Every key an entity of the resolution meets by → its corpus id (the first cluster to claim a key keeps it). */
function keyIdsOf(resolved: Resolved): Map<string, string> {
  const keyIds = new Map<string, string>();
  for (const uri of resolved.uris) {
    const ids = resolved.ids.get(uri)!;
    const keys = articleKeys(resolved.articles.get(uri)!.entities);
    ids.forEach((id, local) => {
      for (const key of everyKeyAt(keys, local)) if (!keyIds.has(key)) keyIds.set(key, id);
    });
  }
  return keyIds;
}

/**
 * A hash of what identity across articles is computed from: each article's uri and its entities as the record's
 * bytes hold them (so a folder reopened unchanged is recognised without parsing them).
 */
function fingerprintOf(articles: [uri: string, record: ArticleRecord][]): string {
  const hash = createHash("sha1");
  for (const [uri, record] of articles) hash.update(uri).update("\0").update(entityBytes(record)).update("\n");
  return hash.digest("hex");
}

/** Where each corpus entity's mentions are: (article number, mention index) pairs, by entity, in corpus order. */
interface MentionTable {
  get(id: string): Int32Array | undefined;
  /** How many mentions `id` has (no view made: ranking calls it thousands of times). */
  count(id: string): number;
}

/**
 * The mention table of articles in corpus order, as one array of numbers (counted first, then filled): a list per
 * entity grown by push held 2 million numbers in 60,000 arrays with room to spare at 10,000 articles.
 */
function mentionTable(articles: readonly { ids: readonly string[]; mentions: Int32Array }[]): MentionTable {
  // Entities numbered once per article entity, so the two passes over 900,000 mentions index arrays, not maps.
  const number = new Map<string, number>();
  const locals = articles.map(({ ids }) =>
    ids.map((id) => {
      let k = number.get(id);
      if (k === undefined) number.set(id, (k = number.size));
      return k;
    }),
  );
  const counts = new Int32Array(number.size);
  articles.forEach(({ mentions }, n) => {
    for (let at = 2; at < mentions.length; at += MENTION_FIELDS) counts[locals[n]![mentions[at]!]!]!++;
  });
  const start = new Int32Array(number.size + 1);
  for (let k = 0; k < number.size; k++) start[k + 1] = start[k]! + 2 * counts[k]!;
  const pairs = new Int32Array(start[number.size]!);
  const next = start.slice(0, number.size);
  articles.forEach(({ mentions }, n) => {
    const local = locals[n]!;
    for (let i = 0; i * MENTION_FIELDS < mentions.length; i++) {
      const k = local[mentions[i * MENTION_FIELDS + 2]!]!;
      pairs[next[k]!] = n;
      pairs[next[k]! + 1] = i;
      next[k]! += 2;
    }
  });
  return {
    get: (id) => {
      const k = number.get(id);
      return k === undefined || start[k] === start[k + 1] ? undefined : pairs.subarray(start[k], start[k + 1]);
    },
    count: (id) => {
      const k = number.get(id);
      return k === undefined ? 0 : counts[k]!;
    },
  };
}

/** A mention with where it is and whose it is (fields listed: a spread copy was the cost of long reference lists). */
function corpusMention(m: Mention, uri: string, id: string, type: EntityType = m.type): CorpusMention {
  return { start: m.start, end: m.end, text: m.text, type, entity: m.entity, uri, id };
}

/**
 * The first `k` entries in the order `before` gives, without sorting them all: an entity named in every article
 * meets thousands of others, and only the top few are shown.
 */
function topK<T>(entries: Iterable<T>, k: number, before: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const entry of entries) {
    if (top.length === k && before(entry, top[k - 1]!) >= 0) continue;
    let at = top.length < k ? top.length : k - 1;
    while (at > 0 && before(entry, top[at - 1]!) < 0) at--;
    top.splice(at, 0, entry);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Binary search over spans sorted by start. */
function findAt<T extends { start: number; end: number }>(spans: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The same over (start, end) pairs in a typed array: the pair's number, or -1. */
function findIndexAt(pairs: Int32Array, offset: number): number {
  let lo = 0;
  let hi = pairs.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < pairs[mid * 2]!) hi = mid - 1;
    else if (offset > pairs[mid * 2 + 1]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}
