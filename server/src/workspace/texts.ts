// Article text for the handlers. The corpus keeps no text (10k articles would not fit), yet a hover needs the
// sentence of a mention and every result needs line/character positions: open documents are asked first (their
// unsaved text is what was analysed), then the file on disk, read again each time. An article is a few KB, read in
// tens of microseconds; keeping the last 64 read made every young-generation collection during a run of hovers copy
// megabytes that survived with them (pauses of 10–16 ms instead of 1–2, every fifty hovers).
import { TextDocument } from "vscode-languageserver-textdocument";
import { diskFiles } from "./files";
import { filePath } from "./uris";

export interface TextSource {
  /** The article's text as a document (for offset ↔ position), or undefined when it cannot be read. */
  document(uri: string): TextDocument | undefined;
  /** The document open in the editor, if it is (nothing is read). */
  open(uri: string): TextDocument | undefined;
}

export class ArticleTexts implements TextSource {
  /** `openDocument` answers for documents open in the editor, by normalised uri. */
  constructor(private readonly openDocument: (uri: string) => TextDocument | undefined) {}

  open(uri: string): TextDocument | undefined {
    return this.openDocument(uri);
  }

  document(uri: string): TextDocument | undefined {
    const open = this.openDocument(uri);
    if (open) return open;
    const path = filePath(uri);
    // Read as the indexer reads it (pipes and devices skipped, BOM dropped), so positions agree with the analysis.
    const text = path === undefined ? null : diskFiles.read(path).text;
    return text === null ? undefined : TextDocument.create(uri, "plaintext", 0, text);
  }
}
