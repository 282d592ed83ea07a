// Absolute calendar dates written out in full ("2023-06-16", "June 16, 2023", "16 June 2023", "Jun. 16, 2023").
// Used to read an article's own date from front matter, datelines and "Published" lines.

export const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
] as const;

/** Month number (1-12) for a month name or its usual abbreviation ("Sept.", "Jun"), else 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w === "sept") return 9;
  return MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w))) + 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const MONTH_RE = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => string | null }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/g, read: (m) => isoDate(+m[1]!, +m[2]!, +m[3]!) },
  { re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "gi"), read: (m) => isoDate(+m[3]!, monthNumber(m[1]!), +m[2]!) },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, "gi"), read: (m) => isoDate(+m[3]!, monthNumber(m[2]!), +m[1]!) },
  { re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/g, read: (m) => isoDate(+m[1]!, +m[2]!, +m[3]!) },
];

export interface FoundDate {
  value: string;
  index: number;
  text: string;
}

/** Every full calendar date written in `text`, in text order. */
export function findCalendarDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = read(m);
      if (value) found.push({ value, index: m.index, text: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A date in a file name: "2023-06-16-title.txt", "20230616_title.txt", "2023_06_16.txt". */
export function dateInFileName(path: string): string | null {
  const name = path.split(/[\\/]/).pop() ?? "";
  const m = /(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(name);
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}
