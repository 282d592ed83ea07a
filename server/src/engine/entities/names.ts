// Name forms: how two spellings of a name are compared. Shared by identity within an article and across articles.
import { remembered } from "./memo";

/**
 * Heads that stand alone for a body the article names in full ("the Congress", "the Ministry", "Police"), and never
 * stand for another one: the alone form joins the full name, not a namesake of another article.
 */
export const GENERIC_HEADS = new Set(
  "congress parliament assembly senate council ministry department police court government party army navy commission committee agency bureau authority cabinet board university college institute foundation union league federation company bank group".split(" "),
);

const HONORIFIC_SUFFIXES = /\s*,?\s+(jr|sr|ii|iii|iv)\.?$/i;

// Names repeat within an article and across a folder, and the key is asked for at every comparison: remembered. (A
// limit of 20,000 made the 10,000-article run a quarter longer: the memo cleared and refilled again and again.)
const KEYS_LIMIT = 200_000;

/** Comparable form of a name: case, accents, possessives, middle initials and punctuation removed. */
export const nameKey: (name: string) => string = remembered(KEYS_LIMIT, (name) => computeNameKey(name));

function computeNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]s$/i, "")
    .replace(HONORIFIC_SUFFIXES, "")
    .replace(/\b\p{Lu}\.\s*(?=\p{Lu}\p{Ll})/gu, "") // middle initials: "Antony J. Blinken"
    .replace(/[.’'`]/g, "")
    .replace(/[-‐‑–—\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/** The words of a name's comparable form. */
export function nameTokens(name: string): string[] {
  const key = nameKey(name);
  return key ? key.split(" ") : [];
}

/** A URL- and reader-friendly id for a name: "Antony Blinken" → "antony-blinken". */
export function slug(name: string): string {
  return nameKey(name).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "entity";
}

/** "Asia-Pacific Economic Cooperation" → "APEC": the initials of the capitalised words. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

const LEGAL_SUFFIX = /\s+(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|group|ag|sa|spa|nv|gmbh)$/;

/** An organisation's comparable form: its legal suffix dropped ("General Motors Corporation" → "general motors"). */
export function orgKey(name: string): string {
  return nameKey(name).replace(LEGAL_SUFFIX, "");
}

/** The comparable form of a name of any type. */
export function entityKey(type: string, name: string): string {
  return `${type}:${type === "organization" ? orgKey(name) : nameKey(name)}`;
}
