// One spelling per file. Editors and Node encode file URIs differently (VS Code writes `file:///c%3A/…` and
// escapes `!`, `(`, `@`; Node's `pathToFileURL` does not), so every uri is normalised once where it enters the
// server, and the same article is never indexed twice under two names.
import { fileURLToPath, pathToFileURL } from "node:url";
import { relative, sep } from "node:path";

export function normalizeUri(uri: string): string {
  const path = filePath(uri);
  return path === undefined ? uri : pathToFileURL(path).href;
}

/** The file system path of a `file:` uri, undefined for other schemes (untitled buffers). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * The path settings globs are matched against: relative to the workspace folder holding the file (forward
 * slashes), or the absolute path for a file outside every folder.
 */
export function settingsPath(path: string, folders: readonly string[]): string {
  for (const folder of folders) {
    const rel = relative(folder, path);
    if (rel && !rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel)) return rel.split(sep).join("/");
  }
  return path.split(sep).join("/");
}
