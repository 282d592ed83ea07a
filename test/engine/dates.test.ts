import { describe, expect, it } from "vitest";
import { findTimexes } from "../../server/src/engine/dates";
import { readLayout } from "../../server/src/engine/read/layout";
import type { Timex } from "../../server/src/engine/types";

/** Time expressions of `text` (a headline line is prepended so the sentence is body text) against `date`. */
function timexes(text: string, date: string | null): Timex[] {
  const full = `Headline\n\n${text}`;
  const found = findTimexes(full, readLayout(full), { value: date, source: date ? "option" : "unknown", detail: "" });
  for (const t of found) expect(full.slice(t.start, t.end)).toBe(t.text);
  return found;
}
const brief = (ts: Timex[]) => ts.map((t) => [t.text, t.value, ...(t.endValue ? [t.endValue] : []), ...(t.mod ? [t.mod] : [])]);
const one = (text: string, date: string | null) => {
  const ts = timexes(text, date);
  expect(ts).toHaveLength(1);
  return ts[0]!;
};

describe("extents", () => {
  it("leaves leading prepositions out and keeps the time NP's determiners and modifiers", () => {
    expect(brief(timexes("He has been the first to visit since 2018 and met Biden in Bali last November.", "2023-02-03"))).toEqual([
      ["2018", "2018"],
      ["last November", "2022-11"],
    ]);
    expect(one("Tensions may ease over the spring.", "2023-02-03").text).toBe("the spring");
    expect(one("He hopes to meet Xi again over the coming months.", "2023-06-18").text).toBe("the coming months");
  });

  it("annotates a duration adjective alone, without the noun phrase's determiner", () => {
    expect(brief(timexes("Expectations for the two-day journey had been low.", "2023-02-03"))).toEqual([["two-day", "P2D"]]);
    expect(brief(timexes("An 18-month-old partnership and a seven-hour meeting.", "2023-06-17"))).toEqual([
      ["18-month-old", "P18M"],
      ["seven-hour", "PT7H"],
    ]);
  });

  it("reads a day range as one timex with an end value", () => {
    expect(brief(timexes("Blinken will travel to China June 18-19, the State Department said.", "2023-06-15"))).toEqual([["June 18-19", "2023-06-18", "2023-06-19"]]);
  });

  it("does not read the modal 'could' or a surname as a month", () => {
    expect(timexes("Officials said talks could resume, Theresa May said.", "2023-06-17")).toEqual([]);
  });
});

describe("weekdays and tense", () => {
  it("puts a past-tense weekday on or before the article's date", () => {
    expect(one("The balloon was spotted over Montana on Thursday.", "2023-02-03").value).toBe("2023-02-02");
    expect(one("Reports emerged Friday that Xi would meet Blinken.", "2023-02-03").value).toBe("2023-02-03");
  });

  it("lets the verb before the phrase govern it when a modal follows", () => {
    expect(one("The Federal Reserve said on Wednesday it may cut rates.", "2024-03-14").value).toBe("2024-03-13");
  });

  it("puts a forward-looking weekday after it", () => {
    expect(one("When Antony Blinken travels to Beijing on Sunday, he’ll be the first to do so.", "2023-02-03").value).toBe("2023-02-05");
    expect(one("Blinken arrives in Beijing on Sunday.", "2023-06-17").value).toBe("2023-06-18");
  });

  it("follows an explicit last/next whatever the tense", () => {
    expect(one("They met last Friday.", "2023-06-16").value).toBe("2023-06-09");
    expect(one("They will meet next Monday.", "2023-06-14").value).toBe("2023-06-19");
  });

  it("reads a weekday with a part of day as a TIME", () => {
    expect(one("Officials briefed reporters on Tuesday night.", "2023-06-15")).toMatchObject({ type: "TIME", value: "2023-06-13TNI" });
  });
});

