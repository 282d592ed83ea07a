// What a person is, as the article says it: the words before the name ("Secretary of State Antony Blinken",
// "CIA chief William Burns", "China’s top diplomat Wang Yi") and an appositive after it ("Kurt Campbell, the top
// Asia official in the White House,").
import type { Span } from "../types";
import { isHonorific, isTitleWord, known } from "./lexicon";
import type { Token } from "./tokens";

const ROLE_MAX_WORDS = 12;
const DETERMINERS = /^(the|a|an|its|his|her|their)$/i;

/**
 * Extends a role leftwards over lowercase title words and the places/organisations that qualify them
 * ("CIA chief", "China’s top diplomat"), from the word before `nameStart`.
 */
export function roleBefore(tokens: readonly Token[], nameIndex: number, given?: Span): Span | undefined {
  let i = nameIndex - 1;
  let start = given?.start;
  let end = given?.end;
  if (given) while (i >= 0 && tokens[i]!.start >= given.start) i--;
  for (; i >= 0; i--) {
    const t = tokens[i]!;
    const following = tokens[i + 1]!;
    if (following.punctBefore !== "") break;
    const qualifier = t.possessive ? !!t.word.known : isTitleWord(t) || !!t.word.known || (t.upper && t.core.length <= 6);
    if (!qualifier || isHonorific(t) || DETERMINERS.test(t.core)) break;
    start = t.start;
    end ??= tokens[nameIndex - 1]!.coreEnd;
  }
  if (start === undefined || end === undefined) return undefined;
  // A role is made of title words, not only of a place ("US Kamala Harris" has none).
  const words = tokens.filter((t) => t.start >= start && t.end <= end);
  return words.some((t) => isTitleWord(t) && !t.word.known && !isHonorific(t)) ? { start, end } : undefined;
}

/** ", the top Asia official in the White House," after a name: a role when it holds a title word early on. */
export function appositiveAfter(tokens: readonly Token[], lastNameIndex: number): Span | undefined {
  const first = tokens[lastNameIndex + 1];
  if (!first || first.punctBefore !== "," || tokens[lastNameIndex]!.possessive) return undefined;
  let j = lastNameIndex + 1;
  while (j + 1 < tokens.length && j - lastNameIndex < ROLE_MAX_WORDS && tokens[j + 1]!.punctBefore === "") j++;
  const phrase = tokens.slice(lastNameIndex + 1, j + 1);
  const closes = tokens[j + 1] === undefined || /^[,;—–)]/.test(tokens[j + 1]!.punctBefore);
  if (!closes) return undefined;
  const head = phrase.slice(0, 4).findIndex((t) => isTitleWord(t) && !t.capitalised !== undefined);
  if (head < 0 || !phrase.slice(0, 4).some((t) => isTitleWord(t) && !DETERMINERS.test(t.core))) return undefined;
  if (phrase.some((t) => t.tags.has("Verb") && !t.tags.has("Participle") && !t.tags.has("Noun"))) return undefined;
  if (phrase[0]!.tags.has("Person") || (phrase[0]!.capitalised && !isTitleWord(phrase[0]!) && !DETERMINERS.test(phrase[0]!.core))) return undefined;
  return { start: phrase[0]!.start, end: phrase.at(-1)!.coreEnd };
}
