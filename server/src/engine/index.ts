// The engine's public face: what the CLI, the language server and the tests may use.
export * from "./types";
export { analyzeArticle, ENGINE_VERSION } from "./analyze";
