// `article-lens analyze PATH... [--json] [--date FILE=YYYY-MM-DD ...]`: the engine on the command line.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { Corpus } from "./corpus";
import { analyzeArticle, type AnalyzeOptions, type ArticleAnalysis } from "./engine";
import { decodeArticle } from "./engine/read/decode";
import { Analyzer } from "./indexing/analyzer";
import { defaultPoolSize } from "./indexing/pool";
import { renderJson, renderReport } from "./report";

const USAGE = `usage: article-lens analyze PATH... [--json] [--date FILE=YYYY-MM-DD ...] [--quick] [--rules] [--cache DIR] [--jobs N]

  PATH        an article (.txt) or a folder, searched recursively for *.txt
  --json      print the analysis as JSON instead of a readable report
  --date F=D  the date of article F (its file name or path), for articles that do not state one
  --quick     tag words from the lexicon only: much faster, a little less accurate
  --rules     weigh a name's weak evidence by the hand-set rules alone, not the learned model
  --cache DIR keep analyses in DIR and reuse them when nothing changed
  --jobs N    analyse on N worker threads (default: one per core; 1 = on the main thread)
`;

interface CliArgs {
  paths: string[];
  json: boolean;
  quick: boolean;
  rules: boolean;
  cache?: string;
  jobs: number;
  dates: Map<string, string>;
}

function parseArgs(argv: string[]): CliArgs | string {
  const [command, ...rest] = argv;
  if (command !== "analyze") return command ? `unknown command “${command}”` : "no command given";
  const args: CliArgs = { paths: [], json: false, quick: false, rules: false, jobs: defaultPoolSize(), dates: new Map() };
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
      args.dates.set(m[1]!, m[2]!);
    } else if (arg === "--help" || arg === "-h") return "";
    else if (arg.startsWith("--")) return `unknown option “${arg}”`;
    else args.paths.push(arg);
  }
  if (args.paths.length === 0) return "no PATH given";
  return args;
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

/** Below this many articles, starting worker threads (each loads the tagger) costs more than it saves. */
const POOL_THRESHOLD = 8;

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    if (args) process.stderr.write(`article-lens: ${args}\n`);
    process.stderr.write(USAGE);
    return args ? 2 : 0;
  }
  let problems = 0;
  const warn = (message: string) => {
    problems++;
    process.stderr.write(`article-lens: ${message}\n`);
  };
  const files = collectFiles(args.paths, warn);
  const analyzer = new Analyzer({
    workerPath: join(__dirname, "worker.js"),
    jobs: files.length >= POOL_THRESHOLD ? args.jobs : 1,
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
          const analysis = await analyzer.analyze(decoded.text, { path, date, depth: args.quick ? "quick" : "full", ...(args.rules && { weighing: "rules" as const }) });
          corpus.upsert(path, analysis);
          texts.set(path, decoded.text);
          // What was not analysed (the rest of a very large file) is said on stderr too, so --json users see it.
          for (const notice of analysis.notices) process.stderr.write(`article-lens: ${path}: ${notice}\n`);
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
  process.stdout.write(args.json ? renderJson(corpus) : renderReport(corpus, texts));
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
