// `article-lens analyze PATH... [--json] [--date FILE=YYYY-MM-DD ...]`: the engine on the command line; `article-lens
// timeline NAME PATH...`: one entity's dated sentences across the articles.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { Corpus } from "./corpus";
import { decodeArticle, ENGINE_VERSION } from "./engine";
import { Analyzer } from "./analysis/analyzer";
import { defaultPoolSize } from "./analysis/pool";
import { renderJson, renderReport } from "./report";
import { entityNamed, renderTimeline, timelineJson } from "./timelineReport";

const USAGE = `usage: article-lens analyze PATH... [--json] [--date FILE=YYYY-MM-DD ...] [--quick] [--rules] [--cache DIR] [--jobs N]
       article-lens timeline NAME PATH... [--json] [--date FILE=YYYY-MM-DD ...] [--cache DIR] [--jobs N]
       article-lens --help | --version

  analyze     every article's names and dates, and the names across articles
  timeline    every sentence naming NAME (a person, place or organisation) that carries a date, in date order
  PATH        an article (.txt) or a folder, searched recursively for *.txt
  --json      print the analysis as JSON instead of a readable report
  --date F=D  the date of article F (its file name or path), for articles that do not state one
  --quick     tag words from the lexicon only: much faster, a little less accurate
  --rules     weigh a name's weak evidence by the hand-set rules alone, not the learned model
  --cache DIR keep analyses in DIR and reuse them when nothing changed
  --jobs N    analyse on N worker threads (default: by the work, up to one per core; 1 = on the main thread)
`;

interface CliArgs {
  /** `timeline NAME`: the name whose timeline is printed instead of the analysis. */
  timeline?: string;
  paths: string[];
  json: boolean;
  quick: boolean;
  rules: boolean;
  cache?: string;
  jobs: number;
  dates: Map<string, string>;
}

/** What the arguments ask for: an analysis, help or the version, or a mistake (its message). */
type Request = CliArgs | { help: true } | { version: true } | string;

function parseArgs(argv: string[]): Request {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") return { help: true };
  if (command === "--version" || command === "-V" || command === "version") return { version: true };
  if (command !== "analyze" && command !== "timeline") return command ? `unknown command “${command}”` : "no command given";
  const args: CliArgs = { paths: [], json: false, quick: false, rules: false, jobs: 0, dates: new Map() };
  if (command === "timeline") {
    const name = rest.shift();
    if (!name || name.startsWith("--")) return "timeline needs a NAME, then the articles";
    args.timeline = name;
  }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--json") args.json = true;
    else if (arg === "--quick") args.quick = true;
    else if (arg === "--rules") args.rules = true;
    else if (arg === "--cache") {
      args.cache = rest[++i];
      if (!args.cache) return "--cache needs a folder";
    } else if (arg === "--jobs") {
      args.jobs = Number(rest[++i]);
      if (!Number.isInteger(args.jobs) || args.jobs < 1) return "--jobs needs a whole number of at least 1";
    }
    else if (arg === "--date" || arg.startsWith("--date=")) {
      const spec = arg === "--date" ? rest[++i] : arg.slice("--date=".length);
      const m = spec ? /^(.+)=(\d{4}-\d{2}-\d{2})$/.exec(spec) : null;
      if (!m) return `--date needs FILE=YYYY-MM-DD, got “${spec ?? ""}”`;
      if (!isCalendarDate(m[2]!)) return `--date ${m[1]}: “${m[2]}” is no date of the calendar`;
      args.dates.set(m[1]!, m[2]!);
    } else if (arg === "--help" || arg === "-h") return { help: true };
    else if (arg.startsWith("--")) return `unknown option “${arg}”`;
    else args.paths.push(arg);
  }
  if (args.paths.length === 0) return "no PATH given";
  return args;
}

/** "2023-06-16" yes, "2023-13-45" and "2023-02-30" no. */
function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Worker threads for a run of `files` articles, when --jobs does not say: each worker first loads the tagger (most of
 * a second), then analyses ~20–40 articles a second; measured on 2 cores, 40 articles took as long on the main thread
 * as on two workers and 400 a tenth less on two. So: no workers below 100 articles, then one per 50, up to one per core.
 */
export function workersFor(files: number): number {
  if (files < 100) return 1;
  return Math.max(1, Math.min(defaultPoolSize(), Math.floor(files / 50)));
}