describe("months, seasons, years", () => {
  it("places a bare month by tense", () => {
    expect(one("They met in November at the G20 summit.", "2023-06-18").value).toBe("2022-11");
    expect(one("Xi will attend the APEC summit in San Francisco in November.", "2023-02-03").value).toBe("2023-11");
  });

  it("maps early/mid/late to START/MID/END and keeps the modifier in the extent", () => {
    expect(brief(timexes("The balloon crossed the U.S. in early February.", "2023-06-14"))).toEqual([["early February", "2023-02", "START"]]);
    expect(brief(timexes("Lion is to be released in mid-2011.", "2010-10-23"))).toEqual([["mid-2011", "2011", "MID"]]);
    expect(brief(timexes("Losses grew at the end of last year.", "2009-02-18"))).toEqual([["the end of last year", "2008", "END"]]);
  });

  it("reads full dates, month-year and decades", () => {
    expect(brief(timexes("Jobs was born on February 24, 1955, and the firm sued in March 2013 over a logo from the '80s.", "2011-10-06"))).toEqual([
      ["February 24, 1955", "1955-02-24"],
      ["March 2013", "2013-03"],
      ["'80s", "198"],
    ]);
  });

  it("reads seasons and quarters", () => {
    expect(one("A visit could follow in the spring.", "2023-02-03").value).toBe("2023-SP");
    expect(one("Profit fell in the first quarter of 2009.", "2009-05-07").value).toBe("2009-Q1");
    expect(one("Profits doubled during the last quarter.", "2007-01-18").value).toBe("2006-Q4");
  });

  it("does not take counts or money for years", () => {
    expect(timexes("The firm will cut 2000 jobs and pay $2010 each.", "2009-05-15")).toEqual([]);
  });
});

describe("relative periods", () => {
  it("uses ISO weeks and weekends", () => {
    expect(one("Officials briefed reporters last week.", "2023-06-14").value).toBe("2023-W23");
    expect(one("Blinken travels to China this weekend.", "2023-06-15").value).toBe("2023-W24-WE");
  });

  it("reads today, yesterday and this morning against the article's date", () => {
    expect(brief(timexes("Apple announced this morning that prices fall today; yesterday shares rose.", "2008-01-09"))).toEqual([
      ["this morning", "2008-01-09TMO"],
      ["today", "2008-01-09"],
      ["yesterday", "2008-01-08"],
    ]);
  });

  it("reads 'today's' before a name that ends its phrase as the present, and before a noun or a newspaper as the day", () => {
    expect(brief(timexes("This is an exciting time at today's GM. Today's Russia is not the Soviet Union.", "2013-12-10"))).toEqual([
      ["today", "PRESENT_REF"],
      ["Today", "PRESENT_REF"],
    ]);
    expect(brief(timexes("Today's Senate vote was close, today's Financial Times said.", "2013-12-10"))).toEqual([
      ["Today", "2013-12-10"],
      ["today", "2013-12-10"],
    ]);
  });

  it("keeps later/earlier in the extent without a mod", () => {
    const t = one("Yellen is due to visit Beijing later in the year.", "2023-06-15");
    expect(t).toMatchObject({ text: "later in the year", value: "2023" });
    expect(t.mod).toBeUndefined();
  });

  it("counts back from the article's date with 'ago'", () => {
    expect(one("The plant closed two years ago.", "2009-05-15")).toMatchObject({ text: "two years ago", type: "DATE", value: "2007" });
  });

  it("resolves 'the same period last year' against the date just mentioned", () => {
    expect(brief(timexes("Sales rose 43% in February compared to the same period last year.", "2010-03-03"))).toEqual([
      ["February", "2010-02"],
      ["the same period last year", "2009-02"],
    ]);
  });
});

