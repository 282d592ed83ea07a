// The index over all articles: what the CLI report and every LSP handler read.
// Articles come and go one at a time (upsert / remove); nothing is re-analysed. Identity across articles is
// recomputed from the stored per-article entities, lazily, on the first question after a change: that step
// reads no text and runs no tagger, so it is cheap next to analysing even one article.
import type { ArticleAnalysis, EntityType, Mention, Timex } from "../engine/types";
import { nameKey } from "../engine/entities/names";
import { clusterEntities, type Cluster } from "./identity";

export interface CorpusMention extends Mention {
  uri: string;
  /** The corpus entity's id. */
  id: string;
}

export interface CorpusRole {
  text: string;
  uri: string;
  start: number;
  end: number;
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
  entities: Map<string, CorpusEntity>;
  /** uri → local entity index → corpus id */
  ids: Map<string, string[]>;
  /**
   * id → where its mentions are, in corpus order (articles by uri, then text order): pairs of (article number in
   * `uris`, mention index), flat. Mention objects are made on demand: a copy of each would double the memory.
   */
  mentions: Map<string, number[]>;
  uris: string[];
  /** coMentioned answers, remembered until the next change. */
  company: Map<string, { entity: CorpusEntity; articles: number }[]>;
}

/** Co-mention counts look at this many of an entity's articles at most ("United States" is in nearly all). */
const COMPANY_SAMPLE = 400;

export class Corpus {
  private readonly articles = new Map<string, ArticleAnalysis>();
  private resolved: Resolved | null = null;
  /** Increases on every change: lets callers cache what they derive from the index. */
  version = 0;

  upsert(uri: string, analysis: ArticleAnalysis): void {
    this.articles.set(uri, analysis);
    this.changed();
  }

  remove(uri: string): boolean {
    const had = this.articles.delete(uri);
    if (had) this.changed();
    return had;
  }

  private changed(): void {
    this.resolved = null;
    this.version++;
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

  article(uri: string): ArticleAnalysis | undefined {
    return this.articles.get(uri);
  }

  entity(id: string): CorpusEntity | undefined {
    return this.resolve().entities.get(id);
  }

  entities(): CorpusEntity[] {
    return [...this.resolve().entities.values()];
  }

  /** The corpus id of an article's local entity. */
  idOf(uri: string, local: number): string | undefined {
    return this.resolve().ids.get(uri)?.[local];
  }

  /** The article's mentions, each with its corpus id, in text order. */
  mentionsIn(uri: string): CorpusMention[] {
    const analysis = this.articles.get(uri);
    const ids = this.resolve().ids.get(uri);
    if (!analysis || !ids) return [];
    return analysis.mentions.map((m) => ({ ...m, uri, id: ids[m.entity]! }));
  }

  /** Every mention of an entity across the corpus, in corpus order. */
  mentionsOf(id: string): CorpusMention[] {
    const { mentions, uris } = this.resolve();
    const where = mentions.get(id) ?? [];
    const out: CorpusMention[] = [];
    for (let i = 0; i < where.length; i += 2) {
      const uri = uris[where[i]!]!;
      out.push({ ...this.articles.get(uri)!.mentions[where[i + 1]!]!, uri, id });
    }
    return out;
  }

  /** An entity's mentions grouped by article, in corpus order, for the first `limit` articles only. */
  mentionsByArticle(id: string, limit = Infinity): { uri: string; mentions: CorpusMention[] }[] {
    const { mentions, uris } = this.resolve();
    const where = mentions.get(id) ?? [];
    const out: { uri: string; mentions: CorpusMention[] }[] = [];
    for (let i = 0; i < where.length; i += 2) {
      const uri = uris[where[i]!]!;
      let group = out.at(-1);
      if (group?.uri !== uri) {
        if (out.length >= limit) break;
        out.push((group = { uri, mentions: [] }));
      }
      group.mentions.push({ ...this.articles.get(uri)!.mentions[where[i + 1]!]!, uri, id });
    }
    return out;
  }

  /** How many mentions an entity has, without making them. */
  mentionCount(id: string): number {
    return (this.resolve().mentions.get(id)?.length ?? 0) / 2;
  }

  /** The mention covering `offset` (start inclusive, end inclusive so a cursor just after a name still counts). */
  mentionAt(uri: string, offset: number): CorpusMention | undefined {
    return findAt(this.mentionsIn(uri), offset);
  }

  timexAt(uri: string, offset: number): Timex | undefined {
    return findAt(this.articles.get(uri)?.timexes ?? [], offset);
  }

  /**
   * Entities mentioned in the same articles as `id`, most shared articles first. For an entity in more than
   * COMPANY_SAMPLE articles the counts come from an even sample of them (the ranking, not the exact count, matters).
   */
  coMentioned(id: string, limit: number): { entity: CorpusEntity; articles: number }[] {
    const resolved = this.resolve();
    const known = resolved.company.get(id);
    if (known && known.length >= limit) return known.slice(0, limit);
    const articles = resolved.entities.get(id)?.articles ?? [];
    const step = Math.max(1, articles.length / COMPANY_SAMPLE);
    const counts = new Map<string, number>();
    for (let i = 0; i < articles.length; i += step) {
      for (const other of new Set(resolved.ids.get(articles[Math.floor(i)]!))) {
        if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    const scale = articles.length / Math.ceil(articles.length / step);
    const ranked = [...counts]
      .map(([other, n]) => ({ entity: resolved.entities.get(other)!, articles: Math.round(n * scale) }))
      .sort((a, b) => b.articles - a.articles || b.entity.mentionCount - a.entity.mentionCount || (a.entity.id < b.entity.id ? -1 : 1))
      .slice(0, Math.max(limit, 10));
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

  private resolve(): Resolved {
    if (this.resolved) return this.resolved;
    const uris = this.uris();
    const clusters = clusterEntities(uris.map((uri) => ({ uri, entities: this.articles.get(uri)!.entities })));
    const entities = new Map<string, CorpusEntity>();
    const ids = new Map<string, string[]>(uris.map((uri) => [uri, []]));
    for (const cluster of clusters) {
      entities.set(cluster.id, this.describe(cluster));
      for (const ref of cluster.members) ids.get(ref.uri)![ref.local] = cluster.id;
    }
    const mentions = new Map<string, number[]>();
    uris.forEach((uri, n) => {
      const local = ids.get(uri)!;
      this.articles.get(uri)!.mentions.forEach((m, i) => {
        const id = local[m.entity]!;
        let list = mentions.get(id);
        if (!list) mentions.set(id, (list = []));
        list.push(n, i);
      });
    });
    for (const [id, list] of mentions) entities.get(id)!.mentionCount = list.length / 2;
    this.resolved = { entities, ids, mentions, uris, company: new Map() };
    return this.resolved;
  }

  private describe(cluster: Cluster): CorpusEntity {
    const aliases = new Set<string>();
    const roles: CorpusRole[] = [];
    const articles = new Set<string>();
    for (const ref of cluster.members) {
      const e = this.articles.get(ref.uri)!.entities[ref.local]!;
      for (const a of e.aliases) aliases.add(a);
      for (const r of e.roles) roles.push({ text: r.text, uri: ref.uri, start: r.start, end: r.end });
      if (e.author) roles.push({ text: "author", uri: ref.uri, start: e.first, end: e.first });
      articles.add(ref.uri);
    }
    return {
      id: cluster.id,
      type: cluster.type,
      name: cluster.name,
      aliases: [...aliases].sort(),
      roles,
      articles: [...articles].sort(),
      mentionCount: 0,
    };
  }
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
