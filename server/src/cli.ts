// `article-lens analyze PATH... [--json] [--date FILE=YYYY-MM-DD ...]`: the engine on the command line.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { Corpus } from "./corpus";
import { analyzeArticle } from "./engine";
import { decodeArticle } from "./engine/read/decode";
import { renderJson, renderReport } from "./report";

const USAGE = `usage: article-lens analyze PATH... [--json] [--date FILE=YYYY-MM-DD ...]

  PATH        an article (.txt) or a folder, searched recursively for *.txt
  --json      print the analysis as JSON instead of a readable report
  --date F=D  the date of article F (its file name or path), for articles that do not state one
  --quick     tag words from the lexicon only: much faster, a little less accurate
`;

interface CliArgs {
  paths: string[];
  json: boolean;
  quick: boolean;
  dates: Map<string, string>;
}

function parseArgs(argv: string[]): CliArgs | string {
  const [command, ...rest] = argv;
  if (command !== "analyze") return command ? `unknown command “${command}”` : "no command given";
  const args: CliArgs = { paths: [], json: false, quick: false, dates: new Map() };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--json") args.json = true;
    else if (arg === "--quick") args.quick = true;
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
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      warn(`${path}: ${describeError(error)}`);
      return;
    }
    const real = resolve(path);
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
    } else if (stat.isFile() && (explicit || path.endsWith(".txt"))) {
      files.push(path);
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

export function main(argv: string[]): number {
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
  const corpus = new Corpus();
  const texts = new Map<string, string>();
  for (const path of collectFiles(args.paths, warn)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      warn(`${path}: ${describeError(error)}`);
      continue;
    }
    const decoded = decodeArticle(bytes);
    if (decoded.problem) warn(`${path}: ${decoded.problem}`);
    if (decoded.text === null) continue;
    const date = args.dates.get(path) ?? args.dates.get(basename(path));
    corpus.upsert(path, analyzeArticle(decoded.text, { path, date, depth: args.quick ? "quick" : "full" }));
    texts.set(path, decoded.text);
  }
  process.stdout.write(args.json ? renderJson(corpus) : renderReport(corpus, texts));
  return problems > 0 && corpus.size === 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