describe("durations", () => {
  it("reads counts, vague amounts and quantifier mods", () => {
    expect(brief(timexes("The talks lasted more than three hours.", "2023-06-18"))).toEqual([["more than three hours", "PT3H", "MORE_THAN"]]);
    expect(brief(timexes("They met again just over a month later.", "2023-06-18"))).toEqual([["just over a month later", "P1M", "MORE_THAN"]]);
    expect(brief(timexes("He hopes to meet Xi over the next several months.", "2023-06-18"))).toEqual([["the next several months", "PXM"]]);
    expect(brief(timexes("During the three-and-a-half hours of talks, they argued.", "2023-06-18"))).toEqual([["the three-and-a-half hours", "PT3H30M"]]);
  });

  it("anchors 'a month prior' on the date mentioned before it", () => {
    expect(brief(timexes("After the midterms in November 2022 and the party congress a month prior, ties may thaw.", "2023-02-03"))).toEqual([
      ["November 2022", "2022-11"],
      ["a month prior", "2022-10"],
    ]);
  });

  it("does not read 'one day' (someday) as a time, nor a frequency's 'a day' as a length", () => {
    expect(brief(timexes("One day, he said, the two countries will talk twice a day.", "2023-06-18"))).toEqual([["twice a day", "P1D"]]);
  });
});

describe("spun text", () => {
  it("reads spun 'last' and 'year'", () => {
    expect(brief(timexes("Yellen met Liu He in Zurich final month and is due to visit Beijing later this 12 months.", "2023-02-03"))).toEqual([
      ["final month", "2023-01"],
      ["later this 12 months", "2023"],
    ]);
    expect(one("The visit was planned for final yr.", "2023-06-17").value).toBe("2022");
    expect(one("Talks resume subsequent week.", "2023-06-17").value).toBe("2023-W25");
  });

  it("reads 'Could' as May only where a month must stand", () => {
    expect(brief(timexes("Relations soured in Could after the balloon incident.", "2023-06-17"))).toEqual([["Could", "2023-05"]]);
    expect(one("The summit opens on Could 5, 2021.", "2023-06-17").value).toBe("2021-05-05");
    expect(timexes("Could the talks succeed? Analysts could not say.", "2023-06-17")).toEqual([]);
  });

  it("reads 'the summer season' and 'earlier within the week'", () => {
    expect(one("Officials will meet over the summer season.", "2023-06-14").text).toBe("the summer season");
    expect(one("Qin spoke with Blinken earlier within the week.", "2023-06-17")).toMatchObject({ text: "earlier within the week", value: "2023-W24" });
  });
});

describe("articles without a date", () => {
  it("leaves relative values underspecified instead of using the clock", () => {
    expect(brief(timexes("They met on Sunday and will meet again in November; last week was busy.", null))).toEqual([
      ["Sunday", "XXXX-WXX-7"],
      ["November", "XXXX-11"],
      ["last week", "XXXX-WXX"],
    ]);
  });
});

