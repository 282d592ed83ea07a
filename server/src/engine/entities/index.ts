import type { ArticleEntity, ArticleLayout, Mention } from "../types";

export interface EntityResult {
  entities: ArticleEntity[];
  mentions: Mention[];
}

/** Names of people, places and organisations, resolved to entities within the article. (Placeholder.) */
export function findEntities(_text: string, _layout: ArticleLayout): EntityResult {
  return { entities: [], mentions: [] };
}
