import type { ArticleLayout, Span } from "../types";
import { boilerplateKind } from "./boilerplate";
import { readFrontMatter } from "./frontMatter";
import { lines, splitSentences } from "./sentences";

/** The longest line that can be a headline (news headlines run to 150 characters or so). */
export const HEADLINE_MAX = 400;

/** The structure of an article file: front matter, headline, sentences, boilerplate, authors. */
export function readLayout(text: string): ArticleLayout {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontMatter = readFrontMatter(text, bom);
  const bodyStart = frontMatter?.end ?? bom;
  const bodyLines = lines(text, bodyStart, text.length);

  // A first line longer than any headline is a paragraph (an article saved without line breaks, a dump): no headline,
  // rather than a megabyte of one in the outline, the report and every link to the article.
  const headlineLine = bodyLines[0] && bodyLines[0].end - bodyLines[0].start <= HEADLINE_MAX ? bodyLines[0] : undefined;
  const headline = headlineLine ? { ...headlineLine, text: text.slice(headlineLine.start, headlineLine.end) } : null;

  const sentences: Span[] = [];
  const boilerplate: ArticleLayout["boilerplate"] = [];
  const authors: ArticleLayout["authors"] = [];
  for (const line of bodyLines) {
    const content = text.slice(line.start, line.end);
    const kind = line === headlineLine ? null : boilerplateKind(content);
    if (kind) {
      boilerplate.push({ ...line, kind });
      const author = kind === "contact" ? /^write to (.+?) at \S+@/i.exec(content) : null;
      if (author) authors.push({ start: line.start + 9, end: line.start + 9 + author[1]!.length, name: author[1]! });
      continue;
    }
    const byline = /^by\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})\s*(?:[,|—–-]|$)/u.exec(content);
    if (byline && line !== headlineLine) {
      const at = line.start + content.indexOf(byline[1]!);
      authors.push({ start: at, end: at + byline[1]!.length, name: byline[1]! });
    }
    sentences.push(...splitSentences(text, line));
  }
  const fmAuthor = frontMatter?.fields.author;
  if (fmAuthor && !authors.some((a) => a.name === fmAuthor)) {
    // Front matter is metadata, not article text: the author has no span in the body.
    authors.push({ start: frontMatter.start, end: frontMatter.start, name: fmAuthor });
  }
  return { bom, frontMatter, bodyStart, headline, sentences, boilerplate, authors, lineStarts: lineStarts(text) };
}

/** Where each line starts; a line ends at \r\n, \n or a lone \r (the line breaks LSP positions count). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) starts.push(i + 1);
  }
  return starts;
}

/** The LSP position (line, UTF-16 character) of an offset, from `lineStarts`. */
/**
 * The offset of a line/character position, from the line starts: a character past its line's end stays on the line
 * (at the next line's start at most), and a line past the last is the last.
 */
export function offsetIn(starts: ArrayLike<number>, position: { line: number; character: number }): number {
  const line = Math.max(0, Math.min(position.line, starts.length - 1));
  const start = starts[line] ?? 0;
  const offset = start + Math.max(0, position.character);
  return line + 1 < starts.length ? Math.min(offset, starts[line + 1]!) : offset;
}

export function positionIn(starts: ArrayLike<number>, offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}
