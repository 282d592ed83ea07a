// The bad input of the fault suite: what a folder of articles scraped from the web really holds. Each file is built
// from the sample articles (so there are names and dates to point at) plus the fault itself.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { rng } from "../../bench/corpus";
import { decodeArticle } from "../../server/src/engine";
import { SEEDS } from "../server/lspClient";

export const ROOT = resolve(__dirname, "../..");
export const SAMPLES = join(ROOT, "samples");
export { SEED_DATES, SEEDS } from "../server/lspClient";
export const sample = (i: number): string => readFileSync(join(SAMPLES, SEEDS[i]!), "utf8");

/** A seeded generator: the same bytes on every run. */
export { rng };

export interface FaultFile {
  name: string;
  bytes: Buffer;
  /** Not an article at all (binary): skipped, with a message. */
  skipped?: boolean;
  /** What the user must be told about it (CLI stderr, server log or hover), if anything. */
  message?: RegExp;
  /** A notice the analysis carries (shown in the report, the hover and on stderr). */
  notice?: RegExp;
  /** Nothing in it to hover (an empty file): its notice goes to the report and stderr only. */
  blank?: true;
  /** The text an editor shows for it, when that is not its bytes as UTF-8 (an editor decodes UTF-16 itself). */
  editorText?: string;
  /** Names the analysis must still find in it, each with (a pattern of) the entity's canonical name. */
  finds?: { text: string; name: RegExp }[];
}

const MB = 1_000_000;
/** Canonical names across the folder may carry a middle initial another article gives. */
const BLINKEN = /Antony (J\. )?Blinken/;
const YELLEN = /Janet (L\. )?Yellen/;
const SIZE_NOTICE = /only its first 1\.0 MB were analysed/;

/**
 * Filler for the large files: junk the tagger gets through quickly (about a second a megabyte), so the two large
 * files test the size policy, not the tagger's speed on a megabyte of prose (~15 s).
 */
