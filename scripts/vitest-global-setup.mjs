// vitest's global setup: tests import the engine from source, which reads its gazetteers from
// server/src/engine/entities/gazetteers/data/; derive them first when missing or stale (no build needed).
import { ensureGazetteers } from "./gazetteers.mjs";

export function setup() {
  ensureGazetteers();
}
