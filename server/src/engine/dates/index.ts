import type { ArticleDate, ArticleLayout, Timex } from "../types";

/** Time expressions of an article, valued against its own date. (Placeholder until the dates module lands.) */
export function findTimexes(_text: string, _layout: ArticleLayout, _dct: ArticleDate): Timex[] {
  return [];
}
