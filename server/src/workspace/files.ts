// The file system as the index sees it: list the articles of a folder, read one. Behind an interface so a
// test or a later on-disk cache can stand in for it.
import { readFileSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { decodeArticle, type DecodedArticle } from "../engine";

export interface ArticleFiles {
  /** Absolute paths of the files under `folder` for which `isArticle(path)` holds. */
  list(folder: string, isArticle: (path: string) => boolean): Promise<string[]>;
  /**
   * The file's text, or why it has none (missing, binary, unreadable). Synchronous: an article is a few KB, read in
   * tens of microseconds, while each asynchronous step (stat, open, read, close) was a trip through the thread pool —
   * most of the time of a warm start, where every analysis comes from the cache.
   */
  read(path: string): DecodedArticle;
  /**
   * What the file is now — size, modification and change times, inode — as one string that changes whenever its
   * content may have; undefined for what is no regular file, or was changed in the last two seconds (a write within
   * the clock's granularity could keep size and times: such a file is read instead).
   */
  stamp(path: string): string | undefined;
}

/** How long after a change a file's stamp is trusted. */
const SETTLED_MS = 2_000;

/** Folders never worth walking into: version control and package trees are never articles. */
const SKIPPED_FOLDERS = new Set([".git", ".hg", ".svn", "node_modules"]);

export const diskFiles: ArticleFiles = {
  async list(folder, isArticle) {
    const found: string[] = [];
    const visit = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable or vanished folder: nothing to index there
      }
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = join(dir, entry.name);
        // Symbolic links to folders are not followed (loops); links to files are read like files.
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) await visit(path);
        } else if ((entry.isFile() || (entry.isSymbolicLink() && (await isFile(path)))) && isArticle(path)) {
          found.push(path);
        }
      }
    };
    await visit(folder);
    return found;
  },

  stamp(path) {
    try {
      const s = statSync(path);
      if (!s.isFile() || Date.now() - Math.max(s.mtimeMs, s.ctimeMs) < SETTLED_MS) return undefined;
      return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
    } catch {
      return undefined;
    }
  },

  read(path) {
    try {
      // A pipe, socket or device named like an article would block the read forever.
      if (!statSync(path).isFile()) return { text: null, problem: "not a regular file (a pipe, socket or device): skipped" };
      return decodeArticle(readFileSync(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { text: null, problem: code === "ENOENT" ? "the file no longer exists" : `cannot read the file (${code ?? String(error)})` };
    }
  },
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
