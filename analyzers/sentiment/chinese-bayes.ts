/**
 * A lean for Chinese texts in which the lexicon finds no opinion word: jiagu's naive-Bayes word
 * counts (MIT; converted by scripts/import-jiagu-counts.ts into models/zh-naive-bayes.tsv). Learned
 * from short chat utterances, they read reviews worse than the lexicon does (about two in three
 * right alone), so they only break the lexicon's silence: the label stays neutral and the score
 * keeps a small signed lean, as for an English text without opinion words. Read on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Sentence } from '../record.js';
import { modelFolder } from './model.js';

interface Counts {
  /** Log of each class's total (positive, negative). */
  logTotals: [number, number];
  /** Per word: log(positive count) − log(negative count), add-one counts as jiagu keeps them. */
  logRatio: Map<string, number>;
}

let counts: Counts | null | undefined;

function load(): Counts | null {
  if (counts !== undefined) return counts;
  const file = resolve(modelFolder(), 'zh-naive-bayes.tsv');
  if (!existsSync(file)) return (counts = null);
  const logRatio = new Map<string, number>();
  let logTotals: [number, number] = [0, 0];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, pos, neg] = line.split('\t');
    if (!word || pos === undefined || neg === undefined) continue;
    if (word === '#totals') logTotals = [Math.log(Number(pos)), Math.log(Number(neg))];
    else logRatio.set(word, Math.log(Number(pos)) - Math.log(Number(neg)));
  }
  counts = { logTotals, logRatio };
  return counts;
}

/** The naive-Bayes log-odds of positive for the words of Chinese sentences (0 when the counts are missing). */
export function chineseLogOdds(sentences: readonly Sentence[]): number {
  const c = load();
  if (!c) return 0;
  const [pos, neg] = c.logTotals;
  // Prior, then per word its ratio; an unseen word has count 1 in both classes, so only the totals differ.
  let odds = pos - neg;
  for (const s of sentences) {
    for (const t of s.tokens) {
      if (t.kind !== 'word') continue;
      odds += (c.logRatio.get(t.norm) ?? 0) - pos + neg;
    }
  }
  return odds;
}
