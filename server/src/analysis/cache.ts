// Analyses on disk, so reopening a folder costs a read, not a re-analysis. An entry's key is a hash of everything the
// analysis depends on — the engine's version, the options and the text — so a changed file, a new engine or a new
// date setting simply misses.
//
// The entries are spread over up to 256 shard files by the first two hex digits of their key (`analyses-3f.cache`),
// so a changed article rewrites its shard — at 10,000 articles about 0.5 MB — not the whole archive (120 MB). Each
// shard is written atomically (write, then rename): a crash leaves the old file or the new one, never half of one
// (the half-written temporary file of a process that died is removed at the next load); a shard that does not read
// back as a cache is said, ignored and rewritten. (Format 6: a record's entities are JSON of their own, with a
// checksum, parsed when first read.)
//
// A shard is a header line, then one entry per analysis: its key (40 hex digits), the length of its record (4 bytes,
// little-endian) and the record's bytes (corpus/record.ts: a little JSON, typed arrays, the details as JSON). It is
// written entry by entry, so saving never holds every record encoded at once, and read into one buffer used again for
// each file, its records decoded into slabs as it is read (their entities' JSON parsed only when first asked for;
// format 3 held each analysis as JSON: a warm start of 10,000 articles parsed 290 MB of objects). An entry that does
// not decode is a miss, said once, and replaced. The single file the cache was before it had shards
// (`analyses.cache`, format 4) is said and removed once the shards are written.
import { createHash } from "node:crypto";
import { accessSync, closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { type AnalyzeOptions, ENGINE_VERSION } from "../engine";
import type { StoredIdentities } from "../corpus";
import { decodeRecord, recordParts, Slab, type ArticleRecord } from "../corpus/record";

const MAGIC_NAME = "article-lens analysis cache";
const MAGIC = `${MAGIC_NAME} 6`;
/** A shard file's name: `analyses-<first two hex digits of its keys>.cache`. */
const SHARD_FILE = /^analyses-([0-9a-f]{2})\.cache$/;
/** The one file the cache was before it had shards (format 4): removed once the shards are written. */
const UNSHARDED_FILE_NAME = "analyses.cache";
/** Identities across articles as last resolved (see `corpus.storedIdentities`), next to the analyses. */
export const IDENTITIES_FILE_NAME = "identities.json";
/** What each file was when read, and its analysis's key (analysis/stamps.ts). */
export const STAMPS_FILE_NAME = "files.json";
const KEY_BYTES = 40;

/** The file of the shard a key belongs to. */
export function shardFileName(key: string): string {
  return `analyses-${key.slice(0, 2)}.cache`;
}

/** The cache's shard files in a folder, sorted (none when there is no such folder). */
export function cacheShardFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => SHARD_FILE.test(name)).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** What an analysis was computed from besides the text. Only the file's name matters of its path (a date in it). */
export function keyInputs(options: AnalyzeOptions): string {
  return JSON.stringify([ENGINE_VERSION, options.depth ?? "full", options.date ?? null, options.path ? basename(options.path) : null, options.weighing ?? "learned"]);
}

/** The key of an analysis: a hash of what it was computed from. */
export function cacheKey(text: string, options: AnalyzeOptions): string {
  return createHash("sha1").update(keyInputs(options)).update("\0").update(text).digest("hex");
}

/** Where a client that names no cache folder gets one: per set of workspace folders, in the user's cache folder. */
export function defaultCacheDir(folders: readonly string[]): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const workspace = createHash("sha1").update(JSON.stringify([...folders].sort())).digest("hex").slice(0, 16);
  return join(base, "article-lens", workspace);
}

const shardOf = (key: string) => key.slice(0, 2);

export class AnalysisCache {
  /** The decoded records (the very objects the corpus holds: no second copy). Keys are lowercase hex SHA-1 (KEY_BYTES characters). */
  private entries = new Map<string, ArticleRecord>();
  /** Shards (first two hex digits) whose file no longer says what `entries` holds. */
  private readonly dirty = new Set<string>();
  /** Shards with a file on disk, so one left without entries by pruning is removed. */
  private readonly onDisk = new Set<string>();
  /** The unsharded file of before is there: removed once the shards are written. */
  private unsharded = false;
  /** Keys used since loading: saving keeps only these, so the cache does not grow forever. */
  private readonly used = new Set<string>();
  /** A write failed (and was said): later failures are not said again. */
  private failed = false;
  /**
   * Where loaded records are copied: their numbers (kept as long as the record) and their entities' JSON (let go once
   * parsed), each in 33 MB slabs. Every file is read into one buffer, used again for the next: memory the process
   * touches for the first time costs a page fault per 4 KB (~200 ms for 64 MB here), and reading each file into a
   * buffer of its own, then copying each record out of it into one of its own, touched the cache's size and the
   * records' again (a tenth of a 10,000-article warm start).
   */
  private readonly copies = { numbers: new Slab(), entities: new Slab() };

