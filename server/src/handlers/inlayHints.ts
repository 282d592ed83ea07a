// Inlay hints: after each date expression, the calendar date it means (`Sunday` ‹2023-06-18›).
import { MarkupKind, type InlayHint, type InlayHintParams } from "vscode-languageserver";
import type { Timex } from "../engine";
import type { HandlerContext } from "./context";

export function inlayHints(ctx: HandlerContext, params: InlayHintParams): InlayHint[] | null {
  if (!ctx.settings.inlayHints.enabled) return null;
  const uri = params.textDocument.uri;
  const doc = ctx.texts.document(uri);
  const analysis = ctx.corpus.article(uri);
  if (!doc || !analysis) return null;
  const from = doc.offsetAt(params.range.start);
  const to = doc.offsetAt(params.range.end);
  return ctx.corpus
    .timexes(uri)
    .filter((t) => t.end >= from && t.start <= to && worthAHint(t))
    .map((t) => ({
      position: doc.positionAt(t.end),
      label: hintLabel(t),
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: t.explanation },
    }));
}

export function hintLabel(t: Timex): string {
  return t.endValue ? `${t.value} – ${t.endValue}` : t.value;
}

/**
 * Only calendar dates and times the reader could not see at a glance: durations ("P2D") and sets are TIMEX
 * jargon, an unresolved value ("XXXX-WXX-7") says nothing, and "2023-06-18" needs no hint saying 2023-06-18.
 */
function worthAHint(t: Timex): boolean {
  return (t.type === "DATE" || t.type === "TIME") && /^\d{4}/.test(t.value) && !t.text.includes(t.value);
}
