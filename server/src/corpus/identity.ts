// Identity across articles: which entities of different articles are the same real entity.
//
// Each article has already resolved its own short forms ("Wang" → "Wang Yi" in one article, "Wang Yiwei" in
// another), so only full forms meet here. An entity whose article never gave more than one word ("Blinken")
// binds to a full name of the corpus that ends or starts with that word, preferring the candidate whose company
// (the other entities of the article) it shares most; with no candidate it stands alone.
import type { ArticleEntity, EntityType } from "../engine/types";
import { nameKey, nameTokens, slug } from "../engine/entities/names";

export interface EntityRef {
  uri: string;
  /** Index into that article's `entities`. */
  local: number;
}

export interface ArticleEntities {
  uri: string;
  entities: readonly ArticleEntity[];
}

export interface Cluster {
  id: string;
  type: EntityType;
  name: string;
  members: EntityRef[];
}

const keyOf = (type: EntityType, name: string) => `${type}:${nameKey(name)}`;

/** Groups article entities into corpus entities. Deterministic: the same articles give the same ids in any order. */
export function clusterEntities(articles: readonly ArticleEntities[]): Cluster[] {
  const sorted = [...articles].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const byKey = new Map<string, { type: EntityType; members: EntityRef[]; names: Map<string, number> }>();
  const shortOnes: { ref: EntityRef; entity: ArticleEntity; company: string[] }[] = [];

  const add = (key: string, type: EntityType, ref: EntityRef, name: string, weight: number) => {
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { type, members: [], names: new Map() }));
    group.members.push(ref);
    group.names.set(name, (group.names.get(name) ?? 0) + weight);
  };

  for (const article of sorted) {
    const keys = article.entities.map((e) => keyOf(e.type, e.name));
    article.entities.forEach((entity, local) => {
      const ref = { uri: article.uri, local };
      if (entity.type === "person" && nameTokens(entity.name).length === 1) {
        shortOnes.push({ ref, entity, company: keys.filter((k) => k !== keys[local]) });
      } else {
        add(keys[local]!, entity.type, ref, entity.name, entity.count);
      }
    });
  }

  // Full names by each of their words that a short form may use (family name first or last).
  const byToken = new Map<string, string[]>();
  for (const [key, group] of byKey) {
    if (group.type !== "person") continue;
    const tokens = key.slice("person:".length).split(" ");
    for (const t of new Set([tokens[0]!, tokens.at(-1)!])) byToken.set(t, [...(byToken.get(t) ?? []), key]);
  }
  const companyOf = new Map<string, Set<string>>();
  for (const article of sorted) {
    const keys = new Set(article.entities.map((e) => keyOf(e.type, e.name)));
    for (const k of keys) {
      let set = companyOf.get(k);
      if (!set) companyOf.set(k, (set = new Set()));
      for (const other of keys) if (other !== k) set.add(other);
    }
  }
  for (const { ref, entity, company } of shortOnes) {
    const token = nameTokens(entity.name)[0]!;
    const candidates = byToken.get(token) ?? [];
    let best: string | undefined;
    let bestScore = -1;
    for (const key of candidates) {
      const known = companyOf.get(key) ?? new Set();
      const shared = company.filter((k) => known.has(k)).length;
      const score = shared * 1000 + byKey.get(key)!.members.length;
      if (score > bestScore) [best, bestScore] = [key, score];
    }
    add(best ?? keyOf("person", entity.name), "person", ref, entity.name, best ? 0 : entity.count);
  }

  const clusters: Cluster[] = [];
  const used = new Map<string, number>();
  for (const [, group] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = canonicalName(group.names);
    let id = slug(name);
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    clusters.push({ id, type: group.type, name, members: group.members });
  }
  return clusters;
}

/** The fullest common form: most words first, then most used, then alphabetical for determinism. */
function canonicalName(names: Map<string, number>): string {
  return [...names].sort(
    ([a, ca], [b, cb]) => nameTokens(b).length - nameTokens(a).length || cb - ca || (a < b ? -1 : 1),
  )[0]![0];
}