describe("deictic, set and clock times", () => {
  it("reads now/recently/soon as references and annual as a set", () => {
    expect(brief(timexes("The firm now reports an annual loss and hopes to recover soon.", "2006-01-27"))).toEqual([
      ["now", "PRESENT_REF"],
      ["annual", "P1Y"],
      ["soon", "FUTURE_REF"],
    ]);
  });

  it("reads recent as a past reference after a determiner or 'in', and leaves current and ongoing alone", () => {
    expect(brief(timexes("Given the current weakened state of the economy, and the ongoing recession, it was the largest filing in recent U.S. history.", "2008-12-13"))).toEqual([
      ["recent", "PAST_REF"],
    ]);
    expect(brief(timexes("The bank reported for the current quarter.", "2008-12-13"))).toEqual([["the current quarter", "2008-Q4"]]);
  });

  it("reads a bare spring or fall as a season only after a preposition of time or as a verb's subject", () => {
    expect(brief(timexes("It's too early to see a trend, but spring shows signs of hope.", "2009-04-01"))).toEqual([["spring", "2009-SP"]]);
    expect(brief(timexes("The plant will reopen in spring and close by fall.", "2009-04-01"))).toEqual([
      ["spring", "2009-SP"],
      ["fall", "2009-FA"],
    ]);
    expect(timexes("Prices will spring back, then fall again, and traders expect a fall in demand.", "2009-04-01")).toEqual([]);
  });

  it("times a market session and 'later in the day' on the day the report is about", () => {
    const ts = timexes("Ford said on Tuesday that its sales rose. Its stock hit a high in morning trading, before declining later in the day.", "2010-03-03");
    expect(brief(ts)).toEqual([
      ["Tuesday", "2010-03-02"],
      ["morning", "2010-03-02TMO"],
      ["later in the day", "2010-03-02"],
    ]);
    expect(ts[1]!.basis).toBe("earlier-date");
    expect(brief(timexes("The index slipped in early afternoon trading.", "2010-03-03"))).toEqual([["early afternoon", "2010-03-03TAF", "START"]]);
    expect(timexes("At the end of the day, it is about trust.", "2010-03-03")).toEqual([]);
  });

  it("counts 'the previous day', 'the next day', 'the week before' from the date spoken of, else the article's date", () => {
    const ts = timexes("The Dow fell 508 points on Tuesday. It had risen the previous day and fell again the next day.", "2008-10-08");
    expect(brief(ts)).toEqual([
      ["Tuesday", "2008-10-07"],
      ["the previous day", "2008-10-06"],
      ["the next day", "2008-10-07"],
    ]);
    expect(ts[1]!.basis).toBe("earlier-date");
    expect(brief(timexes("The index rose the week before.", "2008-10-08"))).toEqual([["the week before", "2008-W40"]]);
    // Counted from a noun phrase no rule resolves: not a date of its own.
    expect(timexes("Shares fell the day before the vote.", "2008-10-08")).toEqual([]);
  });

  it("reads a count of consecutive units as one length", () => {
    expect(brief(timexes("Prices have fallen for eight consecutive weeks.", "2008-10-08"))).toEqual([["eight consecutive weeks", "P8W"]]);
  });

  it("reads holidays as days, fixed and movable, placed by tense or their written year", () => {
    expect(brief(timexes("Shops expect strong sales at Christmas and on New Year's Day.", "2010-11-15"))).toEqual([
      ["Christmas", "2010-12-25"],
      ["New Year's Day", "2011-01-01"],
    ]);
    expect(brief(timexes("Sales fell over Easter. Thanksgiving falls on Nov. 25.", "2010-11-15"))).toEqual([
      ["Easter", "2010-04-04"],
      ["Thanksgiving", "2010-11-25"],
      ["Nov. 25", "2010-11-25"],
    ]);
    expect(brief(timexes("He resigned on Good Friday 2008 and returned on Labor Day, before Memorial Day 2009.", "2010-11-15"))).toEqual([
      ["Good Friday 2008", "2008-03-21"],
      ["Labor Day", "2010-09-06"],
      ["Memorial Day 2009", "2009-05-25"],
    ]);
    // A one-word holiday modifying a noun is a season, not the day; a name of several words is the day.
    expect(timexes("Retailers reported successful Christmas sales.", "2007-01-18")).toEqual([]);
    expect(timexes("Sales rose during the Christmas and New Year sales period.", "2007-01-18")).toEqual([]);
    expect(brief(timexes("The Thanksgiving Day parade will step off at 10 a.m. Thursday. Veterans marked VE Day.", "2005-11-22"))).toEqual([
      ["Thanksgiving Day", "2005-11-24"],
      ["10 a.m. Thursday", "2005-11-24T10:00"],
      ["VE Day", "2005-05-08"],
    ]);
  });

  it("reads frequencies as sets and a length in two units as one duration", () => {
    expect(brief(timexes("The board meets twice a year; patients take the drug three times a week.", "2016-03-30"))).toEqual([
      ["twice a year", "P1Y"],
      ["three times a week", "P1W"],
    ]);
    expect(brief(timexes("The nonstop flight took 19 hours and 16 minutes, the trial two years and three months.", "2019-12-03"))).toEqual([
      ["19 hours and 16 minutes", "PT19H16M"],
      ["two years and three months", "P2Y3M"],
    ]);
  });

  it("keeps the period spoken of for 'a year earlier', and leans on a date said earlier in the same sentence", () => {
    expect(brief(timexes("Revenue in the fourth quarter fell 3 percent from a year earlier.", "2016-01-28"))).toEqual([
      ["the fourth quarter", "2015-Q4"],
      ["a year earlier", "2014-Q4"],
    ]);
    expect(brief(timexes("Sales rose 4 percent in March from a year earlier.", "2010-05-12"))).toEqual([
      ["March", "2010-03"],
      ["a year earlier", "2009-03"],
    ]);
    expect(brief(timexes("The envoy arrived in Cairo on Sept. 12 and met the army chief that day.", "2013-09-18"))).toEqual([
      ["Sept. 12", "2013-09-12"],
      ["that day", "2013-09-12"],
    ]);
    expect(brief(timexes("Protesters gathered on Feb. 26. The next morning, police cleared the square.", "2019-03-05"))).toEqual([
      ["Feb. 26", "2019-02-26"],
      ["The next morning", "2019-02-27TMO"],
    ]);
  });

  it("times a clock with no day of its own on the day the text spoke of, in every common notation", () => {
    expect(brief(timexes("The quake struck on Sunday at 7:58 a.m. local time (0058 GMT) off Sumatra.", "2004-12-27"))).toEqual([
      ["Sunday", "2004-12-26"],
      ["7:58 a.m. local time", "2004-12-26T07:58"],
      ["0058 GMT", "2004-12-26T00:58Z"],
    ]);
    expect(brief(timexes("Concorde landed yesterday. It touched down at Heathrow at 4.05pm.", "2003-10-25"))).toEqual([
      ["yesterday", "2003-10-24"],
      ["4.05pm", "2003-10-24T16:05"],
    ]);
    expect(brief(timexes("The company will host a call at 4:30 p.m. Central Time.", "2005-02-10"))).toEqual([["4:30 p.m. Central Time", "2005-02-10T16:30"]]);
  });

  it("reads the weekend, 'that evening', 'in the afternoon' and 'the full year' from the day or year in focus", () => {
    expect(one("Lehman filed after talks over the weekend failed.", "2008-09-15").value).toBe("2008-W37-WE");
    expect(one("Relief is expected by the weekend.", "2018-07-02").value).toBe("2018-W27-WE");
    expect(brief(timexes("She was found on Monday and died that evening.", "2012-02-16"))).toEqual([
      ["Monday", "2012-02-13"],
      ["that evening", "2012-02-13TEV"],
    ]);
    expect(one("Norland raised its forecast for the full year.", "2011-04-20").value).toBe("2011");
  });

  it("reads sets of seasons and weekdays, and leaves seasons and decades that are no times alone", () => {
    expect(brief(timexes("She built puppets every spring; pickup is on Tuesdays.", "2021-03-03"))).toEqual([
      ["every spring", "XXXX-SP"],
      ["Tuesdays", "XXXX-WXX-2"],
    ]);
    expect(timexes("A winter storm will bring highs in the low 80s and a second round of rain.", "2024-01-09")).toEqual([]);
  });

  it("reads counts with thousands separators, lengths in two units without 'and', and half an hour", () => {
    expect(brief(timexes("Temperatures rose faster than in the past 2,000 years.", "2010-02-03"))).toEqual([["the past 2,000 years", "P2000Y"]]);
    expect(brief(timexes("The flight takes about 18 hours 45 minutes.", "2018-10-08"))).toEqual([["about 18 hours 45 minutes", "PT18H45M", "APPROX"]]);
    expect(brief(timexes("Shares opened half an hour later than scheduled.", "2012-05-18"))).toEqual([["half an hour", "PT30M"]]);
  });

  it("reads a clock time with its zone and day", () => {
    expect(one("GM filed for bankruptcy at 12:00 UTC Monday.", "2009-06-01")).toMatchObject({ type: "TIME", value: "2009-06-01T12:00Z" });
    expect(timexes("The score was 3:2 after extra time.", "2009-06-01")).toEqual([]);
  });
});

