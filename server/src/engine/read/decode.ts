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
  return invalid
    ? { text, problem: "not valid UTF-8: undecodable bytes are shown as � and names near them may be missed" }
    : { text };
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
