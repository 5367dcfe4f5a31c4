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

/** Tab-separated "token<TAB>valence" lines, as the scorers parse them. */
export const VADER_LEXICON_TSV: string = readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.includes('\t'))
  .map((line) => line.split('\t').slice(0, 2).join('\t'))
  .join('\n');