describe("explanations and robustness", () => {
  it("explains a value in a sentence that names the article's date", () => {
    expect(one("Blinken arrives in Beijing on Sunday.", "2023-06-16").explanation).toBe("Sunday → the Sunday on or after the article's date 2023-06-16; future tense ('arrives')");
  });

  it("scans a huge single line in pieces and still finds its dates", () => {
    const line = "The talks began on June 18 and ran long ".repeat(140_000);
    const full = `Headline\n\n${line}`;
    const found = findTimexes(full, readLayout(full), { value: "2023-06-20", source: "option", detail: "" });
    // A cut may fall inside a date ("June | 18"): all but those few are read whole.
    expect(found.filter((t) => t.text === "June 18" && t.value === "2023-06-18").length).toBeGreaterThan(139_000);
  });
});

describe("direction from tense and aspect, said in the explanation", () => {
  it("reads schedules in the plural, what begins at a time, holidays 'ahead of' and a day and month by tense", () => {
    expect(one("The NFL playoffs begin Saturday.", "2010-01-05").value).toBe("2010-01-09");
    expect(one("The changes take effect beginning in the fall.", "2022-04-05").value).toBe("2022-FA");
    expect(one("Passengers were stranded ahead of Christmas.", "2010-12-20").value).toBe("2010-12-25");
    expect(one("The council will hold a hearing on the proposed tax increase at 7 p.m. Thursday.", "2006-04-11").value).toBe("2006-04-13T19:00");
    expect(brief(timexes("Prosecutors said he bought the gun on March 3 and fired it the next day.", "2017-11-22"))).toEqual([
      ["March 3", "2017-03-03"],
      ["the next day", "2017-03-04"],
    ]);
    expect(brief(timexes("He pleaded not guilty on Monday and is due back in court Dec. 11.", "2017-11-22"))).toEqual([
      ["Monday", "2017-11-20"],
      ["Dec. 11", "2017-12-11"],
    ]);
    expect(one("Districts have already announced delays for Wednesday.", "2024-01-09").value).toBe("2024-01-10");
  });

  it("lets a reported 'would' look ahead and an attribution after the clause leave its tense alone", () => {
    expect(brief(timexes("A spokesman said Tuesday the minister would fly to Brussels on Friday.", "2013-10-09"))).toEqual([
      ["Tuesday", "2013-10-08"],
      ["Friday", "2013-10-11"],
    ]);
    expect(brief(timexes("Health officials said on Monday that the new rules would take effect Saturday.", "2021-12-08"))).toEqual([
      ["Monday", "2021-12-06"],
      ["Saturday", "2021-12-11"],
    ]);
    expect(one("Schools in the district are scheduled to reopen on Thursday, officials said.", "2017-08-29").value).toBe("2017-08-31");
    expect(one("The Senate plans to take up the bill on Tuesday, aides said.", "2009-06-26").value).toBe("2009-06-30");
  });

  it("reads a bare verb after 'to' or a modal, and a passive after 'be', as no past", () => {
    expect(one("Air travel is expected to hit a record over Thanksgiving.", "2015-11-20").value).toBe("2015-11-26");
    expect(one("Elections are expected to be held in the spring.", "2008-01-15").value).toBe("2008-SP");
    // "ahead of" leaves the direction to the clause: the Labor Day just past.
    expect(one("Gas prices rose ahead of Labor Day as millions took to the roads.", "2018-09-04").value).toBe("2018-09-03");
    expect(one("The new minimum wage takes effect Sunday.", "2016-12-30").value).toBe("2017-01-01");
    expect(one("Crude oil futures for June delivery rose 1.1 percent in early trading.", "2019-05-14").value).toBe("2019-06");
  });

  it("leaves names that hold a weekday or a season alone", () => {
    expect(timexes("The Sunday Times reported that voters in Fall River chose to keep the mayor.", "2009-11-23")).toEqual([]);
    expect(brief(timexes("The 18-year-old striker scored in a 30-year-old stadium.", "2017-02-16"))).toEqual([["30-year-old", "P30Y"]]);
  });

  it("reads a schedule from a copula right before the time, and a promise's infinitive ahead", () => {
    expect(one("The vote is on Tuesday.", "2012-01-20")).toMatchObject({ value: "2012-01-24", basis: "tense" });
    expect(brief(timexes("Officials met in December and agreed to meet again in February.", "2012-01-20"))).toEqual([
      ["December", "2011-12"],
      ["February", "2012-02"],
    ]);
    // The promise governs what follows it, not the day of the talks before it.
    expect(one("The three held their first joint talks Friday and agreed to strengthen ties.", "2023-06-17").value).toBe("2023-06-16");
  });

  it("places a month forward in a forward-looking clause and back in a past one, and says which word decided", () => {
    const ahead = one("The exhibition will run through September.", "2021-04-12");
    expect([ahead.value, ahead.basis]).toEqual(["2021-09", "tense"]);
    expect(ahead.explanation).toMatch(/future tense \('will'\)/);
    const back = one("Sales fell in March.", "2021-04-12");
    expect([back.value, back.basis]).toEqual(["2021-03", "tense"]);
    expect(back.explanation).toMatch(/past tense \('fell'\)/);
    expect(one("The offer is valid until March.", "2021-04-12").value).toBe("2022-03");
    expect(one("The report is due in May.", "2021-04-12").value).toBe("2021-05");
    // The preposition decides across "the end of": "officials said … by the end of May".
    expect(one("The port will reopen, officials said, fully by the end of May.", "2024-04-05").value).toBe("2024-05");
  });

  it("keeps the month's year unknown when the article has no date, and says why", () => {
    const t = one("Sales fell in March.", null);
    expect(t.value).toBe("XXXX-03");
    expect(t.explanation).toMatch(/no date/);
  });
});