/** Files to analyse, in a stable order; problems are reported and skipped. */
function collectFiles(paths: string[], warn: (message: string) => void): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (path: string, explicit: boolean) => {
    // Inside a folder only articles matter: a broken link named anything but *.txt is not worth a word.
    const relevant = explicit || path.endsWith(".txt");
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if (relevant) warn(`${path}: ${describeError(error)}`);
      return;
    }
    // The real path, symbolic links resolved: a link back up the tree (a loop) leads to a folder already visited.
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      real = resolve(path);
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (error) {
        warn(`${path}: ${describeError(error)}`);
        return;
      }
      for (const name of names) visit(join(path, name), false);
    } else if (stat.isFile()) {
      if (relevant) files.push(path);
    } else if (relevant) {
      // Reading a named pipe waits for a writer forever, a device is no article: said, and never opened.
      warn(`${path}: not a regular file (a pipe, socket or device): skipped`);
    }
  };
  for (const p of paths) visit(p, true);
  return files;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES") return "permission denied";
  if (code === "ELOOP") return "too many symbolic links (a loop?)";
  return error instanceof Error ? error.message : String(error);
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`article-lens: ${args}\n${USAGE}`);
    return 2;
  }
  if ("help" in args) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ("version" in args) {
    process.stdout.write(`article-lens ${ENGINE_VERSION.split("+")[0]} (engine ${ENGINE_VERSION})\n`);
    return 0;
  }
  let problems = 0;
  const warn = (message: string) => {
    problems++;
    process.stderr.write(`article-lens: ${message}\n`);
  };
  const files = collectFiles(args.paths, warn);
  // A --date for an article that is not among those analysed is a typo the user should hear of.
  for (const name of args.dates.keys()) {
    if (!files.some((f) => f === name || basename(f) === name || resolve(f) === resolve(name))) warn(`--date ${name}: no article of that name among the paths`);
  }
  const analyzer = new Analyzer({
    workerPath: join(__dirname, "worker.js"),
    jobs: Math.min(args.jobs || workersFor(files.length), Math.max(1, files.length)),
    cacheDir: args.cache,
    log: warn,
  });

  const corpus = new Corpus();
  const texts = new Map<string, string>();
  try {
    await Promise.all(
      files.map(async (path) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch (error) {
          warn(`${path}: ${describeError(error)}`);
          return;
        }
        // Offsets count the file exactly as read, a BOM included (the JSON contract).
        const decoded = decodeArticle(bytes, { keepBom: true });
        if (decoded.problem) warn(`${path}: ${decoded.problem}`);
        if (decoded.text === null) return;
        const date = args.dates.get(path) ?? args.dates.get(basename(path));
        try {
          let analysis = await analyzer.analyze(decoded.text, { path, date, depth: args.quick ? "quick" : "full", ...(args.rules && { weighing: "rules" as const }) });
          // How the file was read belongs with its analysis too (the JSON's notices, the report); a copy, since the
          // analysis may be the cache's own object.
          if (decoded.problem && !analysis.notices.includes(decoded.problem)) analysis = { ...analysis, notices: [decoded.problem, ...analysis.notices] };
          corpus.upsert(path, analysis);
          texts.set(path, decoded.text);
          // What was not analysed (the rest of a very large file) is said on stderr too, so --json users see it.
          for (const notice of analysis.notices) if (notice !== decoded.problem) process.stderr.write(`article-lens: ${path}: ${notice}\n`);
        } catch (error) {
          warn(`${path}: analysis failed: ${error instanceof Error ? error.message : error}`);
        }
      }),
    );
  } finally {
    analyzer.dispose();
  }
  analyzer.save(true);
  analyzer.settle(corpus);
  if (args.timeline !== undefined) {
    const entity = corpus.size > 0 ? entityNamed(corpus, args.timeline) : undefined;
    if (!entity) {
      process.stderr.write(`article-lens: no name “${args.timeline}” in ${corpus.size === 1 ? "the article" : `these ${corpus.size} articles`}\n`);
      return 1;
    }
    process.stdout.write(args.json ? `${JSON.stringify(timelineJson(corpus, entity, texts), null, 2)}\n` : renderTimeline(corpus, entity, texts));
    return 0;
  }
  // Nothing analysed: the messages said why; an empty report would only hide them (JSON readers still get JSON).
  if (corpus.size > 0 || args.json) process.stdout.write(args.json ? renderJson(corpus) : renderReport(corpus, texts));
  return problems > 0 && corpus.size === 0 ? 1 : 0;
}

if (require.main === module) {
  // `article-lens … | head` closes the pipe early: that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`article-lens: ${error instanceof Error ? error.stack : error}\n`);
      process.exitCode = 70;
    },
  );
}
