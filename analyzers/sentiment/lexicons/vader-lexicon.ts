/**
 * The VADER sentiment lexicon: 7,500 English words, slang and emoticons with mean valence in [-4, 4].
 * Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
 * Social Media Text. ICWSM-14. Lexicon © C.J. Hutto, MIT License; read at load time from the
 * `vader-sentiment` package's vader_lexicon.txt (Apache-2.0, © 2018 Comcast Cable Communications
 * Management, LLC) — the token and mean columns only. Edit the domain lexicon (english.ts), not this.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let entries: (readonly [string, number])[] | undefined;

/** VADER's entries as [token, mean valence], read once on first use. */
export function vaderLexicon(): readonly (readonly [string, number])[] {
  if (entries) return entries;
  const text = readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8');
  entries = [];
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < end) {
      const next = text.indexOf('\t', tab + 1);
      entries.push([text.slice(at, tab), Number(text.slice(tab + 1, next > tab && next < end ? next : end))]);
    }
    at = end + 1;
  }
  return entries;
}
