/**
 * A project file that would exhaust the machine is an invalid configuration like any other:
 * exit 78, the file named, every problem listed; never a crash, a hang or gigabytes of memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../test/cli.js';

function project(yaml: string): string {
  const cwd = tempDir('radar-limits-');
  writeFileSync(join(cwd, 'radar.yaml'), yaml);
  return cwd;
}

describe('radar.yaml limits', () => {
  it('refuses a YAML alias bomb with exit 78, naming the file', async () => {
    // Each level repeats the one before nine times: 9^8 copies of "lol" once expanded.
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const cwd = project(`${levels.join('\n')}\nbrands:\n  - id: brewlab\n    name: Brewlab\n`);
    const run = await radar(['analyze'], { cwd, timeoutMs: 30_000 });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain(join(cwd, 'radar.yaml'));
    expect(run.stderr).toMatch(/aliases .* expand to too much/);
  });

  it('refuses absurd numbers with the limit each key has', async () => {
    const cwd = project(
      [
        'brands:',
        '  - id: brewlab',
        '    name: Brewlab',
        '    sources:',
        '      - id: shop',
        '        urls: [https://shop.example/reviews]',
        '        maxPages: 1e9',
        'crawl:',
        '  concurrency: 100000',
        '  timeoutSecs: 1e400',
        '  delayMs: 99999999999',
        'analysis:',
        '  maxTextChars: 1e12',
        'privacy:',
        '  retentionDays: 1e400',
        'storage:',
        '  timeoutSecs: 86400',
      ].join('\n'),
    );
    const run = await radar(['analyze'], { cwd });
    expect(run.code).toBe(78);
    for (const problem of [
      'brands[0].sources[0].maxPages: at most 100,000, got 1,000,000,000',
      'crawl.concurrency: at most 100, got 100,000',
      'crawl.timeoutSecs: expected number, got a number too large to hold',
      'crawl.delayMs: at most 3,600,000',
      'analysis.maxTextChars: at most 10,000,000',
      'privacy.retentionDays: expected number, got a number too large to hold',
      'storage.timeoutSecs: at most 3,600, got 86,400',
    ])
      expect(run.stderr).toContain(problem);
  });

  it('refuses an absurd --max-pages on the command line', async () => {
    const run = await radar(['crawl', '--url', 'http://127.0.0.1:9/', '--dry-run', '--max-pages', '1000000000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-pages 1000000000: expected a whole number of at least 1 and at most 100,000');
  });
});
