// Article text for the handlers. The corpus keeps no text (10k articles would not fit), yet a hover needs the
// sentence of a mention and every result needs line/character positions: open documents are asked first (their
// unsaved text is what was analysed), then the file on disk, with the few most recently used kept in memory.
import { TextDocument } from "vscode-languageserver-textdocument";
import { diskFiles } from "./files";
import { filePath } from "./uris";

export interface TextSource {
  /** The article's text as a document (for offset ↔ position), or undefined when it cannot be read. */
  document(uri: string): TextDocument | undefined;
}

const RECENT_LIMIT = 64;

export class ArticleTexts implements TextSource {
  private readonly recent = new Map<string, TextDocument>();

  /** `openDocument` answers for documents open in the editor, by normalised uri. */
  constructor(private readonly openDocument: (uri: string) => TextDocument | undefined) {}

  document(uri: string): TextDocument | undefined {
    const open = this.openDocument(uri);
    if (open) return open;
    const cached = this.recent.get(uri);
    if (cached) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.recent.delete(uri);
      this.recent.set(uri, cached);
      return cached;
    }
    const path = filePath(uri);
    // Read as the indexer reads it (pipes and devices skipped, BOM dropped), so positions agree with the analysis.
    const text = path === undefined ? null : diskFiles.read(path).text;
    return text === null ? undefined : this.remember(uri, text);
  }

  /** The indexer read this text from disk and analysed it: keep it so positions match the analysis. */
  remember(uri: string, text: string): TextDocument {
    const doc = TextDocument.create(uri, "plaintext", 0, text);
    this.recent.delete(uri);
    this.recent.set(uri, doc);
    while (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
    return doc;
  }

  /** The file changed or went away. */
  forget(uri: string): void {
    this.recent.delete(uri);
  }
}
