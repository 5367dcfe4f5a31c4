/** Limits on input that the config and the analyzers share. */

/** Longest text analysed by default, in characters (analysis.maxTextChars, radar score --max-chars). */
export const DEFAULT_MAX_TEXT_CHARS = 50_000;
