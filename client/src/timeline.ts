// The "Timeline: <name>" panel: an entity's dated sentences across the folder (the server's articleLens/timeline
// answer), grouped by month under a strip of entries per month, filterable by a name said with it. A webview with a
// strict Content-Security-Policy: no remote resources, one script and one style, both with this page's nonce; the
// article text it shows is set as text by that script, never parsed as HTML.
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { TimelineResult } from "../../server/src/protocol";

/**
 * Messages the page posts back: open an entry (or the other article of a "dates differ" pair), or show the next
 * entries after the `offset` first.
 */
type PageMessage =
  | { type: "open"; uri: string; line: number; character: number; endLine: number; endCharacter: number }
  | { type: "more"; offset: number };

/** Asks the server for the entries of a timeline from `offset` on (the next page). */
export type NextEntries = (entity: string, offset: number) => Promise<TimelineResult | null>;

const panels = new Map<string, vscode.WebviewPanel>();

/** Shows (or refreshes) the panel of this entity's timeline. */
export function showTimelinePanel(result: TimelineResult, next: NextEntries): vscode.WebviewPanel {
  const title = `Timeline: ${result.entity.name}`;
  let panel = panels.get(result.entity.id);
  if (panel) panel.reveal(vscode.ViewColumn.Beside, false);
  else {
    panel = vscode.window.createWebviewPanel("articleLens.timeline", title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [],
    });
    const created = panel;
    panels.set(result.entity.id, created);
    created.onDidDispose(() => panels.delete(result.entity.id));
    created.webview.onDidReceiveMessage(async (message: PageMessage) => {
      if (message?.type === "more") {
        const page = await next(result.entity.id, message.offset);
        if (page) await created.webview.postMessage({ type: "page", page });
      } else await openEntry(message);
    });
  }
  panel.title = title;
  panel.webview.html = page(result, panel.webview.cspSource);
  return panel;
}

