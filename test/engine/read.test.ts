import { describe, expect, it } from "vitest";
import { readArticleDate } from "../../server/src/engine/read/articleDate";
import { readLayout } from "../../server/src/engine/read/layout";
import { decodeArticle } from "../../server/src/engine/read/decode";
import { TextDocument } from "vscode-languageserver-textdocument";
import { lineStarts, positionIn } from "../../server/src/engine/read/layout";

const dateOf = (text: string, options = {}) => readArticleDate(text, readLayout(text), options);

describe("reading an article", () => {
  it("reads front matter and takes the headline from the first line after it", () => {
    const text = "---\r\ntitle: Apple Computer CEO\r\ndate: 2005-06-06\r\n---\r\nApple Computer CEO Steve Jobs gives keynote\r\n\r\nJobs spoke on Monday.";
    const layout = readLayout(text);
    expect(layout.frontMatter?.fields).toEqual({ title: "Apple Computer CEO", date: "2005-06-06" });
    expect(layout.headline?.text).toBe("Apple Computer CEO Steve Jobs gives keynote");
    expect(text.slice(layout.headline!.start, layout.headline!.end)).toBe(layout.headline!.text);
    expect(dateOf(text)).toMatchObject({ value: "2005-06-06", source: "front-matter" });
  });

  it("keeps offsets valid past a BOM", () => {
    const text = "\ufeffHeadline here\nBlinken met Wang Yi.";
    const layout = readLayout(text);
    expect(layout.bom).toBe(1);
    expect(layout.headline).toMatchObject({ start: 1, text: "Headline here" });
  });

  it("recognises web boilerplate and the author of a 'Write to' line", () => {
    const text = [
      "Blinken’s Assembly With Xi Jinping",
      "When Antony Blinken travels to Beijing on Sunday, he’ll be the first.",
      "READ MORE  Israeli doctors reveal Netanyahu's heart problem",
      "Write to Charlie Campbell at charlie.campbell@time.com.",
      "Leave a Reply",
      "For the latest news, follow us on Twitter @Aaj_Urdu.",
    ].join("\n");
    const layout = readLayout(text);
    expect(layout.boilerplate.map((b) => b.kind)).toEqual(["teaser", "contact", "comments", "social"]);
    expect(layout.authors).toEqual([expect.objectContaining({ name: "Charlie Campbell" })]);
    const a = layout.authors[0]!;
    expect(text.slice(a.start, a.end)).toBe("Charlie Campbell");
  });

  it("splits sentences but not at initials or abbreviations", () => {
    const text = "Secretary of State Antony J. Blinken met Mr. Wang in the U.S. capital. They talked. “Fine,” he said.";
    const layout = readLayout("Headline\n" + text);
    const sentences = layout.sentences.slice(1).map((s) => ("Headline\n" + text).slice(s.start, s.end));
    expect(sentences).toEqual(["Secretary of State Antony J. Blinken met Mr. Wang in the U.S. capital.", "They talked.", "“Fine,” he said."]);
  });
});

describe("the article's date", () => {
  it("reads a dateline or Published line near the top", () => {
    expect(dateOf("Headline\nPublished June 16, 2023 at 5:00 a.m.\nBlinken arrives Sunday.")).toMatchObject({ value: "2023-06-16", source: "dateline" });
  });
  it("reads a date in the file name", () => {
    expect(dateOf("Headline\nText.", { path: "/news/20230616_blinken.txt" })).toMatchObject({ value: "2023-06-16", source: "file-name" });
  });
  it("uses an explicit date when the article gives none", () => {
    expect(dateOf("Headline\nText.", { date: "2023-06-17" })).toMatchObject({ value: "2023-06-17", source: "option" });
  });
  it("infers from the text, and says so, as a last resort; otherwise unknown", () => {
    expect(dateOf("Headline\nThe talks on March 14, 2021 and on June 2, 2023 were tense.")).toMatchObject({ value: "2023-06-02", source: "inferred" });
    expect(dateOf("Headline\nBlinken arrives on Sunday.")).toMatchObject({ value: null, source: "unknown" });
  });
});

describe("decoding", () => {
  it("refuses binaries and flags invalid UTF-8 without losing the text", () => {
    expect(decodeArticle(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x10])).text).toBeNull();
    // Mostly UTF-8 with a broken byte: the byte shows as �.
    const bad = decodeArticle(new Uint8Array([0x41, 0xc3, 0xa9, 0xff, 0x42]));
    expect(bad.text).toBe("Aé\ufffdB");
    expect(bad.problem).toMatch(/not valid UTF-8/);
    // A BOM is dropped, as editors do, unless the caller counts offsets in the file as read (the CLI).
    expect(decodeArticle(new TextEncoder().encode("\ufeffHi")).text).toBe("Hi");
    expect(decodeArticle(new TextEncoder().encode("\ufeffHi"), { keepBom: true }).text).toBe("\ufeffHi");
  });
});

it("line starts give the positions an editor gives, for LF, CRLF and lone CR", () => {
  const text = "Headline\r\nFirst line\rsecond 𝒳 line\n\nlast\r\n";
  const doc = TextDocument.create("x", "plaintext", 0, text);
  const starts = lineStarts(text);
  for (let offset = 0; offset <= text.length; offset++) {
    // Inside a \r\n pair the editor has no position of its own: skip it.
    if (text[offset - 1] === "\r" && text[offset] === "\n") continue;
    expect(positionIn(starts, offset)).toEqual(doc.positionAt(offset));
  }
});

describe("decoding", () => {
  it("reads a file with no UTF-8 in it as Windows-1252, and says so; a mostly UTF-8 file keeps its replacement marks", async () => {
    const { decodeArticle } = await import("../../server/src/engine/read/decode");
    const latin = decodeArticle(Buffer.from("Jos\xe9 Garc\xeda met him \x96 \x93fine\x94.", "latin1"));
    expect(latin.text).toBe("José García met him – “fine”.");
    expect(latin.problem).toMatch(/read as Windows-1252/);
    const mixed = decodeArticle(Buffer.concat([Buffer.from("Blinken’s visit ", "utf8"), Buffer.from([0xe9]), Buffer.from(" ended.", "utf8")]));
    expect(mixed.text).toBe("Blinken’s visit \ufffd ended.");
    expect(mixed.problem).toMatch(/undecodable bytes/);
  });
});
