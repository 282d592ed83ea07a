// Identity across articles: which entities of different articles are the same real entity.
//
// Each article has already resolved its own short forms ("Wang" → "Wang Yi" in one article, "Wang Yiwei" in
// another), so people meet here by their full names only. Organisations and places meet by any name they go by in
// an article ("GM" and "General Motors" in one article join every article that uses either). A person whose article
// never gave more than one word ("Blinken") binds to a full name of the corpus that ends or starts with that word,
// preferring the candidate whose company (the other entities of the article) it shares most; with no candidate it
// stands alone.
import { type ArticleEntity, entityKey, type EntityType, GENERIC_HEADS, nameKey, nameTokens, slug } from "../engine";

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

/**
 * The keys by which each of an article's entities may meet others, and each one's own key (its type and name): the
 * meeting keys of entity `i` are `meeting[start[i]]` up to `meeting[start[i + 1]]`, none for a person known by one
 * word only. Kept per article, not per entity: 10,000 articles' 470,000 entities held 42 MB of key lists and memo
 * entries, one of each per entity.
 */
export interface ArticleKeys {
  meeting: string[];
  start: number[];
  own: string[];
}

/** The keys of an article's entities (see ArticleKeys), computed once per analysis. */
export function articleKeys(entities: readonly ArticleEntity[]): ArticleKeys {
  let keys = keysMemo.get(entities);
  if (!keys) {
    keys = { meeting: [], start: [0], own: [] };
    for (const entity of entities) {
      for (const k of computeMeetingKeys(entity, entity.type)) keys.meeting.push(intern(k));
      keys.start.push(keys.meeting.length);
      keys.own.push(intern(entityKey(entity.type, entity.name)));
    }
    keysMemo.set(entities, keys);
  }
  return keys;
}

/** Entity `local`'s meeting keys (see ArticleKeys). */
export function meetingKeysAt(keys: ArticleKeys, local: number): string[] {
  return keys.meeting.slice(keys.start[local]!, keys.start[local + 1]!);
}

/** Every key entity `local` goes by: its meeting keys, then its own. */
export function everyKeyAt(keys: ArticleKeys, local: number): string[] {
  return [...meetingKeysAt(keys, local), keys.own[local]!];
}

/**
 * Identity is recomputed for the whole corpus after changes, but an article's entities do not change between
 * analyses: their keys (normalising names costs regular expressions) are computed once per analysis.
 */
const keysMemo = new WeakMap<readonly ArticleEntity[], ArticleKeys>();

/**
 * One string per distinct key: "place:united states" is a key of 9,600 articles' entities, and the memos held a copy
 * for each (58 of a 10,000-article folder's 120 MB of identities). Cleared when it grows past any folder's needs.
 */
const interned = new Map<string, string>();
const INTERNED_MAX = 500_000;
function intern(key: string): string {
  const known = interned.get(key);
  if (known !== undefined) return known;
  if (interned.size >= INTERNED_MAX) interned.clear();
  interned.set(key, key);
  return key;
}

function computeMeetingKeys(entity: ArticleEntity, type: EntityType): string[] {
  const forms = [entity.name, ...entity.aliases];
  if (type !== "person") {
    // "Congress" said of the National People's Congress never meets another article's Congress.
    const generic = (f: string) => f !== entity.name && GENERIC_HEADS.has(nameKey(f));
    return [...new Set(forms.filter((f) => !generic(f)).map((f) => entityKey(type, f)))];
  }
  const keys = new Set<string>();
  for (const f of forms) {
    const words = nameTokens(f);
    if (words.length < 2) continue;
    keys.add(entityKey("person", f));
    // "Recep Tayyip Erdogan" meets "Recep Erdogan": middle names may be left out.
    if (words.length > 2) keys.add(`person:${words[0]} ${words.at(-1)}`);
  }
  return [...keys];
}

/** What a name's evidence weighs in the folder's vote: an article that gave it a type by evidence, or by a guess. */
const FIRM_VOTE = 3;
const GUESS_VOTE = 1;

/**
 * One name, one type across the folder: an entity whose type its article only guessed takes the type the folder gives
 * the same name, by evidence first and then by majority ("Ford said" guessed a person; "the carmaker Ford" and "Ford
 * Motor Company" in other articles say a company). Returns the entities to retype.
 */
