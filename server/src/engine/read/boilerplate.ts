// Web boilerplate that scrapers leave in article text. Such lines still get their names found (a teaser
// does mention the FBI), but they are not the article's subject: identity resolution does not learn from them.

export interface BoilerplateRule {
  kind: string;
  /** Tested against one trimmed line. */
  re: RegExp;
}

export const BOILERPLATE_RULES: BoilerplateRule[] = [
  { kind: "comments", re: /^(leave a (reply|comment)|add a comment|post a comment|comments are closed|\d+ comments?|show comments|join the conversation|your email address will not be published)\b/i },
  { kind: "teaser", re: /^(read more|read also|related|see also|more from|also read|recommended|watch|trending|extra (should|must)[- ]reads?|more must[- ]reads?)\b\s*[:|—–-]?/i },
  { kind: "contact", re: /^write to .{2,80}? at \S+@\S+/i },
  { kind: "social", re: /\b(follow (us|him|her|them) on|share (this|on)|like us on|subscribe to (our|the)|sign up for (our|the)|we are (also )?on (facebook|twitter|instagram))\b/i },
  { kind: "about", re: /^about (the author|[\p{Lu}][\p{L}'’-]+( [\p{Lu}][\p{L}'’-]+){0,3}\s*(\(|$))/iu },
  { kind: "legal", re: /^(©|copyright\b|all rights reserved\b)/i },
  { kind: "advert", re: /^(advertisement|sponsored( content)?|click here)\b/i },
];

export function boilerplateKind(line: string): string | null {
  for (const rule of BOILERPLATE_RULES) if (rule.re.test(line)) return rule.kind;
  return null;
}
