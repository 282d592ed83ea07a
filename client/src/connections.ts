// The Explorer's "Article Connections" view: for the active article, the articles sharing the most names with it,
// then its people, places, organisations and other names with counts; under each name, the other articles naming
// it, at the sentence that does. Follows the active editor, and the index (the status notifications).
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import {
  CONNECTIONS_REQUEST,
  ENTITY_ARTICLES_REQUEST,
  type ConnectionsResult,
  type EntityArticlesParams,
  type EntityArticlesResult,
  type LinkedArticle,
} from "../../server/src/protocol";

type Entity = ConnectionsResult["entities"][number];
type Node =
  | { kind: "related"; uri: string; articles: LinkedArticle[] }
  | { kind: "group"; uri: string; label: string; entities: Entity[] }
  | { kind: "entity"; uri: string; entity: Entity }
  | { kind: "article"; uri: string; range: LinkedArticle["range"]; label: string; description: string; tooltip: string }
  | { kind: "note"; label: string };

const GROUPS: [type: string, label: string][] = [
  ["person", "People"],
  ["place", "Places"],
  ["organization", "Organisations"],
  ["other", "Other names"],
];

export class ConnectionsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** The active article or the index changed: asked again (a burst of changes makes one refresh). */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), 150);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case "related": {
        const item = new vscode.TreeItem(`Related articles (${node.articles.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon("references");
        return item;
      }
      case "group": {
        const item = new vscode.TreeItem(`${node.label} (${node.entities.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon("symbol-namespace");
        return item;
      }
      case "entity": {
        const { entity } = node;
        const item = new vscode.TreeItem(entity.name, entity.otherArticles > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = `${entity.mentions} here · ${entity.otherArticles} other ${entity.otherArticles === 1 ? "article" : "articles"}`;
        item.iconPath = new vscode.ThemeIcon(entity.type === "person" ? "person" : entity.type === "place" ? "location" : entity.type === "organization" ? "organization" : "tag");
        item.contextValue = "articleLens.entity";
        item.id = `${node.uri}#${entity.id}`;
        return item;
      }
      case "article": {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon("file-text");
        const range = new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character);
        item.command = { command: "vscode.open", title: "Open", arguments: [vscode.Uri.parse(node.uri), { selection: range, preview: true } satisfies vscode.TextDocumentShowOptions] };
        return item;
      }
      case "note":
        return new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    }
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const client = this.client();
    const editor = vscode.window.activeTextEditor;
    if (!client || !client.isRunning()) return [{ kind: "note", label: "Article Lens is starting…" }];
    if (!node) {
      if (!editor) return [{ kind: "note", label: "Open an article to see what connects it to the folder." }];
      const uri = editor.document.uri.toString();
      const result = await client.sendRequest<ConnectionsResult | null>(CONNECTIONS_REQUEST, { textDocument: { uri } }).catch(() => null);
      if (!result) return [{ kind: "note", label: "The active file is not an indexed article." }];
      const groups = GROUPS.flatMap(([type, label]): Node[] => {
        const entities = result.entities.filter((e) => e.type === type);
        return entities.length > 0 ? [{ kind: "group", uri, label, entities }] : [];
      });
      return [{ kind: "related", uri, articles: result.related }, ...groups];
    }
    switch (node.kind) {
      case "related":
        if (node.articles.length === 0) return [{ kind: "note", label: "No other article shares a name with this one." }];
        return node.articles.map((a) => ({
          kind: "article",
          uri: a.uri,
          range: a.range,
          label: a.headline ?? fileName(a.uri),
          description: `${a.shared.length} shared: ${a.shared.slice(0, 4).join(", ")}${a.shared.length > 4 ? "…" : ""}`,
          tooltip: `Shares ${a.shared.join(", ")}`,
        }));
      case "group":
        return node.entities.map((entity) => ({ kind: "entity", uri: node.uri, entity }));
      case "entity": {
        const params: EntityArticlesParams = { entity: node.entity.id, textDocument: { uri: node.uri } };
        const result = await client.sendRequest<EntityArticlesResult>(ENTITY_ARTICLES_REQUEST, params).catch(() => undefined);
        if (!result) return [];
        const children: Node[] = result.articles.map((a) => ({
          kind: "article",
          uri: a.uri,
          range: a.range,
          label: a.headline ?? fileName(a.uri),
          description: a.sentence,
          tooltip: a.sentence,
        }));
        if (result.total > result.articles.length) children.push({ kind: "note", label: `…and ${result.total - result.articles.length} more` });
        return children;
      }
      default:
        return [];
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
}
