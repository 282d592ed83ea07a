// Go to definition: where else this entity appears. A news entity has no single definition, so the answer is the
// first mention in each other article (a peek list of articles); an entity only this article knows goes to its
// fullest mention here ("Antony J. Blinken" from "Blinken"). At most `articleLens.definition.maxArticles` articles, in
// folder order: a name in thousands of articles would fill the peek view (and the wire) with all of them.
import type { DefinitionParams, Location, LocationLink } from "vscode-languageserver";
import type { CorpusMention } from "../corpus";
import { locator, mentionAt, type HandlerContext } from "./context";

export function definition(ctx: HandlerContext, params: DefinitionParams, linkSupport: boolean): Location[] | LocationLink[] | null {
  const uri = params.textDocument.uri;
  const mention = mentionAt(ctx, uri, params.position);
  if (!mention) return null;
  const elsewhere = ctx.corpus
    .mentionsByArticle(mention.id, ctx.settings.definition.maxArticles + 1, true)
    .filter((a) => a.uri !== uri)
    .slice(0, ctx.settings.definition.maxArticles)
    .map((a) => a.mentions[0]!);
  const targets = elsewhere.length > 0 ? elsewhere : [fullestMention(ctx.corpus.mentionsIn(uri).filter((m) => m.id === mention.id))];
  const locate = locator(ctx.corpus);
  const locations = targets.flatMap((m) => locate(m.uri, m) ?? []);
  if (!linkSupport) return locations;
  // A link also tells the editor which text to underline: the whole name, not the word under the mouse.
  const origin = locate(uri, mention)?.range;
  if (!origin) return locations;
  return locations.map((l) => ({ originSelectionRange: origin, targetUri: l.uri, targetRange: l.range, targetSelectionRange: l.range }));
}

/** The longest surface form; the earliest among equals. */
function fullestMention(mentions: CorpusMention[]): CorpusMention {
  return mentions.reduce((best, m) => (m.text.length > best.text.length ? m : best));
}
