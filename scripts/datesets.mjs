// The project's own date sets (eval/dates/*.jsonl: news passages written for the project, each with its date and
// TimeML values) turned into articles and a gold file the shared scorer reads, like the NER sets (nerdata.mjs).
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** One article per passage: its date as front matter, a headline line, then the passage. */
export function writeDateArticles(jsonl, folder) {
  const documents = {};
  for (const line of jsonl.split("\n").filter((l) => l.trim())) {
    const item = JSON.parse(line);
    const head = `---\ndate: ${item.dct}\n---\n${item.class ?? "news"} ${item.id}\n\n`;
    const file = `${item.id}.txt`;
    writeFileSync(join(folder, file), `${head}${item.text}\n`);
    documents[file] = {
      dct: item.dct,
      mentions: [],
      timexes: item.timexes.map((t) => {
        const at = whole(item.text, t.text, t.occurrence ?? 1);
        if (at < 0) throw new Error(`${item.id}: “${t.text}” is not in the passage`);
        return {
          start: head.length + at,
          end: head.length + at + t.text.length,
          text: t.text,
          type: t.type,
          value: t.value,
          ...(t.endValue !== undefined && { end_value: t.endValue }),
          ...(t.mod !== undefined && { mod: t.mod }),
        };
      }),
    };
  }
  return { documents, entities: {} };
}

/** Offset of the n-th whole-word occurrence of `needle` in `text`, or -1. */
function whole(text, needle, n) {
  const edge = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (edge(text[at - 1]) || edge(text[at + needle.length])) continue;
    if (--n === 0) return at;
  }
  return -1;
}
