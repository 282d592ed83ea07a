// Glob patterns as VS Code settings write them (`**/*.txt`, `{news,wires}/**`, `*.article`).
// Our own small matcher rather than a dependency: the server runs in VS Code's bundled Node, which may predate
// `path.matchesGlob`, and the patterns users write in settings need only this much.

/** `**` any folders, `*` any characters but `/`, `?` one character, `{a,b}` alternatives, `[abc]` a class. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        // "**/" matches zero or more whole folders; a trailing "**" matches everything below.
        const slash = glob[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, process.platform === "win32" || process.platform === "darwin" ? "i" : "");
}

/**
 * A predicate over workspace-relative paths (forward slashes). A pattern without a `/` also matches the file's
 * base name in any folder, as `.gitignore` does: `000_x.txt` names a file wherever it is.
 */
export function globMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const compiled = patterns.map((p) => ({ re: globToRegExp(p.replace(/^\.?\//, "")), baseName: !p.includes("/") }));
  return (path) => {
    const base = path.slice(path.lastIndexOf("/") + 1);
    return compiled.some(({ re, baseName }) => re.test(path) || (baseName && re.test(base)));
  };
}
