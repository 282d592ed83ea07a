// Analyses on disk, so reopening a folder costs a read, not a re-analysis. An entry's key is a hash of everything the
// analysis depends on — the engine's version, the options and the text — so a changed file, a new engine or a new
// date setting simply misses. The whole cache is one file written atomically (write, then rename): a crash leaves
// the old file or the new one, never half of one (the half-written temporary file of a process that died is
// removed at the next load); a file that does not read back as a cache is ignored and rebuilt.
//
// The file is a header line, then one entry per analysis: its key (40 hex digits), the length of its record (4 bytes,
// little-endian) and the record's bytes (corpus/record.ts: a little JSON, typed arrays, the details as JSON). It is
// written entry by entry, so saving 10,000 analyses never holds them all encoded at once, and read as one buffer
// whose entries stay views into it, decoded only when their article is looked up (format 3 held each analysis as
// JSON: a warm start of 10,000 articles parsed 290 MB of objects). An entry that does not decode is a miss, said
// once, and replaced.
import { createHash } from "node:crypto";
import { accessSync, closeSync, constants, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { type AnalyzeOptions, ENGINE_VERSION } from "../engine";
import type { StoredIdentities } from "../corpus";
import { decodeRecord, recordParts, type ArticleRecord } from "../corpus/record";

const MAGIC_NAME = "article-lens analysis cache";
const MAGIC = `${MAGIC_NAME} 4`;
/** The cache file in its folder. */
export const CACHE_FILE_NAME = "analyses.cache";
/** Identities across articles as last resolved (see `corpus.storedIdentities`), next to the analyses. */
export const IDENTITIES_FILE_NAME = "identities.json";
const KEY_BYTES = 40;

/** The key of an analysis: what it was computed from. Only the file's name matters of its path (a date in it). */
export function cacheKey(text: string, options: AnalyzeOptions): string {
  const inputs = JSON.stringify([ENGINE_VERSION, options.depth ?? "full", options.date ?? null, options.path ? basename(options.path) : null, options.weighing ?? "learned"]);
  return createHash("sha1").update(inputs).update("\0").update(text).digest("hex");
}

/** Where a client that names no cache folder gets one: per set of workspace folders, in the user's cache folder. */
export function defaultCacheDir(folders: readonly string[]): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const workspace = createHash("sha1").update(JSON.stringify([...folders].sort())).digest("hex").slice(0, 16);
  return join(base, "article-lens", workspace);
}

export class AnalysisCache {
  /**
   * A view into the loaded file until first asked for, then the decoded record (the very object the corpus holds:
   * no second copy). Keys are lowercase hex SHA-1 (KEY_BYTES characters).
   */
  private entries = new Map<string, Uint8Array | ArticleRecord>();
  private dirty = false;
  /** Keys used since loading: saving keeps only these, so the cache does not grow forever. */
  private readonly used = new Set<string>();
  /** A write failed (and was said): later failures are not said again. */
  private failed = false;

  constructor(private readonly dir: string, private readonly log: (message: string) => void = () => {}) {}

  get file(): string {
    return join(this.dir, CACHE_FILE_NAME);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Reads the cache file; anything unreadable, of another format or engine, is ignored (and said). */
  load(): void {
    removeLeftovers(this.dir);
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return; // no cache yet
    }
    try {
      const lineEnd = bytes.indexOf(0x0a);
      const header = bytes.subarray(0, lineEnd < 0 ? Math.min(bytes.length, 200) : lineEnd).toString("utf8");
      if (lineEnd >= 0 && header.startsWith(`${MAGIC_NAME} `) && !header.startsWith(`${MAGIC} `)) {
        this.log(`analysis cache ${this.file} is of another format: rebuilding it`);
        return;
      }
      if (lineEnd < 0 || !header.startsWith(`${MAGIC} `)) throw new Error("not an Article Lens cache");
      const engine = header.slice(MAGIC.length + 1);
      if (engine !== ENGINE_VERSION) {
        this.log(`analysis cache is from engine ${engine}, this is ${ENGINE_VERSION}: rebuilding it`);
        return;
      }
      const entries = new Map<string, Uint8Array>();
      for (let at = lineEnd + 1; at < bytes.length; ) {
        if (at + KEY_BYTES + 4 > bytes.length) throw new Error("truncated record");
        const key = bytes.toString("latin1", at, at + KEY_BYTES);
        const length = bytes.readUInt32LE(at + KEY_BYTES);
        const start = at + KEY_BYTES + 4;
        if (!/^[0-9a-f]{40}$/.test(key) || start + length > bytes.length) throw new Error("truncated record");
        entries.set(key, bytes.subarray(start, start + length));
        at = start + length;
      }
      this.entries = entries;
    } catch (error) {
      this.log(`analysis cache ${this.file} is unreadable (${error instanceof Error ? error.message : error}): rebuilding it`);
      this.entries = new Map();
    }
  }

  get(key: string): ArticleRecord | undefined {
    const stored = this.entries.get(key);
    if (!stored) return undefined;
    const hit = stored instanceof Uint8Array ? this.parse(key, stored) : stored;
    if (hit) this.used.add(key);
    return hit;
  }

