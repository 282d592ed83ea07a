import { describe, expect, it } from "vitest";
import { demonymCountry, gazetteerStats, givenName, placeFacts, surname } from "../../server/src/engine/entities/gazetteers";

// This must stay the first test of the file: the module is fresh, nothing has been looked up yet.
describe("loading", () => {
  it("reads nothing until a lookup, then only the list it needs", () => {
    expect(gazetteerStats()).toMatchObject({ entries: {}, bytes: 0 });
    expect(placeFacts("Paris")).toBeDefined();
    const after = gazetteerStats();
    expect(Object.keys(after.entries)).toEqual(["places"]);
    expect(after.entries.places).toBeGreaterThan(40_000);
    expect(after.bytes).toBeGreaterThan(500_000);
    expect(after.missing).toEqual([]);
  });

  it("keeps all four lists small", () => {
    demonymCountry("Israeli");
    givenName("Mary");
    surname("Smith");
    const stats = gazetteerStats();
    expect(Object.keys(stats.entries).sort()).toEqual(["demonyms", "given", "places", "surnames"]);
    expect(stats.bytes).toBeLessThan(8_000_000);
    expect(stats.missing).toEqual([]);
  });
});

describe("placeFacts", () => {
  it("gives the most populous place of a name, with how many share it", () => {
    const paris = placeFacts("Paris")!;
    expect(paris).toMatchObject({ country: "FR", kind: "city" });
    expect(paris.population).toBeGreaterThan(1_000_000);
    expect(paris.homonyms).toBeGreaterThan(1); // Paris, Texas; Paris, Ontario …
    expect(placeFacts("Springfield")!.homonyms).toBeGreaterThan(1);
    expect(placeFacts("Springfield")!.country).toBe("US");
  });

  it("knows countries by common, official and alternative names", () => {
    expect(placeFacts("Israel")).toMatchObject({ country: "IL", kind: "country" });
    expect(placeFacts("Germany")!.population).toBeGreaterThan(70_000_000);
    expect(placeFacts("Federal Republic of Germany")).toMatchObject({ country: "DE", kind: "country" });
    expect(placeFacts("Burma")).toMatchObject({ country: "MM", kind: "country" });
    expect(placeFacts("Holland")).toMatchObject({ country: "NL", kind: "country" });
    expect(placeFacts("UAE")).toMatchObject({ country: "AE", kind: "country" });
    // Two-letter codes are not names: "IN", "IT" are words.
    expect(placeFacts("IN")).toBeUndefined();
    expect(placeFacts("IT")).toBeUndefined();
  });

  it("knows first-level divisions", () => {
    expect(placeFacts("Bavaria")).toMatchObject({ country: "DE", kind: "admin" });
    expect(placeFacts("California")).toMatchObject({ country: "US", kind: "admin" });
    expect(placeFacts("Île-de-France")).toMatchObject({ country: "FR", kind: "admin" });
    const georgia = placeFacts("Georgia")!;
    expect(georgia.homonyms).toBeGreaterThanOrEqual(2); // the country and the state
  });

  it("finds names with diacritics as written and in ASCII", () => {
    const withMarks = placeFacts("São Paulo")!;
    expect(withMarks.country).toBe("BR");
    expect(placeFacts("Sao Paulo")).toEqual(withMarks);
    expect(placeFacts("Łódź")).toMatchObject({ country: "PL", kind: "city" });
    expect(placeFacts("Lodz")).toMatchObject({ country: "PL", kind: "city" });
    expect(placeFacts("Ile-de-France")).toMatchObject({ country: "FR", kind: "admin" });
  });

  it("keeps small capitals, drops villages", () => {
    expect(placeFacts("Vaduz")).toMatchObject({ country: "LI" });
    expect(placeFacts("Funafuti")).toMatchObject({ country: "TV" });
  });

  it("is exact and case-sensitive", () => {
    expect(placeFacts("Xqzt")).toBeUndefined();
    expect(placeFacts("")).toBeUndefined();
    expect(placeFacts("paris")).toBeUndefined();
    expect(placeFacts("PARIS")).toBeUndefined();
    expect(placeFacts("Paris ")).toBeUndefined();
    expect(placeFacts("Pari")).toBeUndefined();
    expect(placeFacts("Parisx")).toBeUndefined();
    expect(placeFacts("x".repeat(5000))).toBeUndefined();
  });
});

describe("demonymCountry", () => {
  it("maps adjectives of nationality to countries", () => {
    expect(demonymCountry("Israeli")).toBe("Israel");
    expect(demonymCountry("Cypriot")).toBe("Cyprus");
    expect(demonymCountry("Filipino")).toBe("Philippines");
    expect(demonymCountry("Saudi")).toBe("Saudi Arabia");
    expect(demonymCountry("Dutch")).toBe("Netherlands");
  });

  it("gives a demonym that territories share to the most populous country", () => {
    expect(demonymCountry("American")).toBe("United States");
    expect(demonymCountry("Chinese")).toBe("China");
    expect(demonymCountry("Indian")).toBe("India");
    expect(demonymCountry("French")).toBe("France");
  });

  it("takes regular plurals, not invented ones", () => {
    expect(demonymCountry("Israelis")).toBe("Israel");
    expect(demonymCountry("Filipinos")).toBe("Philippines");
    expect(demonymCountry("Americans")).toBe("United States");
    expect(demonymCountry("Swiss")).toBe("Switzerland");
    expect(demonymCountry("Chineses")).toBeUndefined();
    expect(demonymCountry("Frenchs")).toBeUndefined();
  });

  it("is not a place list", () => {
    expect(demonymCountry("Israel")).toBeUndefined();
    expect(demonymCountry("Luxembourg")).toBeUndefined();
    expect(demonymCountry("Xqzt")).toBeUndefined();
    expect(demonymCountry("israeli")).toBeUndefined();
  });
});

describe("givenName", () => {
  it("knows given names and who bears them", () => {
    expect(givenName("Mary")).toEqual({ female: true, male: false });
    expect(givenName("John")).toEqual({ female: false, male: true });
    expect(givenName("Kim")).toEqual({ female: true, male: true });
    expect(givenName("Antony")?.male).toBe(true);
    expect(givenName("Xqzt")).toBeUndefined();
    expect(givenName("mary")).toBeUndefined();
  });
});

describe("surname", () => {
  it("ranks census surnames by frequency", () => {
    expect(surname("Smith")).toEqual({ rank: 1 });
    expect(surname("Johnson")!.rank).toBeLessThan(5);
    expect(surname("Nguyen")!.rank).toBeLessThan(1000);
    expect(surname("Xqzt")).toBeUndefined();
    expect(surname("smith")).toBeUndefined();
  });

  it("finds McDonald and O'Brien through the census's flat forms", () => {
    expect(surname("McDonald")).toEqual(surname("Mcdonald"));
    expect(surname("McDonald")).toBeDefined();
    expect(surname("O'Brien")).toEqual(surname("Obrien"));
    expect(surname("O’Brien")).toBeDefined();
  });
});

describe("speed", () => {
  it("answers a lookup in microseconds", () => {
    const words = ["Paris", "Xqzt", "Springfield", "London", "Obama", "Tuesday", "Beijing", "Zzz"];
    placeFacts("warm");
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) placeFacts(words[i % words.length]!);
    const perLookup = (performance.now() - started) / 100_000;
    expect(perLookup).toBeLessThan(0.02); // 20 µs; about 1 µs here
  });
});
