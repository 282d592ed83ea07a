// The learned weighing of a name's weak evidence: a multinomial logistic regression over the features a name shows
// when no strong cue (a head, a title, a gazetteer entry, a descriptor…) decides its type. Trained by
// scripts/train-typer.ts on openly licensed NER data (see typer-model.md); the rules decide wherever the model has
// no file to load.
import type { EntityType } from "../types";
import model from "./typer-model.json";

/** What the model can answer: a type, or that the words are no name. */
export type Verdict = EntityType | "none";
export const VERDICTS: readonly Verdict[] = ["person", "place", "organization", "other", "none"];

interface Model {
  /** Feature name → one weight per verdict, in VERDICTS order. */
  weights: Record<string, number[]>;
  bias: number[];
}

const MODEL = model as unknown as Model;

/** Probabilities of each verdict for a name with these (binary) features. */
export function weigh(features: readonly string[]): number[] {
  const scores = [...MODEL.bias];
  for (const f of features) {
    const w = MODEL.weights[f];
    if (w) for (let k = 0; k < scores.length; k++) scores[k]! += w[k]!;
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** Whether a model was shipped (asked of every weakly typed name: counted once, not by listing its weights each time). */
const LOADED = Object.keys(MODEL.weights).length > 0;
export const modelLoaded = () => LOADED;

/**
 * For training only: scripts/train-typer.ts watches every weak decision (the span and its features) while the engine
 * analyses the training articles.
 */
let observer: ((span: { start: number; end: number }, features: string[]) => void) | undefined;
export function observeWeakDecisions(fn: typeof observer): void {
  observer = fn;
}
export function observed(span: { start: number; end: number }, features: string[]): void {
  observer?.(span, features);
}
