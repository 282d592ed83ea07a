// The invariants of the fault suite, and its tally. Every span the CLI prints and every range the server sends must
// cover exactly the characters it names, in the text as the user sees it (UTF-16 offsets; LSP positions converted
// through the document text the editor has).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { ArticleAnalysis } from "../../server/src/engine";
import { analyzeArticle } from "../../server/src/engine/analyze";
import { NO_NETWORK } from "../server/lspClient";
import { ROOT } from "./fixtures";

export const tally = { cases: 0, crashes: 0, badRanges: 0, filesChanged: 0, networkAttempts: 0 };

export interface Spanned {
  start: number;
  end: number;
  text: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** An offset between the two halves of a surrogate pair: no editor can place a cursor there. */
export const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

/** The spans that break `text.slice(start, end) === span.text` (or point between surrogate halves), described. */
export function badSpans(text: string, spans: readonly Spanned[], where = ""): string[] {
  const bad: string[] = [];
  for (const s of spans) {
    const ok =
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.start < s.end &&
      s.end <= text.length &&
      text.slice(s.start, s.end) === s.text &&
      !splitsPair(text, s.start) &&
      !splitsPair(text, s.end);
    if (!ok) bad.push(`${where}[${s.start}, ${s.end}) claims ${JSON.stringify(s.text)} but covers ${JSON.stringify(text.slice(s.start, s.end))}`);
  }
  tally.badRanges += bad.length;
  return bad;
}

// ── the CLI ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** What a crash looks like on the CLI's side: a signal, an exit code it never uses, a stack or a V8 abort. */
export function cliCrashed(run: CliRun): boolean {
  return run.signal !== null || ![0, 1, 2].includes(run.code ?? -1) || /Unhandled|FATAL ERROR|\n\s+at .*:\d+:\d+\)?\n/.test(run.stderr);
}

export function runCli(args: string[], timeoutMs = 45_000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ["--require", NO_NETWORK, join(ROOT, "dist/cli.js"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const run = { code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr, ms: Date.now() - started };
      if (cliCrashed(run)) tally.crashes++;
      if (/NETWORK ACCESS:/.test(stderr)) tally.networkAttempts++;
      resolvePromise(run);
    });
  });
}

// ── reference analyses (what the server must have found, for checking where it says it is) ─────────────────

const analyses = new Map<string, ArticleAnalysis>();

/**
 * The engine's analysis of a text, as the server makes it (full depth); memoised by text and date (the suite's file
 * names hold no dates, so the path changes nothing).
 */
export function reference(text: string, path: string, date?: string): ArticleAnalysis {
  const key = `${date ?? ""}\u0000${text}`;
  let analysis = analyses.get(key);
  if (!analysis) analyses.set(key, (analysis = analyzeArticle(text, { path, date })));
  return analysis;
}

/** A document as the editor has it: its text, positions, and the spans its analysis must report. */
export class EditorDoc {
  readonly doc: TextDocument;
  readonly analysis: ArticleAnalysis;
  /** Mentions and dates by start offset. */
  readonly spansAt = new Map<number, Spanned[]>();

  constructor(
    readonly uri: string,
    readonly text: string,
    path: string,
    date?: string,
  ) {
    this.doc = TextDocument.create(uri, "plaintext", 0, text);
    this.analysis = reference(text, path, date);
    for (const s of [...this.analysis.mentions, ...this.analysis.timexes]) {
      this.spansAt.set(s.start, [...(this.spansAt.get(s.start) ?? []), { start: s.start, end: s.end, text: s.text }]);
    }
  }

  get mentions(): ArticleAnalysis["mentions"] {
    return this.analysis.mentions;
  }

  offset(position: { line: number; character: number }): number {
    return this.doc.offsetAt(position);
  }

  /** The text an LSP range covers in this document, with its offsets. */
  span(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Spanned {
    const start = this.doc.offsetAt(range.start);
    const end = this.doc.offsetAt(range.end);
    return { start, end, text: this.text.slice(start, end) };
  }
}
