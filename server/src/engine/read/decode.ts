// Bytes → article text. A folder scraped from the web holds binaries named .txt and text in odd encodings:
// say what is wrong instead of analysing garbage, and never lose the offsets an editor will show.

export interface DecodedArticle {
  /** The text as an editor shows it (UTF-8 decoded, no BOM unless asked to keep it), or null when not text. */
  text: string | null;
  /** Why the file was skipped or what was repaired, for the user. */
  problem?: string;
}

/** A NUL byte in the first 8 KB is how git and editors tell a binary file. */
const BINARY_PROBE = 8192;

export interface DecodeOptions {
  /**
   * Keep a leading BOM as the text's first character: the CLI does, its offsets count the file exactly as read.
   * By default it is dropped, as every editor drops it from the document it shows and sends (VS Code's didOpen has
   * no BOM): the server's positions in a file it read itself must agree with the editor's, or every range on the
   * first line is one character off.
   */
  keepBom?: boolean;
}

export function decodeArticle(bytes: Uint8Array, options: DecodeOptions = {}): DecodedArticle {
  const probe = bytes.subarray(0, BINARY_PROBE);
  if (probe.includes(0)) {
    if (isUtf16(probe)) return { text: null, problem: "UTF-16 text is not supported: save it as UTF-8" };
    return { text: null, problem: "binary file (it contains NUL bytes): skipped" };
  }
  // ignoreBOM: true keeps a BOM in the text (offsets count it as one of the file's characters); false drops it.
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: options.keepBom === true }).decode(bytes);
  const invalid = text.includes("\ufffd") && !hasLiteralReplacementChar(bytes);
  if (!invalid) return { text };
  // Old archives are Windows-1252 (Latin-1): "José" is 4A 6F 73 E9, no UTF-8 at all. A file with no valid multi-byte
  // UTF-8 sequence is read so; each of its bytes is one character either way, so every offset stays what an editor
  // showing it as UTF-8 (one � per byte) counts. A file that is mostly UTF-8 with a few broken bytes stays UTF-8.
  if (!hasMultibyteUtf8(bytes)) {
    return { text: WINDOWS_1252.decode(bytes), problem: "not valid UTF-8: read as Windows-1252 (Latin-1), as older archives are written; save it as UTF-8 to be sure" };
  }
  return { text, problem: "not valid UTF-8: undecodable bytes are shown as � and names near them may be missed" };
}

/**
 * Windows-1252 by hand: Node 20's TextDecoder("windows-1252") reads 0x80–0x9F as Latin-1's control characters, not as
 * the curly quotes, dashes and euro sign the code page puts there (fixed in later Node versions).
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const WINDOWS_1252 = {
  decode(bytes: Uint8Array): string {
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  },
};

/** Whether the bytes hold at least one well-formed UTF-8 sequence of two to four bytes. */
function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) continue;
    let ok = true;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) return true;
  }
  return false;
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** True when the file itself contains U+FFFD (EF BF BD), so a � in the text is not a decoding error. */
function hasLiteralReplacementChar(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  }
  return false;
}
