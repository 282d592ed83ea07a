// The engine's public face: everything outside server/src/engine imports from here or, for the analysis itself, from
// ./analyze, never from another module inside it (test/architecture.test.ts fails on such an import; the engine's
// own unit tests in test/engine/ are its inside). The two are apart because importing this one costs nothing, while
// ./analyze loads compromise and the word lists: the language server's main thread, whose workers analyse, needs
// only this one.

export * from "./types";
export { ENGINE_VERSION } from "./version";
export { decodeArticle, type DecodedArticle, type DecodeOptions } from "./read/decode";
export { offsetIn, positionIn } from "./read/layout";
export { entityKey, GENERIC_HEADS, nameKey, nameTokens, slug } from "./entities/names";
export { demonymCountry, gazetteerStats, givenName, placeFacts, surname } from "./entities/gazetteers";
