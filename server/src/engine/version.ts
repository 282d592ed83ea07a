// The engine's version on its own, so code that only needs the version (the analysis cache) does not load the
// engine and compromise with it.
declare const __ENGINE_HASH__: string | undefined;

/**
 * Differs whenever the same text may analyse differently: cached analyses of another version are ignored. The build
 * appends a hash of the engine's sources and libraries, so no one has to remember to bump it.
 */
export const ENGINE_VERSION = `0.1.0+${typeof __ENGINE_HASH__ === "string" ? __ENGINE_HASH__ : "dev"}`;