export function folderTypes(articles: readonly ArticleEntities[]): Map<ArticleEntity, EntityType> {
  // Per name, its types in the order first seen with their votes: [type, votes, type, votes…] (a Map per name was
  // most of this vote's memory at 10,000 articles).
  const votes = new Map<string, (EntityType | number)[]>();
  for (const article of articles) {
    for (const e of article.entities) {
      const key = nameKey(e.name);
      let byType = votes.get(key);
      if (!byType) votes.set(key, (byType = []));
      const at = byType.indexOf(e.type);
      const vote = e.weakType ? GUESS_VOTE : FIRM_VOTE;
      if (at < 0) byType.push(e.type, vote);
      else (byType[at + 1] as number) += vote;
    }
  }
  const retyped = new Map<ArticleEntity, EntityType>();
  for (const article of articles) {
    for (const e of article.entities) {
      if (!e.weakType) continue;
      const byType = votes.get(nameKey(e.name))!;
      const votesFor = (type: EntityType) => {
        const at = byType.indexOf(type);
        return at < 0 ? 0 : (byType[at + 1] as number);
      };
      const own = votesFor(e.type);
      let best: EntityType = e.type;
      for (let i = 0; i < byType.length; i += 2) if ((byType[i + 1] as number) > votesFor(best)) best = byType[i] as EntityType;
      // Another type wins when it has evidence behind it, or twice the articles' guesses.
      if (best !== e.type && votesFor(best) >= own + FIRM_VOTE - GUESS_VOTE) retyped.set(e, best);
    }
  }
  return retyped;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let root = k;
    while (this.parent.has(root)) root = this.parent.get(root)!;
    if (root !== k) this.parent.set(k, root);
    return root;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * Groups article entities into corpus entities. Deterministic: the same articles give the same ids in any order.
 * `between` is called between its phases, when what the last one made is garbage: a caller that can collect it
 * then keeps the peak down (at 10,000 articles: ~55 MB less committed heap for ~0.5 s).
 */
export function clusterEntities(articles: readonly ArticleEntities[], between: () => void = () => {}): Cluster[] {
  const sorted = [...articles].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const retyped = folderTypes(sorted);
  between();
  const typeOf = (e: ArticleEntity) => retyped.get(e) ?? e.type;
  const uf = new UnionFind();
  // The entities placed by a key, as parallel lists (one object per entity was 19 MB at 10,000 articles).
  const placed: Placed = { refs: [], entities: [], keys: [] };
  // A short one's company is its article's other entities: the article's keys and its own place among them, not a copy.
  const shortOnes: ShortOne[] = [];

  for (const article of sorted) {
    const keys = articleKeys(article.entities);
    // A retyped entity meets by the keys of its new type (rare: computed, not memoised).
    const keysAt = (local: number) => {
      const entity = article.entities[local]!;
      const type = retyped.get(entity);
      return type ? computeMeetingKeys(entity, type) : meetingKeysAt(keys, local);
    };
    const keyAt = (local: number) => {
      const entity = article.entities[local]!;
      const type = retyped.get(entity);
      return type ? entityKey(type, entity.name) : keys.own[local]!;
    };
    let firstKeys: string[] | undefined;
    article.entities.forEach((entity, local) => {
      const ref = { uri: article.uri, local };
      const meeting = keysAt(local);
      if (meeting.length === 0) {
        firstKeys ??= article.entities.map((_, i) => keysAt(i)[0] ?? keyAt(i));
        shortOnes.push({ ref, entity, own: keys.own[local]!, articleKeys: firstKeys });
        return;
      }
      for (const k of meeting.slice(1)) uf.union(meeting[0]!, k);
      placed.refs.push(ref);
      placed.entities.push(entity);
      placed.keys.push(meeting[0]!);
    });
  }

  between();
  const groups = new Map<string, { type: EntityType; members: EntityRef[]; names: Map<string, number> }>();
  const add = (root: string, type: EntityType, ref: EntityRef, name: string, weight: number) => {
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { type, members: [], names: new Map() }));
    group.members.push(ref);
    group.names.set(name, (group.names.get(name) ?? 0) + weight);
  };
  placed.refs.forEach((ref, i) => add(uf.find(placed.keys[i]!), typeOf(placed.entities[i]!), ref, placed.entities[i]!.name, placed.entities[i]!.count));

  bindShortForms(shortOnes, placed, uf, groups, add, typeOf);

  between();
  const clusters: Cluster[] = [];
  const used = new Map<string, number>();
  for (const [, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = canonicalName(group.names);
    let id = slug(name);
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    clusters.push({ id, type: group.type, name, members: group.members });
  }
  return clusters;
}

