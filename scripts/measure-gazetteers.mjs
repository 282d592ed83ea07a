// Measures the gazetteers as a bundle uses them (needs `npm run build` for dist/gazetteers/): bundles a probe into
// dist/ (so it reads dist/gazetteers/ as cli.js and server.js do) and runs it with --expose-gc: load time, the heap
// and RSS increase after loading all four lists (after forced GCs), and the cost of a lookup.
//   node scripts/measure-gazetteers.mjs
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";

const root = join(import.meta.dirname, "..");
const probe = join(root, "dist", "gazetteers-probe.js");
const source = `
import { demonymCountry, gazetteerStats, givenName, placeFacts, surname } from "./server/src/engine/entities/gazetteers";
const mem = () => { for (let i = 0; i < 3; i++) global.gc(); const m = process.memoryUsage(); return m; };
const before = mem();
const t0 = performance.now();
placeFacts("Paris"); demonymCountry("Israeli"); givenName("Mary"); surname("Smith");
const firstMs = performance.now() - t0;
const after = mem();
const words = ["Paris", "Xqzt", "Springfield", "London", "Obama", "Tuesday", "Beijing", "São Paulo", "McDonald", "Israelis"];
const n = 1_000_000;
const t1 = performance.now();
for (let i = 0; i < n; i++) { const w = words[i % words.length]; placeFacts(w); givenName(w); surname(w); demonymCountry(w); }
const lookupNs = ((performance.now() - t1) / n / 4) * 1e6;
const mb = (x) => (x / 1048576).toFixed(2) + " MB";
const s = gazetteerStats();
console.log(JSON.stringify({
  entries: s.entries, bytes: s.bytes, loadMs: +s.loadMs.toFixed(1), firstLookupMs: +firstMs.toFixed(1), missing: s.missing,
  heapUsedIncrease: mb(after.heapUsed - before.heapUsed), externalIncrease: mb(after.external - before.external),
  arrayBuffersIncrease: mb(after.arrayBuffers - before.arrayBuffers), rssIncrease: mb(after.rss - before.rss),
  nsPerLookup: Math.round(lookupNs),
}, null, 2));
`;
try {
  await esbuild.build({
    stdin: { contents: source, resolveDir: root, loader: "ts" },
    bundle: true, platform: "node", target: "node20", format: "cjs", outfile: probe, logLevel: "warning",
  });
  // From another folder, so the probe can only find the data beside itself, as an installed extension does.
  const run = spawnSync(process.execPath, ["--expose-gc", probe], { stdio: "inherit", cwd: tmpdir() });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(probe, { force: true });
}