  private parse(key: string, bytes: Uint8Array): ArticleRecord | undefined {
    try {
      const record = decodeRecord(bytes);
      this.entries.set(key, record);
      return record;
    } catch (error) {
      this.log(`analysis cache ${this.file}: an entry is unreadable (${error instanceof Error ? error.message : error}): analysing again`);
      this.entries.delete(key);
      this.dirty = true;
      return undefined;
    }
  }

  /** Only full analyses are worth keeping: quick ones are redone in milliseconds. */
  set(key: string, record: ArticleRecord): void {
    if (record.depth !== "full") return;
    this.entries.set(key, record);
    this.used.add(key);
    this.dirty = true;
  }

  /**
   * Writes the cache atomically when it has new entries. With `prune`, only the entries used since loading are
   * kept (call it when every article has been looked up, so the cache does not grow forever); without, all are.
   * Returns false (and says why) when it could not write.
   */
  save(prune = false): boolean {
    const unused = this.entries.size - this.used.size;
    if (!this.dirty && !(prune && unused > 0)) return true;
    const temp = `${this.file}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      makeFolder(this.dir);
      fd = openSync(temp, "w");
      const out = bufferedWriter(fd);
      out(Buffer.from(`${MAGIC} ${ENGINE_VERSION}\n`));
      for (const [key, stored] of this.entries) {
        if (prune && !this.used.has(key)) continue;
        const parts = stored instanceof Uint8Array ? [stored] : recordParts(stored);
        const head = Buffer.alloc(KEY_BYTES + 4);
        head.write(key, 0, KEY_BYTES, "latin1");
        head.writeUInt32LE(parts.reduce((n, p) => n + p.byteLength, 0), KEY_BYTES);
        out(head);
        for (const part of parts) out(part);
      }
      out(null);
      // What was not kept is dropped from memory too: the loaded file's buffer can then go.
      if (prune) for (const key of [...this.entries.keys()]) if (!this.used.has(key)) this.entries.delete(key);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, this.file);
      removeQuietly(join(this.dir, "analyses.v8")); // the previous format's file, never read again
      this.dirty = false;
      return true;
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      removeQuietly(temp);
      // Said once: a folder that cannot be written stays so, and the editor or the CLI goes on without a cache.
      if (!this.failed) this.log(`could not write the analysis cache ${this.file}: ${error instanceof Error ? error.message : error}; going on without one`);
      this.failed = true;
      return false;
    }
  }
}

/**
 * Writes pieces to `fd` through one reusable 1 MB buffer (a record is nine small pieces: 90,000 writes for 10,000
 * articles otherwise); `null` flushes what is left.
 */
function bufferedWriter(fd: number): (piece: Uint8Array | null) => void {
  const buffer = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = () => {
    if (used > 0) writeSync(fd, buffer, 0, used);
    used = 0;
  };
  return (piece) => {
    if (piece === null) return flush();
    if (used + piece.byteLength > buffer.length) flush();
    if (piece.byteLength > buffer.length) writeSync(fd, piece);
    else {
      buffer.set(piece, used);
      used += piece.byteLength;
    }
  };
}

/** The stored identities, if the file reads back as this engine's (the corpus checks the rest before using them). */
export function readIdentities(dir: string): StoredIdentities | undefined {
  try {
    const stored = JSON.parse(readFileSync(join(dir, IDENTITIES_FILE_NAME), "utf8")) as { engineVersion?: string } & StoredIdentities;
    return stored?.engineVersion === ENGINE_VERSION && typeof stored.fingerprint === "string" ? stored : undefined;
  } catch {
    return undefined; // none yet, or unreadable: identities are simply resolved again
  }
}

/** Writes the identities atomically (write, then rename); false if it could not. */
export function writeIdentities(dir: string, identities: StoredIdentities): boolean {
  const file = join(dir, IDENTITIES_FILE_NAME);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    makeFolder(dir);
    writeFileSync(temp, JSON.stringify({ engineVersion: ENGINE_VERSION, ...identities }));
    renameSync(temp, file);
    return true;
  } catch {
    removeQuietly(temp);
    return false;
  }
}

/**
 * Makes a folder and its missing parents, one level at a time, after checking that the nearest existing parent is a
 * writable folder: Node's recursive mkdirSync spins forever on a path it cannot make (under /proc, say).
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let stat;
    try {
      stat = statSync(at);
    } catch {
      missing.push(at);
      const parent = dirname(at);
      if (parent === at) break;
      at = parent;
      continue;
    }
    if (!stat.isDirectory()) throw new Error(`${at} is not a folder`);
    accessSync(at, constants.W_OK);
    break;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}

/**
 * Removes the half-written temporary files (`analyses.cache.<pid>.tmp`) of processes no longer running: a server or
 * CLI killed while saving leaves one, and nothing else would ever remove it. A running process's file is its own.
 */
function removeLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no cache folder yet
  }
  for (const name of names) {
    const m = /^(.+)\.(\d+)\.tmp$/.exec(name);
    if (!m || (m[1] !== CACHE_FILE_NAME && m[1] !== IDENTITIES_FILE_NAME)) continue;
    if (!isRunning(Number(m[2]))) removeQuietly(join(dir, name));
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // someone else's process: running
  }
}

/** A leftover is not worth an error: the cache works without removing it. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // (a folder in the way, no permission…)
  }
}
