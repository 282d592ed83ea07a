// Identity within one article: "Antony Blinken", "Blinken", "Mr. Blinken", "Antony J. Blinken" are one entity.
// A short form binds to the full name it shares a word with; when several fit, to the most salient one (most
// mentions, then first mentioned), and names from the article proper win over names from its boilerplate.
import type { EntityType } from "../types";
import { ORG_HEADS, PLACE_HEADS } from "./gazetteer";
import { GENERIC_HEADS, entityKey, initials, nameTokens, orgKey } from "./names";

/** Last words that make a name complete by themselves ("Fairfax County", "Ford Motor"). */
const HEADS = new Set([...ORG_HEADS, ...PLACE_HEADS]);


export interface TypedMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  canonical?: string;
  /** In web boilerplate: found, but not allowed to teach the article who a short form is. */
  boilerplate: boolean;
  /** Its type was guessed, not read from evidence. */
  weak?: boolean;
}

export interface Grouping {
  /** For each mention (same order as given), the index of its group. */
  groupOf: number[];
  groups: { type: EntityType; name: string; members: number[] }[];
}

export function groupMentions(mentions: readonly TypedMention[]): Grouping {
  const keyOf = (m: TypedMention) => entityKey(m.type, m.canonical ?? m.text);
  // 1. Exact forms.
  const byKey = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    const k = keyOf(m);
    const members = byKey.get(k);
    if (members) members.push(i);
    else byKey.set(k, [i]);
  });
  const keys = [...byKey.keys()];
  const order = new Map(keys.map((k, i) => [k, i]));
  const typeOf = (k: string) => k.slice(0, k.indexOf(":"));
  const tokens = new Map(keys.map((k) => [k, k.slice(k.indexOf(":") + 1).split(" ")]));
  const saliences = new Map<string, number>();
  const salience = (k: string) => {
    let value = saliences.get(k);
    if (value === undefined) {
      const members = byKey.get(k)!;
      const body = members.filter((i) => !mentions[i]!.boilerplate).length;
      saliences.set(k, (value = body * 1000 + members.length * 10 - mentions[members[0]!]!.start / 1e9));
    }
    return value;
  };
  // Each organisation's or place's initials, as it is written and as its key reads in Title Case ("APEC").
  const initialsOf = new Map<string, Set<string>>();
  for (const k of keys) {
    if (typeOf(k) === "person") continue;
    const forms = new Set(byKey.get(k)!.map((i) => mentions[i]!.canonical ?? mentions[i]!.text));
    initialsOf.set(k, new Set([...forms].flatMap((f) => [initials(f).toLowerCase(), initials(orgKey(f).replace(/\b\p{L}/gu, (c) => c.toUpperCase())).toLowerCase()])));
  }
  // Longer forms by type and first word, last word and initials: a short form looks only at the forms it can
  // belong to. Comparing every pair was quadratic in the distinct names (a megabyte of them took minutes).
  const index = new Map<string, string[]>();
  const add = (key: string, k: string) => {
    const list = index.get(key);
    if (list) list.push(k);
    else index.set(key, [k]);
  };
  for (const k of keys) {
    const type = typeOf(k);
    const words = tokens.get(k)!;
    if (words.length < 2) continue; // never a longer form
    add(`first ${type}:${words[0]}`, k);
    if (type === "person") add(`last ${type}:${words.at(-1)}`, k);
    // "the Congress" of the "National People's Congress": a generic head alone, for the body the article names in full.
    else add(`head ${type}:${words.at(-1)}`, k);
    for (const i of initialsOf.get(k) ?? []) add(`initials ${type}:${i}`, k);
  }
  // 2. Short forms → longer forms of the same type that contain them.
  const parent = new Map<string, string>();
  for (const k of keys) {
    const type = typeOf(k);
    const words = tokens.get(k)!;
    const pool = new Set(index.get(`first ${type}:${words[0]}`));
    if (words.length === 1) {
      for (const other of index.get(`last ${type}:${words[0]}`) ?? []) pool.add(other);
      for (const other of index.get(`initials ${type}:${words[0]}`) ?? []) pool.add(other);
      if (GENERIC_HEADS.has(words[0]!)) for (const other of index.get(`head ${type}:${words[0]}`) ?? []) pool.add(other);
    }
    const candidates = [...pool].sort((a, b) => order.get(a)! - order.get(b)!).filter((other) => {
      if (other === k) return false;
      const ow = tokens.get(other)!;
      if (ow.length <= words.length) return false;
      // "Recep Erdogan" of "Recep Tayyip Erdogan": the same first and last names, middle names left out.
      if (type === "person") return words.length === 1 ? ow[0] === words[0] || ow.at(-1) === words[0] : words.length === 2 && ow[0] === words[0] && ow.at(-1) === words[1];
      if (words.length === 1 && GENERIC_HEADS.has(words[0]!) && ow.at(-1) === words[0]) return true;
      // organisations and places: a leading part ("Ford" of "Ford Motor Company") or the initials ("APEC"); a name
      // with its own head is complete ("Fairfax County" is not the "Fairfax County Police Department").
      if (words.length > 1 && HEADS.has(words.at(-1)!)) return false;
      return ow.slice(0, words.length).join(" ") === words.join(" ") || (words.length === 1 && initialsOf.get(other)!.has(words[0]!));
    });
    if (candidates.length) parent.set(k, candidates.sort((a, b) => salience(b) - salience(a))[0]!);
  }
  const root = (k: string): string => (parent.has(k) ? root(parent.get(k)!) : k);

  const groupIndex = new Map<string, number>();
  const groups: Grouping["groups"] = [];
  const groupOf = mentions.map((m) => {
    const r = root(keyOf(m));
    let g = groupIndex.get(r);
    if (g === undefined) {
      groupIndex.set(r, (g = groups.length));
      groups.push({ type: m.type, name: "", members: [] });
    }
    return g;
  });
  groupOf.forEach((g, i) => groups[g]!.members.push(i));
  for (const g of groups) g.name = fullestForm(g.members.map((i) => mentions[i]!));
  return { groupOf, groups };
}

/**
 * The name an entity goes by: its fullest form, a gazetteer's canonical form standing for the form it was found as
 * ("U.S." → "United States", but "the Congress" of the National People's Congress stays the latter); then the most
 * used form.
 */
function fullestForm(members: TypedMention[]): string {
  const counts = new Map<string, number>();
  for (const m of members) {
    const form = m.canonical ?? m.text.replace(/['’]s$/, "");
    counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  return [...counts].sort(
    ([a, ca], [b, cb]) => nameTokens(b).length - nameTokens(a).length || cb - ca || (a < b ? -1 : 1),
  )[0]![0];
}
