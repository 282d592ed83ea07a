import type { FrontMatter } from "../types";

/**
 * YAML front matter as trafilatura and static-site tools write it: a first line `---`, `key: value` lines,
 * a closing `---` (or `...`). Only flat scalar fields are read; that is all articles carry.
 * `from` is where the text starts after a BOM.
 */
export function readFrontMatter(text: string, from = 0): FrontMatter | null {
  const open = /^---[ \t]*\r?\n/y;
  open.lastIndex = from;
  if (!open.test(text)) return null;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|$)/gm;
  close.lastIndex = open.lastIndex;
  const end = close.exec(text);
  if (!end) return null;
  const fields: Record<string, string> = {};
  for (const line of text.slice(open.lastIndex, end.index).split(/\r?\n|\r/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (m) fields[m[1]!.toLowerCase()] = unquote(m[2]!);
  }
  return { start: from, end: end.index + end[0].length, fields };
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? m[2]! : value;
}