interface Placed {
  refs: EntityRef[];
  entities: ArticleEntity[];
  /** Each one's first meeting key. */
  keys: string[];
}

type Add = (root: string, type: EntityType, ref: EntityRef, name: string, weight: number) => void;
interface ShortOne {
  ref: EntityRef;
  entity: ArticleEntity;
  /** Its key by its own name and type: its group's when no full name takes it. */
  own: string;
  /** The first key of each entity of its article (its own at `ref.local`). */
  articleKeys: string[];
}

/** One-word persons join the full name they are the first or last word of, by the company they keep. */
function bindShortForms(
  shortOnes: ShortOne[],
  placed: Placed,
  uf: UnionFind,
  groups: Map<string, { members: EntityRef[] }>,
  add: Add,
  typeOf: (e: ArticleEntity) => EntityType,
): void {
  if (shortOnes.length === 0) return;
  // Full names by their first and last words, for the words short ones use only.
  const wanted = new Set(shortOnes.map(({ entity }) => nameTokens(entity.name)[0]!));
  const byWord = new Map<string, Set<string>>();
  const candidates = new Set<string>();
  placed.entities.forEach((entity, i) => {
    if (typeOf(entity) !== "person") return;
    const key = placed.keys[i]!;
    const words = nameTokens(entity.name);
    for (const w of [words[0]!, words.at(-1)!]) {
      if (!wanted.has(w)) continue;
      const root = uf.find(key);
      byWord.set(w, (byWord.get(w) ?? new Set()).add(root));
      candidates.add(root);
    }
  });
  // The company of a candidate (every entity of every article it appears in), computed for candidates only: for
  // all roots it would cost the square of the entities per article, summed over the corpus (and the articles of
  // every root were a set each: 150 MB of a 10,000-article resolution).
  const articlesOf = new Map<string, Set<string>>();
  const keysOf = new Map<string, string[]>();
  placed.refs.forEach((ref, i) => {
    const root = uf.find(placed.keys[i]!);
    let keys = keysOf.get(ref.uri);
    if (!keys) keysOf.set(ref.uri, (keys = []));
    keys.push(root);
    if (candidates.has(root)) (articlesOf.get(root) ?? articlesOf.set(root, new Set()).get(root)!).add(ref.uri);
  });
  const companies = new Map<string, Set<string>>();
  const companyOf = (root: string): Set<string> => {
    let company = companies.get(root);
    if (!company) {
      company = new Set();
      for (const uri of articlesOf.get(root) ?? []) for (const k of keysOf.get(uri) ?? []) if (k !== root) company.add(k);
      companies.set(root, company);
    }
    return company;
  };
  for (const { ref, entity, own, articleKeys } of shortOnes) {
    const word = nameTokens(entity.name)[0]!;
    const roots = articleKeys.filter((_, i) => i !== ref.local).map((k) => uf.find(k));
    let best: string | undefined;
    let bestScore = -1;
    for (const root of byWord.get(word) ?? []) {
      const known = companyOf(root);
      const score = roots.filter((k) => known.has(k)).length * 1000 + (groups.get(root)?.members.length ?? 0);
      if (score > bestScore || (score === bestScore && best !== undefined && root < best)) [best, bestScore] = [root, score];
    }
    add(best ?? own, "person", ref, entity.name, best ? 0 : entity.count);
  }
}

/** The fullest common form: most words first, then most used, then alphabetical for determinism. */
function canonicalName(names: Map<string, number>): string {
  return [...names].sort(
    ([a, ca], [b, cb]) => nameTokens(b).length - nameTokens(a).length || cb - ca || (a < b ? -1 : 1),
  )[0]![0];
}
