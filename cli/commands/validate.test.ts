import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../../test/cli.js';
import type { ValidationReport } from '../../analyzers/evaluation/validate.js';

// The labelled sets live beside the project (../shared/data); they are read, never copied in.
const DATA = resolve('..', 'shared', 'data');
const hasData = existsSync(join(DATA, 'en-uci-sentences'));

describe.skipIf(!hasData && !process.env.CI)('radar validate', () => {
  it('scores the UCI sentences with a model trained without them, beside the sentiment package and VADER', async () => {
    // A data folder with the UCI sentences and two VADER sets: the model measured on UCI learns from the VADER sets alone.
    const dir = tempDir();
    for (const [folder, files] of [
      ['en-uci-sentences', ['amazon_cells_labelled.txt', 'yelp_labelled.txt']],
      ['en-vader-ground-truth', ['tweets_GroundTruth.txt', 'amazonReviewSnippets_GroundTruth.txt']],
    ] as const) {
      mkdirSync(join(dir, folder));
      for (const f of files) symlinkSync(join(DATA, folder, f), join(dir, folder, f));
    }
    const run = await radar(['validate', '--data', dir, '--only', 'uci', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ValidationReport;
    expect(report.metrics).toHaveLength(1);
    const [m] = report.metrics;
    expect(m!.set).toBe('en-uci-sentences');
    expect(m!.note).toMatch(/trained without uci/);
    expect(m!.n).toBe(2000);
    expect(m!.radar - m!.sentiment!).toBeGreaterThan(0.1);
    expect(m!.radar).toBeGreaterThan(m!.vader!);
  }, 120_000);

  it('prints a table, names the sets it did not find, and --check fails on a missed bar', async () => {
    // A data folder holding only the tweets: the table has the tweet row and lists what is missing.
    const dir = tempDir();
    mkdirSync(join(dir, 'en-airline-tweets'));
    symlinkSync(join(DATA, 'en-airline-tweets', 'tweets.csv'), join(dir, 'en-airline-tweets', 'tweets.csv'));
    const run = await radar(['validate', '--data', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\| en-airline-tweets \| tweets, 3-class macro-F1/);
    expect(run.stdout).toMatch(/Not found under .*en-uci-sentences/);
    const check = await radar(['validate', '--data', dir, '--check', '--json']);
    const report = JSON.parse(check.stdout) as ValidationReport;
    expect(check.code).toBe(report.metrics.every((m) => m.met !== false) ? 0 : 1);
  });
});

describe('radar validate input errors', () => {
  it('says which folder is missing and exits 2', async () => {
    const run = await radar(['validate', '--data', 'no-such-folder']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-such-folder not found: pass --data DIR/);
    expect(run.stdout).toBe('');
  });

  it('rejects an --only that matches no set, listing the known ones', async () => {
    const run = await radar(['validate', '--data', tempDir(), '--only', 'klingon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/known sets: en-uci-sentences/);
  });
});
