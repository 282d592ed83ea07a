// The `articleLens.*` settings as the client sends them (anything, possibly hand-edited JSON) → a complete,
// valid `Settings`. A wrong value falls back to its default instead of breaking the server.
import { DEFAULT_SETTINGS, type Settings } from "../protocol";
import { globMatcher } from "./glob";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readSettings(raw: unknown): Settings {
  const r = isObject(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  const dates: Record<string, string> = {};
  if (isObject(r.dates)) {
    for (const [pattern, value] of Object.entries(r.dates)) if (typeof value === "string" && DATE.test(value)) dates[pattern] = value;
  }
  const inlay = isObject(r.inlayHints) ? r.inlayHints.enabled : undefined;
  return {
    files: stringList(r.files) ?? d.files,
    exclude: stringList(r.exclude) ?? d.exclude,
    inlayHints: { enabled: typeof inlay === "boolean" ? inlay : d.inlayHints.enabled },
    hover: { maxArticles: count(r.hover, "maxArticles", d.hover.maxArticles, 0) },
    definition: { maxArticles: count(r.definition, "maxArticles", d.definition.maxArticles, 1) },
    references: { maxResults: count(r.references, "maxResults", d.references.maxResults, 1) },
    timeline: { maxEntries: count(r.timeline, "maxEntries", d.timeline.maxEntries, 1) },
    dates,
    debounceMs: typeof r.debounceMs === "number" && r.debounceMs >= 0 ? r.debounceMs : d.debounceMs,
  };
}

/** Which workspace-relative paths are articles under these settings. */
export function articleMatcher(settings: Settings): (relativePath: string) => boolean {
  const include = globMatcher(settings.files);
  const exclude = globMatcher(settings.exclude);
  return (path) => include(path) && !exclude(path);
}

/** The `articleLens.dates` entry for a file: an exact path or name first, then the first matching glob. */
export function dateFor(settings: Settings, relativePath: string): string | undefined {
  const base = relativePath.slice(relativePath.lastIndexOf("/") + 1);
  const exact = settings.dates[relativePath] ?? settings.dates[base];
  if (exact) return exact;
  for (const [pattern, date] of Object.entries(settings.dates)) if (globMatcher([pattern])(relativePath)) return date;
  return undefined;
}

/** True when the two settings would index different files or analyse them differently. */
export function indexingChanged(a: Settings, b: Settings): boolean {
  const key = (s: Settings) => JSON.stringify([s.files, s.exclude, s.dates]);
  return key(a) !== key(b);
}

/** A whole number of at least `min` at `section.key`, else the default. */
function count(section: unknown, key: string, fallback: number, min: number): number {
  const value = isObject(section) ? section[key] : undefined;
  return typeof value === "number" && value >= min ? Math.floor(value) : fallback;
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