describe("a year said in the same phrase or before", () => {
  it("anchors a month to the year in its phrase, or to the year the text spoke of", () => {
    expect(brief(timexes("It happened that March morning in 2009.", "2021-04-12"))[0]).toEqual(["March", "2009-03"]);
    const ts = timexes("The firm was founded in 1995. In June of that year it hired staff. The following decade brought growth.", "2021-04-12");
    expect(brief(ts)).toEqual([["1995", "1995"], ["June of that year", "1995-06"], ["The following decade", "200"]]);
    expect(ts.slice(1).map((t) => t.basis)).toEqual(["earlier-date", "earlier-date"]);
  });

  it("reads 'that year', 'by that time' and 'the entire year' from the date before", () => {
    expect(brief(timexes("The deal will close by June 10. If no price is agreed by that time, Fiat will pay.", "2011-05-29"))).toEqual([
      ["June 10", "2011-06-10"],
      ["that time", "2011-06-10"],
    ]);
    expect(brief(timexes("GM lost money in the fourth quarter of 2005 and for the entire year.", "2006-01-27"))).toEqual([
      ["the fourth quarter of 2005", "2005-Q4"],
      ["the entire year", "2005"],
    ]);
  });
});

describe("clock times on the day they are said with", () => {
  it("gives a time the day named beside it, and a zone's name stays part of the time", () => {
    expect(brief(timexes("The fire started Friday evening at 9 PM.", "2021-04-12"))).toEqual([
      ["Friday evening", "2021-04-09TEV"],
      ["9 PM", "2021-04-09T21:00"],
    ]);
    expect(brief(timexes("At a press conference at 16:15 UTC, June 1st, he spoke.", "2009-06-04"))).toEqual([
      ["16:15 UTC", "2009-06-01T16:15Z"],
      ["June 1st", "2009-06-01"],
    ]);
    expect(brief(timexes("It was 14:00 Central European Summer Time.", "2021-04-12"))).toEqual([["14:00 Central European Summer Time", "2021-04-12T14:00"]]);
  });
});