async function openEntry(message: PageMessage): Promise<void> {
  if (message?.type !== "open" || typeof message.uri !== "string") return;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One, preview: false });
  // The sentence selected, the cursor at its start (where reading begins): a `selection` option would put it at the end.
  editor.selection = new vscode.Selection(message.endLine, message.endCharacter, message.line, message.character);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function page(result: TimelineResult, cspSource: string): string {
  const nonce = randomBytes(16).toString("base64");
  // JSON inside a script element: "<" escaped so no text of an article can close the element.
  const data = JSON.stringify(result).replace(/</g, "\\u003c");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Timeline</title>
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 24px; }
  h1 { font-size: 1.3em; margin: 12px 0 4px; }
  h2 { font-size: 1.05em; margin: 18px 0 6px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); padding-bottom: 2px; }
  .summary, .meta { color: var(--vscode-descriptionForeground); }
  .strip { display: block; margin: 10px 0; }
  .strip rect { fill: var(--vscode-charts-blue, var(--vscode-textLink-foreground)); }
  .strip text { fill: var(--vscode-descriptionForeground); font-size: 10px; }
  label { margin-right: 6px; }
  select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 4px; }
  ol { list-style: none; padding: 0; margin: 0; }
  li { margin: 0 0 6px; }
  button.entry { all: unset; display: block; box-sizing: border-box; width: 100%; padding: 6px 8px; border-radius: 3px; cursor: pointer; }
  button.entry:hover { background: var(--vscode-list-hoverBackground); }
  button.entry:focus { outline: 1px solid var(--vscode-focusBorder); background: var(--vscode-list-focusBackground, var(--vscode-list-hoverBackground)); }
  .date { font-weight: 600; margin-right: 8px; }
  .source { font-size: 0.85em; color: var(--vscode-descriptionForeground); }
  .sentence strong { color: var(--vscode-textLink-foreground); }
  .differ { color: var(--vscode-editorWarning-foreground, var(--vscode-errorForeground)); margin-left: 8px; font-size: 0.9em; }
  button.pair { all: unset; cursor: pointer; text-decoration: underline; color: var(--vscode-textLink-foreground); margin-left: 4px; }
  button.pair:focus { outline: 1px solid var(--vscode-focusBorder); }
  button.more { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
  button.more:hover { background: var(--vscode-button-hoverBackground); }
  button.more:focus { outline: 1px solid var(--vscode-focusBorder); }
</style>
</head>
<body>
<h1 id="title"></h1>
<div class="summary" id="summary"></div>
<svg class="strip" id="strip" role="img" aria-label="Entries per month"></svg>
<div><label for="filter">Said with</label><select id="filter"></select></div>
<div id="list"></div>
<p><button id="more" class="more" hidden></button></p>
<script type="application/json" id="data" nonce="${nonce}">${data}</script>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  const data = JSON.parse(document.getElementById("data").textContent);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };
  document.getElementById("title").textContent = "Timeline: " + data.entity.name;
  const more = document.getElementById("more");
  const pageSize = Math.max(1, data.entries.length);
  function summarise() {
    const shown = data.entries.length;
    document.getElementById("summary").textContent = data.total + (data.total === 1 ? " dated sentence" : " dated sentences") +
      (shown < data.total ? " — the first " + shown + " shown" : "") + " · Enter opens, ↑ ↓ move";
    more.hidden = shown >= data.total;
    more.textContent = "Show the next " + Math.min(pageSize, data.total - shown) + " (" + (data.total - shown) + " not shown)";
  }
  summarise();
  more.addEventListener("click", () => {
    more.disabled = true;
    vscode.postMessage({ type: "more", offset: data.entries.length });
  });
  window.addEventListener("message", (event) => {
    const message = event.data;
    if (message?.type !== "page") return;
    data.entries.push(...message.page.entries);
    Object.assign(data.names, message.page.names);
    more.disabled = false;
    refreshFilter();
    render();
    summarise();
  });

  // The strip: one bar per month, over every entry (not only those shown).
  const svg = document.getElementById("strip");
  const ns = "http://www.w3.org/2000/svg";
  const max = Math.max(1, ...data.months.map((m) => m.count));
  const PITCH = 40;
  const width = Math.max(1, data.months.length) * PITCH;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", "70");
  data.months.forEach((m, i) => {
    const h = Math.max(2, Math.round((m.count / max) * 44));
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", String(i * PITCH + 6)); rect.setAttribute("y", String(50 - h));
    rect.setAttribute("width", String(PITCH - 12)); rect.setAttribute("height", String(h));
    const tip = document.createElementNS(ns, "title"); tip.textContent = m.month + ": " + m.count;
    rect.append(tip);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(i * PITCH + PITCH / 2)); label.setAttribute("y", "64");
    label.setAttribute("text-anchor", "middle");
    label.textContent = m.month.length > 4 ? m.month.slice(2) : m.month;
    svg.append(rect, label);
  });

  const filter = document.getElementById("filter");
  function refreshFilter() {
    const chosen = filter.value;
    const counts = new Map();
    for (const e of data.entries) for (const id of new Set(e.coMentioned)) counts.set(id, (counts.get(id) || 0) + 1);
    filter.replaceChildren(el("option", { value: "" }, "anyone"));
    [...counts].sort((a, b) => b[1] - a[1] || (data.names[a[0]] || "").localeCompare(data.names[b[0]] || "")).forEach(([id, n]) => {
      filter.append(el("option", { value: id }, (data.names[id] || id) + " (" + n + ")"));
    });
    filter.value = chosen;
  }
  refreshFilter();

  const open = (uri, range) => vscode.postMessage({ type: "open", uri, line: range.start.line, character: range.start.character, endLine: range.end.line, endCharacter: range.end.character });
  const fileName = (uri) => decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));

  function sentenceOf(e) {
    const node = el("span", { class: "sentence" });
    let at = 0;
    for (const m of [...e.mentions].sort((a, b) => a.start - b.start)) {
      if (m.start < at) continue;
      node.append(e.sentence.slice(at, m.start), el("strong", {}, e.sentence.slice(m.start, m.end)));
      at = m.end;
    }
    node.append(e.sentence.slice(at));
    return node;
  }

  function render() {
    const only = filter.value;
    const list = document.getElementById("list");
    list.replaceChildren();
    let month = null, ol = null;
    data.entries.forEach((e, i) => {
      if (only && !e.coMentioned.includes(only)) return;
      const m = e.date.slice(0, 7);
      if (m !== month) { month = m; list.append(el("h2", {}, m)); ol = el("ol"); list.append(ol); }
      const source = e.dateSource === "sentence" ? "“" + (e.dateText || e.date) + "”" : "article date";
      const entry = el("button", { class: "entry", "data-index": String(i), "aria-label": e.date + ": " + e.sentence },
        el("div", {}, el("span", { class: "date" }, e.date), el("span", { class: "source" }, source)),
        el("div", {}, sentenceOf(e)),
        el("div", { class: "meta" }, (e.headline || fileName(e.uri)) +
          (e.coMentioned.length ? " · with " + e.coMentioned.map((id) => data.names[id] || id).join(", ") : "")));
      entry.addEventListener("click", () => open(e.uri, e.range));
      const li = el("li", {}, entry);
      if (e.datesDiffer.length) {
        const note = el("div", { class: "differ" }, "⚠ dates differ:");
        for (const other of e.datesDiffer) {
          const pair = el("button", { class: "pair", title: "Open the other article's sentence" }, other.date + " in " + fileName(other.uri));
          pair.addEventListener("click", () => open(other.uri, other.range));
          note.append(pair);
        }
        li.append(note);
      }
      ol.append(li);
    });
  }
  filter.addEventListener("change", render);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const entries = [...document.querySelectorAll("button.entry")];
    if (entries.length === 0) return;
    const at = entries.indexOf(document.activeElement);
    const next = event.key === "ArrowDown" ? Math.min(entries.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
    entries[next].focus();
    event.preventDefault();
  });
  render();
  document.querySelector("button.entry")?.focus();
})();
</script>
</body>
</html>`;
}
