// Hover: a card for the name or the date under the cursor.
import { MarkupKind, type Hover, type HoverParams } from "vscode-languageserver";
import type { CorpusEntity, CorpusMention } from "../corpus";
import type { ArticleDate, Timex } from "../engine";
import { ENTITY_LABELS } from "../labels";
import { COMMANDS } from "../protocol";
import { articleTitle, count, rangeOf, type HandlerContext } from "./context";
import { escape, link, shorten, snippet } from "./markdown";

const ROLE_LIMIT = 6;
const COMPANY_LIMIT = 6;
const HEADLINE_LENGTH = 90;


export function hover(ctx: HandlerContext, params: HoverParams): Hover | null {
  const uri = params.textDocument.uri;
  const doc = ctx.texts.document(uri);
  if (!doc) return null;
  const offset = doc.offsetAt(params.position);
  const mention = ctx.corpus.mentionAt(uri, offset);
  const timex = mention ? undefined : ctx.corpus.timexAt(uri, offset);
  const span = mention ?? timex;
  if (!span) return null;
  const sections = mention ? entityCard(ctx, mention) : dateCard(timex!, ctx.corpus.article(uri)!.dct);
  // What the analysis of this article could not do (only the first part of a very large file, undecodable bytes):
  // said where the user is looking, on every card of the article.
  for (const notice of ctx.corpus.article(uri)?.notices ?? []) sections.push(`_${escape(notice)}_`);
  if (ctx.indexing.running && ctx.indexing.done < ctx.indexing.total) {
    const { done, total, pass } = ctx.indexing;
    sections.push(
      pass === "first"
        ? `_Still indexing the workspace (${done}/${total} articles): counts may grow._`
        : `_Quick pass done; full analysis under way (${done}/${total}): names and counts may still be refined._`,
    );
  }
  return { contents: { kind: MarkupKind.Markdown, value: sections.join("\n\n") }, range: rangeOf(doc, span) };
}

function entityCard(ctx: HandlerContext, mention: CorpusMention): string[] {
  const { corpus } = ctx;
  const entity = corpus.entity(mention.id)!;
  const here = corpus.mentionsIn(mention.uri).filter((m) => m.id === entity.id).length;
  const sections = [
    `**${escape(entity.name)}** · ${ENTITY_LABELS[entity.type].one}`,
    `${count(entity.mentionCount, "mention", "mentions")} in ${count(entity.articles.length, "article", "articles")} (${here} here)`,
  ];
  const roles = rolesSection(ctx, entity);
  if (roles) sections.splice(1, 0, roles);

  const others = corpus.firstBodyMentions(entity.id, ctx.settings.hover.maxArticles + 1).filter((m) => m.uri !== mention.uri);
  const shown = others.slice(0, ctx.settings.hover.maxArticles);
  const notShown = entity.articles.length - (entity.articles.includes(mention.uri) ? 1 : 0) - shown.length;
  if (shown.length > 0) {
    const lines = shown.map((m) => {
      const doc = ctx.texts.document(m.uri);
      const title = link(shorten(articleTitle(corpus, m.uri), HEADLINE_LENGTH), m.uri, doc, m.start);
      return doc ? `- ${title}: ${snippet(doc, corpus.article(m.uri), m)}` : `- ${title}`;
    });
    if (notShown > 0) lines.push(`- …and ${count(notShown, "more article", "more articles")}`);
    sections.push(`**Also in**\n\n${lines.join("\n")}`);
  }

  const company = corpus.coMentioned(entity.id, COMPANY_LIMIT);
  if (company.length > 0) {
    sections.push(`**Often with** ${company.map((c) => `${escape(c.entity.name)} (${count(c.articles, "article", "articles")})`).join(" · ")}`);
  }
  if (ctx.commandLinks?.includes(COMMANDS.showTimeline)) {
    sections.push(`[Timeline](command:${COMMANDS.showTimeline}?${encodeURIComponent(JSON.stringify([{ entity: entity.id }]))} "Every dated sentence that names it, in date order")`);
  }
  return sections;
}

/** Each distinct role once, with the article that stated it first (a link to where it says so). */
function rolesSection(ctx: HandlerContext, entity: CorpusEntity): string | undefined {
  const byRole = new Map<string, CorpusEntity["roles"]>();
  for (const role of entity.roles) {
    const key = role.text.toLowerCase();
    const stated = byRole.get(key);
    if (stated) stated.push(role);
    else byRole.set(key, [role]);
  }
  if (byRole.size === 0) return undefined;
  const lines = [...byRole.values()].slice(0, ROLE_LIMIT).map((stated) => {
    const first = stated[0]!;
    const source = link(shorten(articleTitle(ctx.corpus, first.uri), HEADLINE_LENGTH), first.uri, ctx.texts.document(first.uri), first.start);
    const more = new Set(stated.map((r) => r.uri)).size - 1;
    return `- _${escape(first.text)}_ (${source}${more > 0 ? ` and ${count(more, "other article", "other articles")}` : ""})`;
  });
  if (byRole.size > ROLE_LIMIT) lines.push(`- …and ${count(byRole.size - ROLE_LIMIT, "more role", "more roles")}`);
  return lines.join("\n");
}

const DCT_SOURCE: Record<ArticleDate["source"], string> = {
  "front-matter": "from the front matter",
  dateline: "from the dateline",
  "file-name": "from the file name",
  option: "from the articleLens.dates setting",
  inferred: "guessed from the dates in the text",
  unknown: "unknown",
};

function dateCard(timex: Timex, dct: ArticleDate): string[] {
  const value = timex.endValue ? `${timex.value} – ${timex.endValue}` : timex.value;
  const readable = [describeValue(timex.value), timex.endValue && describeValue(timex.endValue)].filter(Boolean).join(" – ");
  return [
    `**${escape(value)}**${readable && readable !== value ? ` · ${escape(readable)}` : ""}${timex.mod ? ` (${timex.mod.toLowerCase().replace(/_/g, " ")})` : ""}`,
    // The engine's explanation already starts from the words: "Sunday → the Sunday after the article's date …".
    escape(timex.explanation),
    `Article date: ${dct.value ?? "unknown"} (${DCT_SOURCE[dct.source]}: ${escape(dct.detail)})`,
  ];
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2023-06-18" → "Sunday, 18 June 2023"; "2023-06" → "June 2023"; other TIMEX values are left to the value itself. */
export function describeValue(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (day) {
    const [y, m, d] = [+day[1]!, +day[2]!, +day[3]!];
    const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
    return `${weekday}, ${d} ${MONTHS[m - 1]} ${y}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${MONTHS[+month[2]! - 1]} ${month[1]}`;
  return "";
}