  constructor(private readonly dir: string, private readonly log: (message: string) => void = () => {}) {}

  get size(): number {
    return this.entries.size;
  }

  /** Reads the shard files; anything unreadable, of another format or engine, is ignored (and said, once per kind). */
  load(): void {
    removeLeftovers(this.dir);
    const said = new Set<string>();
    const say = (kind: string, message: string) => {
      if (!said.has(kind)) this.log(message);
      said.add(kind);
    };
    const reader = new FileReader();
    for (const file of cacheShardFiles(this.dir)) {
      const shard = SHARD_FILE.exec(basename(file))![1]!;
      this.onDisk.add(shard);
      if (!this.read(reader, file, say, (key) => shardOf(key) === shard)) this.dirty.add(shard);
    }
    const unsharded = join(this.dir, UNSHARDED_FILE_NAME);
    try {
      statSync(unsharded);
    } catch {
      return;
    }
    this.unsharded = true;
    say("format", `analysis cache ${unsharded} is of another format: rebuilding it`);
  }

  /**
   * Reads one file's entries into `entries`, decoded; false (and said) when it is not a cache of this engine, or an
   * entry does not decode (the others are kept; the file is written again).
   */
  private read(reader: FileReader, file: string, say: (kind: string, message: string) => void, belongs: (key: string) => boolean): boolean {
    let bytes: Buffer;
    try {
      bytes = reader.read(file);
    } catch (error) {
      say("unreadable", `analysis cache ${file} is unreadable (${error instanceof Error ? error.message : error}): rebuilding it`);
      return false;
    }
    try {
      const lineEnd = bytes.indexOf(0x0a);
      const header = bytes.subarray(0, lineEnd < 0 ? Math.min(bytes.length, 200) : lineEnd).toString("utf8");
      if (lineEnd >= 0 && header.startsWith(`${MAGIC_NAME} `) && !header.startsWith(`${MAGIC} `)) {
        say("format", `analysis cache ${file} is of another format: rebuilding it`);
        return false;
      }
      if (lineEnd < 0 || !header.startsWith(`${MAGIC} `)) throw new Error("not an Article Lens cache");
      const engine = header.slice(MAGIC.length + 1);
      if (engine !== ENGINE_VERSION) {
        say("engine", `analysis cache is from engine ${engine}, this is ${ENGINE_VERSION}: rebuilding it`);
        return false;
      }
      const entries: [string, Uint8Array][] = [];
      for (let at = lineEnd + 1; at < bytes.length; ) {
        if (at + KEY_BYTES + 4 > bytes.length) throw new Error("truncated record");
        const key = bytes.toString("latin1", at, at + KEY_BYTES);
        const length = bytes.readUInt32LE(at + KEY_BYTES);
        const start = at + KEY_BYTES + 4;
        if (!/^[0-9a-f]{40}$/.test(key) || start + length > bytes.length) throw new Error("truncated record");
        if (!belongs(key)) throw new Error("an entry of another shard");
        entries.push([key, bytes.subarray(start, start + length)]);
        at = start + length;
      }
      // Decoded now, while the file's bytes are at hand: the reader's buffer holds the next file next.
      let whole = true;
      for (const [key, stored] of entries) {
        try {
          this.entries.set(key, decodeRecord(stored, this.copies));
        } catch (error) {
          say("entry", `analysis cache ${file}: an entry is unreadable (${error instanceof Error ? error.message : error}): analysing again`);
          whole = false;
        }
      }
      return whole;
    } catch (error) {
      say("unreadable", `analysis cache ${file} is unreadable (${error instanceof Error ? error.message : error}): rebuilding it`);
      return false;
    }
  }

