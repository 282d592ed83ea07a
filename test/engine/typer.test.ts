// The learned weighing of weak evidence: a shipped model, probabilities that behave as such, and decisions that keep a
// plain person's name a name.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../server/src/engine/analyze";
import { modelLoaded, observeWeakDecisions, VERDICTS, weigh } from "../../server/src/engine/entities/typer";

describe("the learned weighing", () => {
  it("is shipped and gives a probability for each verdict", () => {
    expect(modelLoaded()).toBe(true);
    const p = weigh(["n=2", "first:FirstName", "last:LastName", "rule=person"]);
    expect(p).toHaveLength(VERDICTS.length);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(VERDICTS[p.indexOf(Math.max(...p))]).toBe("person");
  });

  it("sees only names no strong cue decides, each with its features", () => {
    const seen: string[] = [];
    observeWeakDecisions((span, features) => {
      seen.push(text.slice(span.start, span.end));
      expect(features).toContain("n=2");
    });
    const text = "Headline\n\nThe carmaker Zorbax hired Barack Obama and Lumo Vask in Paris.\n";
    try {
      analyzeArticle(text);
    } finally {
      observeWeakDecisions(undefined);
    }
    // "Zorbax" is told by "the carmaker", "Paris" by the gazetteer: neither is weighed.
    expect(seen).toEqual(["Barack Obama", "Lumo Vask"]);
  });

  it("keeps a plain person's name a person's", () => {
    const a = analyzeArticle("Headline\n\nHe met Barack Obama and Lumo Vask in Paris.\n");
    expect(a.mentions.map((m) => `${m.text}:${m.type}`)).toEqual(["Barack Obama:person", "Lumo Vask:person", "Paris:place"]);
  });
});