describe("centuries, decades and ranges of years", () => {
  it("writes a century as its first two digits, a decade as its first three, a range with an end value", () => {
    expect(brief(timexes("In the 19th century, the twentieth century, the 1800s and the 1990s, and in 2004-2005 and 1968-69, costs rose.", "2021-04-12"))).toEqual([
      ["the 19th century", "18"],
      ["the twentieth century", "19"],
      ["1800s", "18"],
      ["1990s", "199"],
      ["2004-2005", "2004", "2005"],
      ["1968-69", "1968", "1969"],
    ]);
  });
});

describe("lengths that are not dates, and ages that are not times", () => {
  it("keeps 'ten years' a length and an age out; a pair of counts shares its unit", () => {
    expect(brief(timexes("The lease runs ten years.", "2021-04-12"))).toEqual([["ten years", "P10Y"]]);
    expect(brief(timexes("A 35-year-old man was arrested, and the 54-year-old said nothing.", "2021-04-12"))).toEqual([]);
    expect(brief(timexes("The process would take between 60 and 90 days.", "2009-06-04"))).toEqual([["60", "P60D"], ["90 days", "P90D"]]);
    expect(brief(timexes("The project finished a week earlier than planned.", "2021-04-12"))).toEqual([["a week earlier", "P1W"]]);
  });

  it("reads 'a day' before a relative clause as an occasion, not a length", () => {
    expect(timexes("I have always said if there ever came a day when I could no longer meet my duties, I would say so.", "2011-08-24")).toEqual([]);
    expect(timexes("This is not a day anybody can be prepared for.", "2009-04-30")).toEqual([]);
    expect(brief(timexes("The plant closed for a day when the power failed.", "2009-04-30"))).toEqual([["a day", "P1D"]]);
  });

  it("reads playing time of recorded content, and a device's capacity, as an amount, not a length of time", () => {
    expect(timexes("Users upload 48 hours of video every minute, and the player gives ten hours of battery life.", "2011-05-25")).toEqual([]);
    expect(timexes("The larger model stores up to 150 hours, and 40 hours can be stored on the smaller one.", "2005-10-13")).toEqual([]);
    expect(brief(timexes("After three hours of talks, the envoys watched 20 minutes of footage.", "2023-06-18"))).toEqual([["three hours", "PT3H"]]);
    expect(brief(timexes("The battery was stored for two hours.", "2023-06-18"))).toEqual([["two hours", "PT2H"]]);
  });
});

