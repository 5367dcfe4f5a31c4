import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../../test/cli.js';
import type { ValidationReport } from '../../analyzers/evaluation/validate.js';

// The labelled sets live beside the project (../shared/data); they are read, never copied in.
const DATA = resolve('..', 'shared', 'data');
const hasData = existsSync(join(DATA, 'en-uci-sentences'));

describe.skipIf(!hasData && !process.env.CI)('radar validate', () => {
  it('measures held-out UCI sentences beside the sentiment package and VADER, and meets the bar', async () => {
    const run = await radar(['validate', '--data', DATA, '--only', 'uci', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ValidationReport;
    const [m] = report.metrics;
    expect(report.metrics).toHaveLength(1);
    expect(m!.set).toBe('en-uci-sentences');
    // 20% of 2,000 sentences, chosen by hash: never trained on.
    expect(m!.n).toBeGreaterThan(300);
    expect(m!.n).toBeLessThan(500);
    expect(m!.radar).toBeGreaterThanOrEqual(0.85);
    expect(m!.sentiment).toBeLessThan(0.75);
    expect(m!.radar - m!.sentiment!).toBeGreaterThan(0.1);
    expect(m!.met).toBe(true);
  });

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
