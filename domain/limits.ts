/** Limits on input that the config and the analyzers share. */

/** Longest text analysed by default, in characters (analysis.maxTextChars, radar score --max-chars). */
export const DEFAULT_MAX_TEXT_CHARS = 50_000;

/**
 * Most pages one crawl of a source may fetch (`maxPages`, `radar crawl --max-pages`). Here rather than
 * in the config schema: the CLI reads it when its commands are listed, and the schema loads zod.
 */
export const MAX_PAGES = 100_000;