function filler(random: () => number, length: number, alphabet: string, word: number, separator: string): string {
  const token = Array.from({ length: word }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  return (token + separator).repeat(Math.ceil(length / (word + 1))).slice(0, length);
}
const hexLines = (random: () => number, length: number) => filler(random, length, "0123456789abcdef", 999, "\n");
const lowerWords = (random: () => number, length: number) => filler(random, length, "abcdefghijklmnopqrstuvwxyz0123456789", 120, " ");

/** Every fault file, by name. Small ones are a few KB; two are large (20 MB, and one 5 MB line). */
export function faultFiles(): FaultFile[] {
  const random = rng(6);
  const s0 = sample(0);
  const s1 = sample(1);
  const s2 = sample(2);
  const s3 = sample(3);
  const s4 = sample(4);
  const utf8 = (text: string) => Buffer.from(text, "utf8");

  // 20 MB: the five articles, then a dump (hex in lines of 1,000 characters).
  const head20 = [s0, s1, s2, s3, s4].join("\n") + "\n";
  const dump = head20 + hexLines(random, 20 * MB - head20.length);

  // One 5 MB line: articles with their line breaks made spaces, junk, and a sentence straddling the 1 MB cut.
  const flat = [s3, s1].join(" ").replace(/\s*[\r\n]+\s*/g, " ");
  const straddle = " Antony Blinken met Wang Yi in Beijing on Sunday. ";
  const beforeCut = MB - flat.length - 20;
  const oneLine = flat + " " + lowerWords(random, beforeCut) + straddle + lowerWords(random, 5 * MB - flat.length - beforeCut - straddle.length - 1);

  // Invalid UTF-8: stray continuation bytes, an overlong form, a truncated sequence, inside and next to names.
  const bad = Buffer.concat([
    utf8(s4.slice(0, 400)),
    Buffer.from([0x80, 0xbf]),
    utf8(" Antony Bli"),
    Buffer.from([0xc0, 0xaf]),
    utf8("nken met Wang Yi. Treasury Secretary Janet Yellen "),
    Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]),
    utf8("spoke on Sunday. " + s4.slice(400)),
    Buffer.from([0xe2, 0x82]), // a euro sign cut short at the end of the file
  ]);

  const astral =
    "😀Antony Blinken😀 met 𝒳Wang Yi𝒳 on Sunday😀, June 18, 2023.\n" +
    "𝒳 In Beijing 👩‍👩‍👧 the talks ran until 🇺🇸 June 19𝒳. Blin😀ken and An𝒳tony were not names; 😀Blinken said so on 😀Monday.\n" +
    "🎉🎉 Janet Yellen🎉 will visit China in July 2023 🎉 — 𝐀𝐁𝐂 Corp. stayed silent.\n" +
    s2.slice(0, 600).replace(/ /g, (sp) => (random() < 0.08 ? " 😀" : sp)) +
    "\n";

  const zeroWidth =
    "Antony\u200bBlinken met Wang\u00a0Yi in Bei\u200djing on Sunday\u2060.\n" +
    "Janet\u00a0Yellen and Gina\u200c Raimondo spoke; Blin\u00adken (a soft hyphen) and \ufeffXi Jinping\u200b listened.\n" +
    "Treasury Secretary Janet Yellen\u00a0said on June\u00a018, 2023 that Antony\u00a0Blinken would call.\n";

  const rtl =
    "Antony Blinken met \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd Wang Yi in \u0645\u0631\u062d\u0628\u0627 Beijing on Sunday.\n" +
    "\u202eBlinken\u202c said \u200fJanet Yellen\u200f will visit \u0627\u0644\u0635\u064a\u0646 in July 2023.\n" +
    "\u05d1\u05dc\u05d9\u05e0\u05e7\u05df \u05e0\u05e4\u05d2\u05e9 \u05e2\u05dd Xi Jinping \u05d1\u05d9\u05d5\u05dd \u05e8\u05d0\u05e9\u05d5\u05df, June 18, 2023.\n";

  return [
    {
      name: "binary.txt",
      bytes: Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
        utf8("Antony Blinken met Wang Yi on Sunday."),
        Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))),
      ]),
      skipped: true,
      message: /binary file \(it contains NUL bytes\)/,
    },
    {
      name: "utf16.txt",
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s0, "utf16le")]),
      skipped: true,
      message: /UTF-16 text is not supported/,
      editorText: s0,
      finds: [{ text: "Blinken", name: BLINKEN }],
    },
    { name: "empty.txt", bytes: Buffer.alloc(0), notice: /This file is empty: there is nothing to analyse/, blank: true },
    { name: "whitespace.txt", bytes: utf8(" \t\n\r\n   \u00a0\u3000\n\n\t \r \n"), notice: /This file is empty: there is nothing to analyse/, blank: true },
    {
      // An old archive's article, in Windows-1252: not a byte of UTF-8, read as the archive wrote it.
      name: "windows-1252.txt",
      bytes: Buffer.from("Blinken in Bogot\xe1\n\nJos\xe9 Garc\xeda met Antony Blinken in Bogot\xe1 on Sunday \x96 the talks \x93went well\x94, said Garc\xeda.\n", "latin1"),
      message: /not valid UTF-8: read as Windows-1252/,
      finds: [{ text: "José García", name: /José García/ }, { text: "Antony Blinken", name: BLINKEN }],
    },
    { name: "dump-20mb.txt", bytes: utf8(dump), notice: SIZE_NOTICE, finds: [{ text: "Blinken", name: BLINKEN }] },
    { name: "one-line-5mb.txt", bytes: utf8(oneLine), notice: SIZE_NOTICE, finds: [{ text: "Blinken", name: BLINKEN }] },
    {
      name: "invalid-utf8.txt",
      bytes: bad,
      message: /not valid UTF-8/,
      finds: [{ text: "Janet Yellen", name: YELLEN }],
    },
    { name: "bom.txt", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(s3)]), finds: [{ text: "Blinken", name: BLINKEN }] },
    { name: "crlf.txt", bytes: utf8(s1.replace(/\r?\n/g, "\r\n")), finds: [{ text: "Blinken", name: BLINKEN }] },
    { name: "lone-cr.txt", bytes: utf8(s2.replace(/\r?\n/g, "\r")), finds: [{ text: "Blinken", name: BLINKEN }] },
    { name: "astral.txt", bytes: utf8(astral), finds: [{ text: "Antony Blinken", name: BLINKEN }, { text: "Janet Yellen", name: YELLEN }] },
    { name: "zero-width.txt", bytes: utf8(zeroWidth), finds: [{ text: "Janet Yellen", name: YELLEN }] },
    // A name as scraped: spaces, a curly apostrophe, a percent sign, a hash, brackets, a non-ASCII letter.
    { name: "Blinken’s visit — 50% #1 [draft] ü.txt", bytes: utf8(s4), finds: [{ text: "Blinken", name: BLINKEN }] },
    { name: "rtl.txt", bytes: utf8(rtl), finds: [{ text: "Antony Blinken", name: BLINKEN }, { text: "Wang Yi", name: /Wang Yi/ }] },
  ];
}

/**
 * The text of a file as read (UTF-8, invalid bytes as U+FFFD, a file with no UTF-8 in it as Windows-1252, a BOM
 * kept): what the CLI's offsets count. The product's own decoding, so that ranges are checked against what it read.
 */
export function textAsRead(bytes: Uint8Array): string {
  return decodeArticle(bytes, { keepBom: true }).text ?? new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
}

/**
 * The text of a file as an editor shows it and sends it in didOpen: the same, without the BOM (an editor that guesses
 * encodings shows a Windows-1252 file so; one that does not shows a � per byte, at the very same offsets).
 */
export function textInEditor(bytes: Uint8Array): string {
  return decodeArticle(bytes).text ?? new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

/** sha256 of every regular file under `dir` (symbolic links not followed), by path relative to `dir`. */
export function hashes(dir: string, skip: (rel: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const rel = relative(dir, path);
      if (skip(rel)) continue;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) out.set(rel, createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  if (statSync(dir).isDirectory()) visit(dir);
  return out;
}

/** Files whose hash differs between two snapshots, or that appeared or vanished. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}
