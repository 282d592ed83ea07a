import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../server/src/engine/analyze";
import type { ArticleAnalysis } from "../../server/src/engine";
import { formMatcher, scanForms } from "../../server/src/engine/entities/scan";
import { wordOf } from "../../server/src/engine/entities/words";

/** Analyses a one-sentence article (a headline line first, so the sentence is body text). */
const analyse = (body: string, headline = "Headline") => analyzeArticle(`${headline}\n\n${body}\n`);

/** "text:type" for every mention, in order. */
const names = (a: ArticleAnalysis) => a.mentions.map((m) => `${m.text}:${m.type}`);

const entityOf = (a: ArticleAnalysis, text: string) => {
  const m = a.mentions.find((x) => x.text === text);
  if (!m) throw new Error(`no mention “${text}” in ${JSON.stringify(names(a))}`);
  return a.entities[m.entity]!;
};

describe("spans: the name only", () => {
  it("drops titles, honorifics and possessives, and offsets point at the name", () => {
    const body = "Secretary of State Antony Blinken met Mr. Wang in Beijing’s Great Hall. Blinken’s aides stayed.";
    const a = analyse(body);
    expect(names(a)).toEqual(["Antony Blinken:person", "Wang:person", "Beijing:place", "Great Hall:place", "Blinken:person"]);
    const text = `Headline\n\n${body}\n`;
    for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it("keeps a name in spun text: 'Chinese language President Xi Jinping'", () => {
    const a = analyse("That was till reports emerged Friday that Chinese language President Xi Jinping would meet personally with Blinken.");
    expect(names(a)).toContain("Xi Jinping:person");
    expect(names(a).some((n) => n.startsWith("Chinese"))).toBe(false);
  });

  it("reads a holiday named alone as a date, not a name, and keeps a place named after one", () => {
    const a = analyse("Shops in Christmas Island expect strong sales at Christmas, as they did at Easter.");
    expect(names(a)).toEqual(["Christmas Island:place"]);
    expect(a.timexes.map((t) => t.text)).toEqual(["Christmas", "Easter"]);
  });

  it("never annotates demonyms and languages", () => {
    const a = analyse("Chinese and American officials spoke English with the Romanian delegation.");
    expect(names(a)).toEqual([]);
  });
});

describe("places", () => {
  it("treats U.S. and US as the United States, also as a modifier", () => {
    const a = analyse("U.S. officials said the US would respond, and the United States did.");
    expect(names(a)).toEqual(["U.S.:place", "US:place", "United States:place"]);
    expect(new Set(a.mentions.map((m) => m.entity)).size).toBe(1);
    expect(a.entities[0]!.name).toBe("United States");
  });

  it("splits hyphenated pairs into two places", () => {
    const a = analyse("The U.S.-China relationship is tense.");
    expect(names(a)).toEqual(["U.S.:place", "China:place"]);
  });

  it("reads an ALL-CAPS dateline as the place it names", () => {
    const a = analyse("BEIJING — Talks in Beijing resumed.");
    expect(names(a)).toEqual(["BEIJING:place", "Beijing:place"]);
  });

  it("does not take a currency prefix for the country", () => {
    const a = analyse("The deal is worth US$14 billion to the United States.");
    expect(names(a)).toEqual(["United States:place"]);
  });
});

describe("organisations", () => {
  it("recognises organisation heads and leads", () => {
    const a = analyse("Bonnie Glaser of the German Marshall Fund and a fellow at the Stimson Center spoke to the Ministry of Foreign Affairs.");
    expect(names(a)).toEqual(["Bonnie Glaser:person", "German Marshall Fund:organization", "Stimson Center:organization", "Ministry of Foreign Affairs:organization"]);
  });

  it("recognises acronyms, and a long form and its acronym are one entity", () => {
    const a = analyse("Leaders met at the Asia-Pacific Economic Cooperation (APEC) summit. APEC members agreed.");
    expect(names(a)).toEqual(["Asia-Pacific Economic Cooperation:organization", "APEC:organization", "APEC:organization"]);
    expect(new Set(a.mentions.map((m) => m.entity)).size).toBe(1);
  });

  it("keeps common acronyms out, and types named events and their acronyms as other names", () => {
    const a = analyse("The CEO spoke on TV at the World Wide Developers Conference (WWDC) about the Cold War.");
    expect(names(a)).toEqual(["World Wide Developers Conference:other", "WWDC:other", "Cold War:other"]);
    expect(entityOf(a, "WWDC")).toBe(entityOf(a, "World Wide Developers Conference"));
  });

  it("types a company that qualifies a title, and the person after it", () => {
    const a = analyse("Apple Computer CEO Steve Jobs gave the keynote.");
    expect(names(a)).toEqual(["Apple Computer:organization", "Steve Jobs:person"]);
  });

  it("strips a 'X-based' suffix: 'Washington-based Stimson Center'", () => {
    const a = analyse("Yun Sun of the Washington-based Stimson Center said so.");
    expect(names(a)).toEqual(["Yun Sun:person", "Washington:place", "Stimson Center:organization"]);
  });
});

describe("other names: products, models, ships, events, laws, indices, works", () => {
  it("types them by general cues, never as people, places or organisations", () => {
    const a = analyse(
      "The Hang Seng Index fell as Windows 11, the Queen Mary 2, the Airbus A380 and the USS Enterprise made news before the World Cup, and the Clean Air Act and World War II were debated.",
    );
    expect(names(a)).toEqual([
      "Hang Seng Index:other", "Windows 11:other", "Queen Mary 2:other", "Airbus A380:other", "USS Enterprise:other",
      "World Cup:other", "Clean Air Act:other", "World War II:other",
    ]);
  });

  it("reads a brand's spelling, a model's last word, a product noun and a quoted title", () => {
    const a = analyse("Sony showed the iPod Nano and the MacBook Pro; the Ford Taurus sedan sold well, and he read “The Grapes of Wrath”.");
    expect(names(a)).toEqual(["Sony:organization", "iPod Nano:other", "MacBook Pro:other", "Ford Taurus:other", "The Grapes of Wrath:other"]);
  });

  it("keeps a model number apart from a quantity or a year", () => {
    expect(names(analyse("Tesla's Model 3 sold well."))).toContain("Model 3:other");
    expect(names(analyse("Sales at Toyota rose 5 percent.")).filter((n) => n.endsWith(":other"))).toEqual([]);
    expect(names(analyse("Toyota 2009 sales fell.")).filter((n) => n.endsWith(":other"))).toEqual([]);
  });

  it("finds the people in an event named after them: 'BIDEN-XI Meeting'", () => {
    const a = analyse("Joe Biden and Xi Jinping met.\n\nBIDEN-XI Meeting After the scandal, talks resumed.");
    expect(names(a)).toEqual(expect.arrayContaining(["BIDEN:person", "XI:person"]));
  });
});

describe("not names", () => {
  it("drops the pronoun I, clock and zone acronyms, a lone adjective, and a title with no name", () => {
    const a = analyse("So I went home at 8 PM GMT. Democratic senators met the Secretary of State, and the U.S. Secretary of State to visit left.");
    expect(names(a)).toEqual(["U.S.:place"]);
  });

  it("a word of time opening a sentence is not part of the name after it", () => {
    expect(names(analyse("Today Smith met the press. Yesterday Jones left."))).toEqual(["Smith:person", "Jones:person"]);
  });

  it("an acronym defined by a lowercase term is no organisation", () => {
    const a = analyse("We trained a support vector machine (SVM). The SVM beat the baseline.");
    expect(names(a)).toEqual([]);
  });
});

describe("long names kept whole", () => {
  it("plural heads, 'and' inside a name, and a common word's possessive inside a name", () => {
    const a = analyse("The Centers for Disease Control and Prevention (CDC) met the National People's Congress in Beijing’s Great Hall.");
    expect(names(a)).toEqual([
      "Centers for Disease Control and Prevention:organization", "CDC:organization", "National People's Congress:organization",
      "Beijing:place", "Great Hall:place",
    ]);
    expect(entityOf(a, "CDC")).toBe(entityOf(a, "Centers for Disease Control and Prevention"));
  });
});

describe("people", () => {
  it("finds a family name everywhere once the full name is known, sentence starts and headlines included", () => {
    const a = analyzeArticle("Blinken’s Meeting With Xi Jinping Raises Hope\n\nAntony Blinken will meet Xi Jinping. Blinken said Xi was ready.\n");
    const blinken = a.mentions.filter((m) => m.text.startsWith("Blinken") || m.text === "Antony Blinken");
    expect(blinken.map((m) => m.text)).toEqual(["Blinken", "Antony Blinken", "Blinken"]);
    expect(new Set(blinken.map((m) => m.entity)).size).toBe(1);
    expect(names(a)).toContain("Xi:person");
  });

  it("joins particles: Ursula von der Leyen", () => {
    const a = analyse("The European Commission, led by Ursula von der Leyen, will present the text.");
    expect(names(a)).toEqual(["European Commission:organization", "Ursula von der Leyen:person"]);
  });

  it("a family name that is also a city stays the person in that article", () => {
    const a = analyse("Defense Secretary Lloyd Austin flew to Singapore. Austin met his counterpart.");
    expect(entityOf(a, "Austin").type).toBe("person");
    expect(entityOf(a, "Austin")).toBe(entityOf(a, "Lloyd Austin"));
  });

  it("splits 'Biden-Xi' into two people when both are named in the article", () => {
    const a = analyse("Joe Biden and Xi Jinping met. The Biden-Xi meeting was long.");
    expect(names(a).slice(-2)).toEqual(["Biden:person", "Xi:person"]);
  });
});

describe("identity within an article", () => {
  it("merges full name, family name, honorific and middle initial forms", () => {
    const a = analyse("Antony J. Blinken arrived. Antony Blinken met Mr. Blinken’s hosts, and Blinken left.");
    const ids = new Set(a.mentions.filter((m) => m.type === "person").map((m) => m.entity));
    expect(ids.size).toBe(1);
    expect(a.entities[[...ids][0]!]!.name).toMatch(/^Antony (J\. )?Blinken$/);
  });

  it("binds a short form to the most salient full name it fits", () => {
    const a = analyse("Wang Yi met Wang Yi’s aides and Wang Wentao. Wang Yi spoke first. Wang then left.");
    expect(entityOf(a, "Wang").name).toBe("Wang Yi");
  });
});

describe("roles", () => {
  it("keeps the title before a name", () => {
    const a = analyse("Secretary of State Antony Blinken arrived in Beijing.");
    expect(entityOf(a, "Antony Blinken").roles.map((r) => r.text)).toEqual(["Secretary of State"]);
  });

  it("reads lowercase titles with their organisation: 'CIA chief William Burns'", () => {
    const a = analyse("Last year CIA chief William Burns travelled to Moscow.");
    expect(entityOf(a, "William Burns").roles.map((r) => r.text)).toEqual(["CIA chief"]);
    expect(names(a)).toContain("CIA:organization");
  });

  it("reads an appositive after a name", () => {
    const a = analyse("Kurt Campbell, the top Asia official in the White House, said talks would continue.");
    expect(entityOf(a, "Kurt Campbell").roles.map((r) => r.text)).toEqual(["the top Asia official in the White House"]);
  });
});

describe("boilerplate", () => {
  it("names the author of a 'Write to' line", () => {
    const a = analyzeArticle("Headline\n\nBlinken went to Beijing.\n\nWrite to Charlie Campbell at charlie.campbell@time.com.\n");
    const author = entityOf(a, "Charlie Campbell");
    expect(author.author).toBe(true);
    expect(author.type).toBe("person");
  });
});

describe("pass 2: the article's names found again by lookup (scan.ts)", () => {
  const hits = (forms: string[], text: string) => {
    const matcher = formMatcher(forms)!;
    return scanForms(matcher, text, { start: 0, end: text.length }).map((h) => `${h.text}@${h.start}→${h.form}`);
  };

  it("matches whole words only, longest form first, and the ALL-CAPS spelling for its form", () => {
    expect(hits(["Blinken", "Antony Blinken", "Wang"], "Antony Blinken met Wang; BLINKEN left. Blinkens, Wangs.")).toEqual([
      "Antony Blinken@0→Antony Blinken",
      "Wang@19→Wang",
      "BLINKEN@25→Blinken",
    ]);
  });

  it("treats hyphens and apostrophes as boundaries, but not a currency sign or a longer dotted acronym", () => {
    expect(hits(["Biden", "Xi", "U.S.", "US"], "Biden-Xi talks; Xi’s visit; US$5; the U.S.A; the U.S. said")).toEqual([
      "Biden@0→Biden",
      "Xi@6→Xi",
      "Xi@16→Xi",
      "U.S.@49→U.S.",
    ]);
  });

  it("tells letters beyond ASCII, and lines with characters beyond the Basic Multilingual Plane, the same way", () => {
    const forms = ["Zoë", "Łódź", "Sølvberg"];
    // "Zoëy" and "aŁódź" are other words; "ZOË" is the form in capitals; curly quotes and dashes are boundaries.
    const text = "Zoë’s trip—Łódź, “Sølvberg” and ZOË; not Zoëy nor aŁódź.";
    const expected = ["Zoë@0→Zoë", "Łódź@11→Łódź", "Sølvberg@18→Sølvberg", "ZOË@32→Zoë"];
    expect(hits(forms, text)).toEqual(expected);
    // The same line with an astral letter (𝒳) after it: offsets unchanged, the name after it found too.
    expect(hits(forms, `${text} 𝒳 Zoë`)).toEqual([...expected, `Zoë@${text.length + 4}→Zoë`]);
  });

  it("returns nothing for forms too short to trust", () => {
    expect(formMatcher(["X"])).toBeNull();
  });
});

describe("tagging an article's lines together", () => {
  it("never runs a headline without final punctuation into the next line", () => {
    const alone = analyzeArticle("Blinken Meets Wang\n\nOfficials said the talks in Beijing went well.\n");
    const together = analyzeArticle("Blinken Meets Wang\nOfficials said the talks in Beijing went well.\n");
    expect(names(together)).toEqual(names(alone));
    expect(names(together)).toContain("Beijing:place");
  });
});

describe("evidence from the gazetteers and the words around a name", () => {
  it("a place the gazetteer knows is a place, alone and unknown to the old lists", () => {
    expect(names(analyse("Fighting spread from Maputo to Biloxi over the weekend, officials said."))).toEqual(["Maputo:place", "Biloxi:place"]);
  });

  it("demonyms of every country are no names", () => {
    expect(names(analyse("Israeli and Cypriot officials met Somali and Filipino envoys in the capital."))).toEqual([]);
  });

  it("a lowercase noun before a name says what it is", () => {
    const a = analyse("The carmaker Zorbax hired workers in the city of Qadira, the singer Lumo Vask said.");
    expect(names(a)).toEqual(["Zorbax:organization", "Qadira:place", "Lumo Vask:person"]);
  });

  it("reads a title's complement: a place for a mayor, a department for a vice president", () => {
    expect(names(analyse("On Monday the Mayor of Havana Eusebio Leal met VP of Engineering Udi Manber in the park."))).toEqual([
      "Havana:place", "Eusebio Leal:person", "Udi Manber:person",
    ]);
  });

  it("what only a company has makes a company, even beside a person of the same name", () => {
    const a = analyse("The plan of Ford's Chief Executive Officer, William Clay Ford Jr., is to end Ford's North American losses.");
    expect(a.mentions.filter((m) => m.text === "Ford").map((m) => m.type)).toEqual(["organization", "organization"]);
    expect(entityOf(a, "Ford")).not.toBe(entityOf(a, "William Clay Ford Jr."));
  });

  it("the first word of a company's name stands for it alone, also where a sentence starts", () => {
    const a = analyzeArticle("Apple launches new phone\n\nApple Computer today announced a new phone. Apple said it would ship in June.\n");
    expect(a.mentions.filter((m) => m.text === "Apple").map((m) => m.type)).toEqual(["organization", "organization"]);
    expect(new Set(a.mentions.map((m) => m.entity)).size).toBe(1);
  });
});

describe("the sciences' names", () => {
  it("a species, a taxon and a symbol are other names; a cited author is a person", () => {
    const a = analyse("Escherichia coli and the Phlebovirus genus raise IgG levels, as Reisine (1988) and Kowalczyk et al. showed.");
    expect(names(a)).toEqual(["Escherichia coli:other", "Phlebovirus:other", "IgG:other", "Reisine:person", "Kowalczyk:person"]);
  });

  it("a long Title Case headline may keep a word in lowercase", () => {
    const a = analyzeArticle("Quantifying Organismal Complexity using a Population Genetic Approach\n\nWe study how genes interact.\n");
    expect(names(a)).toEqual([]);
  });

  it("a direction and a place is a place; a direction alone, or a language's compound, is no name", () => {
    expect(names(analyse("The virus spread in Southern Africa, and Eastern officials cited English-language reports."))).toEqual(["Southern Africa:place"]);
  });
});

describe("government, countries and teams", () => {
  it("an administration is its leader's; a republic or a state of a known place is that place", () => {
    const a = analyse("Joe Biden spoke. The Biden Administration met envoys of the Republic of Korea and the State of Alabama.");
    expect(names(a)).toEqual(["Joe Biden:person", "Biden:person", "Republic of Korea:place", "State of Alabama:place"]);
  });

  it("a place and a plural is a team; two ordinary words joined by 'and' up to a head are one body", () => {
    const a = analyse("Fans of the Miami Hurricanes watched the National Aeronautics and Space Administration launch, in Washington, D.C. He left.");
    expect(names(a)).toEqual(["Miami Hurricanes:organization", "National Aeronautics and Space Administration:organization", "Washington:place", "D.C.:place"]);
  });

  it("an English word is seldom a person's last name; an adjective alone is no name", () => {
    const a = names(analyse("Editors of the Harvard Law Review met Federal officials and Congressional aides on Monday."));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatch(/^Harvard Law Review:(organization|other)$/);
  });
});

describe("where a person is from", () => {
  it("a name after 'a person's name of' is a company or a place", () => {
    const a = analyse("He spoke with Leo Denault of Entergy and Mary Smith of Boston about the storm.");
    expect(names(a)).toEqual(["Leo Denault:person", "Entergy:organization", "Mary Smith:person", "Boston:place"]);
  });
});

describe("what is launched", () => {
  it("a name unveiled, launched or 'the new' is a product's", () => {
    const a = analyse("On Monday the company unveiled the new MacBook and launched its latest Tiger release, while the new Falcon sold well.");
    expect(names(a)).toEqual(["MacBook:other", "Tiger:other", "Falcon:other"]);
  });
});

describe("the quick pass's word tags", () => {
  it("give a word its tags as written, whichever form was met first", () => {
    // The lowercase form first, then the capitalised one: the capital still makes it a proper noun.
    expect(wordOf("harbour").lexiconTags.has("ProperNoun")).toBe(false);
    expect(wordOf("Harbour").lexiconTags.has("ProperNoun")).toBe(true);
    // And the other way round.
    expect(wordOf("Granite").lexiconTags.has("ProperNoun")).toBe(true);
    expect(wordOf("granite").lexiconTags.has("ProperNoun")).toBe(false);
  });
});