  get(key: string): ArticleRecord | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    return hit;
  }

  /** Only full analyses are worth keeping: quick ones are redone in milliseconds. */
  set(key: string, record: ArticleRecord): void {
    if (record.depth !== "full") return;
    this.entries.set(key, record);
    this.used.add(key);
    this.dirty.add(shardOf(key));
  }

  /**
   * Writes the shards that changed, each atomically. With `prune`, only the entries used since loading are kept
   * (call it when every article has been looked up, so the cache does not grow forever), and a shard with entries
   * not used is rewritten without them (or removed); without, all are kept. Returns false (and says why) when it
   * could not write.
   */
  save(prune = false): boolean {
    const byShard = new Map<string, string[]>();
    for (const key of this.entries.keys()) {
      const keep = !prune || this.used.has(key);
      const shard = shardOf(key);
      if (!keep) this.dirty.add(shard);
      else if (byShard.has(shard)) byShard.get(shard)!.push(key);
      else byShard.set(shard, [key]);
    }
    if (this.dirty.size === 0 && !this.unsharded) return true;
    try {
      makeFolder(this.dir);
      for (const shard of [...this.dirty].sort()) {
        const keys = byShard.get(shard) ?? [];
        const file = join(this.dir, `analyses-${shard}.cache`);
        if (keys.length > 0) this.writeShard(file, keys);
        else removeQuietly(file);
        if (keys.length > 0) this.onDisk.add(shard);
        else this.onDisk.delete(shard);
        this.dirty.delete(shard);
      }
      // What was not kept is dropped from memory too: the loaded file's buffer can then go.
      if (prune) for (const key of [...this.entries.keys()]) if (!this.used.has(key)) this.entries.delete(key);
      if (this.unsharded) removeQuietly(join(this.dir, UNSHARDED_FILE_NAME));
      this.unsharded = false;
      removeQuietly(join(this.dir, "analyses.v8")); // an older format's file, never read again
      return true;
    } catch (error) {
      // Said once: a folder that cannot be written stays so, and the editor or the CLI goes on without a cache.
      if (!this.failed) this.log(`could not write the analysis cache ${this.dir}: ${error instanceof Error ? error.message : error}; going on without one`);
      this.failed = true;
      return false;
    }
  }

  /** Writes one shard's entries to a temporary file, then renames it over the shard (all or nothing). */
  private writeShard(file: string, keys: readonly string[]): void {
    const temp = `${file}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      fd = openSync(temp, "w");
      const out = bufferedWriter(fd);
      out(Buffer.from(`${MAGIC} ${ENGINE_VERSION}\n`));
      for (const key of keys) {
        const parts = recordParts(this.entries.get(key)!);
        const head = Buffer.alloc(KEY_BYTES + 4);
        head.write(key, 0, KEY_BYTES, "latin1");
        head.writeUInt32LE(parts.reduce((n, p) => n + p.byteLength, 0), KEY_BYTES);
        out(head);
        for (const part of parts) out(part);
      }
      out(null);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, file);
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      removeQuietly(temp);
      throw error;
    }
  }
}

/** Reads whole files into one buffer, grown as needed and used again: a view of it is good until the next read. */
class FileReader {
  private buffer = Buffer.allocUnsafe(0);

  read(file: string): Buffer {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
      let read = 0;
      while (read < size) {
        const n = readSync(fd, this.buffer, read, size - read, read);
        if (n === 0) break; // the file shrank meanwhile: what was read is what there is
        read += n;
      }
      return this.buffer.subarray(0, read);
    } finally {
      closeSync(fd);
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
  const stored = readEngineJson(join(dir, IDENTITIES_FILE_NAME)) as StoredIdentities | undefined;
  return typeof stored?.fingerprint === "string" ? stored : undefined; // else they are simply resolved again
}

/** Writes the identities atomically (write, then rename); false if it could not. */
export function writeIdentities(dir: string, identities: StoredIdentities): boolean {
  return writeEngineJson(dir, IDENTITIES_FILE_NAME, identities);
}

/**
 * A JSON file next to the cache, if it reads back as an object written by this engine (anything else — none yet,
 * unreadable, another engine's — is undefined: what it held is simply made again).
 */
export function readEngineJson(file: string): Record<string, unknown> | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as { engineVersion?: unknown } | null;
    return typeof stored === "object" && stored?.engineVersion === ENGINE_VERSION ? (stored as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `{engineVersion, ...content}` to `dir/name` atomically (write, then rename); false if it could not. */
export function writeEngineJson(dir: string, name: string, content: object): boolean {
  const file = join(dir, name);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    makeFolder(dir);
    writeFileSync(temp, JSON.stringify({ engineVersion: ENGINE_VERSION, ...content }));
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
 * Removes the half-written temporary files (`analyses-3f.cache.<pid>.tmp`) of processes no longer running: a server or
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
    if (!m || !(SHARD_FILE.test(m[1]!) || m[1] === UNSHARDED_FILE_NAME || m[1] === IDENTITIES_FILE_NAME || m[1] === STAMPS_FILE_NAME)) continue;
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