describe("fiscal years, numeric dates and decades with a modifier", () => {
  it("reads fiscal years, ISO and US-ordered dates, and 'the early 1990s'", () => {
    expect(brief(timexes("Profit rose in fiscal 2009 and fiscal year 2010 and FY2011.", "2021-04-12"))).toEqual([
      ["fiscal 2009", "FY2009"],
      ["fiscal year 2010", "FY2010"],
      ["FY2011", "FY2011"],
    ]);
    expect(brief(timexes("The hearing moved from 3/15/2021 to 2021-03-16, then to 25/3/2021; the ratio was 3/4.", "2021-04-12"))).toEqual([
      ["3/15/2021", "2021-03-15"],
      ["2021-03-16", "2021-03-16"],
      ["25/3/2021", "2021-03-25"],
    ]);
    expect(brief(timexes("The firm was founded in the early 1990s.", "2021-04-12"))).toEqual([["early 1990s", "199", "START"]]);
  });

  it("reads 'the financial year' and 'last fiscal year' from the article's year, and a year before it", () => {
    expect(brief(timexes("Revenue for this fiscal year will rise, after a loss last fiscal year.", "2021-04-12"))).toEqual([
      ["this fiscal year", "FY2021"],
      ["last fiscal year", "FY2020"],
    ]);
    expect(
      brief(timexes("The very beginning of the financial year marked a doubling of the profit compared to the same period of the last year.", "2007-01-18")),
    ).toEqual([
      ["The very beginning of the financial year", "FY2007", "START"],
      ["the same period of the last year", "FY2006"],
    ]);
  });
});
