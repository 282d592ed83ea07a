// What each file was when it was last read: its stamp (size, modification and change times, inode) and the cache key
// of its full analysis. A warm start whose files have not changed then takes every analysis by its key without
// reading or hashing a file (at 10,000 articles that was a second of reads, UTF-8 decoding and SHA-1, and the
// garbage of 50 MB of strings). The handlers read a text when they need one (workspace/texts.ts), as they always did.
//
// Kept next to the cache as `files.json`, written atomically with it. A stamp is trusted only when the file was last
// changed more than two seconds before it was taken (racy-git's rule: a write within the clock's granularity after
// the stamp would keep size and times), and only for the same options (article date…): anything else reads the file.
import { join } from "node:path";
import { readEngineJson, STAMPS_FILE_NAME, writeEngineJson } from "./cache";

/** What a file's stamp vouches for: the key of its analysis with these options, and the notice its reading gave. */
export interface FileNote {
  stamp: string;
  /** The analysis options that matter to the key, as JSON. */
  options: string;
  key: string;
  problem?: string;
}

export class FileStamps {
  private notes = new Map<string, FileNote>();
  private readonly used = new Set<string>();
  private dirty = false;

  constructor(private readonly dir: string | undefined) {
    // None yet, unreadable or another engine's: every file is read, and the notes written again.
    const files = dir ? readEngineJson(join(dir, STAMPS_FILE_NAME))?.files : undefined;
    if (typeof files !== "object" || !files) return;
    for (const [path, note] of Object.entries(files)) if (isNote(note)) this.notes.set(path, note);
  }

  /** The note for this file if its stamp and options are the ones it was taken with. */
  get(path: string, stamp: string, options: string): FileNote | undefined {
    const note = this.notes.get(path);
    if (!note || note.stamp !== stamp || note.options !== options) return undefined;
    this.used.add(path);
    return note;
  }

  set(path: string, note: FileNote): void {
    const old = this.notes.get(path);
    this.used.add(path);
    if (old && old.stamp === note.stamp && old.options === note.options && old.key === note.key && old.problem === note.problem) return;
    this.notes.set(path, note);
    this.dirty = true;
  }

  /** Writes the notes if they changed; `prune` keeps only the files looked up since loading. */
  save(prune = false): void {
    if (prune) {
      for (const path of [...this.notes.keys()]) {
        if (this.used.has(path)) continue;
        this.notes.delete(path);
        this.dirty = true;
      }
    }
    if (!this.dir || !this.dirty) return;
    // A failure is not said: the cache's own write says why the folder cannot be written.
    if (writeEngineJson(this.dir, STAMPS_FILE_NAME, { files: Object.fromEntries(this.notes) })) this.dirty = false;
  }
}

function isNote(value: unknown): value is FileNote {
  const note = value as FileNote;
  return typeof note === "object" && note !== null && typeof note.stamp === "string" && typeof note.options === "string" && typeof note.key === "string" && (note.problem === undefined || typeof note.problem === "string");
}
