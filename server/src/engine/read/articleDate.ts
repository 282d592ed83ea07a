import type { AnalyzeOptions, ArticleDate, ArticleLayout } from "../types";
import { dateInFileName, findCalendarDates, isoDate } from "./calendarDate";
import { lines } from "./sentences";

const FRONT_MATTER_DATE_FIELDS = ["date", "published", "published_at", "pubdate", "publish_date", "created", "updated"];
/** How far into the article a dateline or "Published …" line may stand. */
const DATELINE_LINES = 6;

/**
 * The article's own date, which anchors its relative dates. Sources in order of trust:
 * front matter, a dateline or "Published" line near the top, the file name, an explicit option,
 * and last the text itself. Never the machine's clock: an article read today was not written today.
 */
export function readArticleDate(text: string, layout: ArticleLayout, options: AnalyzeOptions = {}): ArticleDate {
  const fields = layout.frontMatter?.fields ?? {};
  for (const field of FRONT_MATTER_DATE_FIELDS) {
    const raw = fields[field];
    const value = raw ? (findCalendarDates(raw)[0]?.value ?? null) : null;
    if (value) return { value, source: "front-matter", detail: `${field}: ${raw} in front matter` };
  }

  for (const line of lines(text, layout.bodyStart, text.length).slice(0, DATELINE_LINES)) {
    const content = text.slice(line.start, line.end);
    if (!isDateline(content)) continue;
    const found = findCalendarDates(content)[0];
    if (found) return { value: found.value, source: "dateline", detail: `“${content.slice(0, 80).trim()}” near the top` };
  }

  const fromName = options.path ? dateInFileName(options.path) : null;
  if (fromName) return { value: fromName, source: "file-name", detail: `the file name ${options.path!.split(/[\\/]/).pop()}` };

  if (options.date) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date);
    const value = m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
    if (value) return { value, source: "option", detail: "given as an option" };
  }

  return inferFromText(text, layout);
}

/** A short line near the top that is about when the article appeared, not a sentence of the story. */
function isDateline(line: string): boolean {
  if (/^(published|posted|updated|last updated|first published|date)\b/i.test(line)) return true;
  // "BEIJING, June 16, 2023 (Reuters) —", "June 16, 2023 5:00 AM ET", "By Jane Doe | June 16, 2023"
  return line.length <= 120 && findCalendarDates(line).length > 0 && !/[.!?]["”’]?$/.test(line.replace(/\b(a|p)\.m\.$/i, ""));
}

/**
 * No stated date: the latest full calendar date the article writes is the best evidence of when it was written
 * (news reports on the recent past). Weak, so it says so.
 */
function inferFromText(text: string, layout: ArticleLayout): ArticleDate {
  const dates = findCalendarDates(text.slice(layout.bodyStart));
  if (dates.length === 0) return { value: null, source: "unknown", detail: "no date in front matter, dateline, file name or options" };
  const latest = dates.reduce((a, b) => (b.value > a.value ? b : a));
  return { value: latest.value, source: "inferred", detail: `the latest full date the text gives (“${latest.text}”)` };
}
