/**
 * Retention deletes data, so only commands that write may run it: a user exporting or listing runs
 * must never lose documents by doing so, and a command that deletes says so.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../domain/document.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';
import { radar, tempDir } from './cli.js';

const policy = { salt: 'retention-cli-salt', storeAuthorNames: false, redactPII: true };

function review(siteId: string, body: string, fetchedAt: string) {
  return buildDocument(
    {
      kind: 'review',
      origin: 'crawl',
      sourceId: 'kettle-reviews',
      site: 'shop.example',
      url: `http://shop.example/kettle#${siteId}`,
      siteId,
      brand: 'acme',
      product: 'kettle',
      body,
      fetchedAt,
    },
    policy,
  );
}

const CONFIG = `project: retention-cli
brands:
  - id: acme
    name: Acme
    own: true
    products:
      - id: kettle
        name: Acme Kettle
privacy:
  retentionDays: 30
`;

describe('retention and commands', () => {
  it('never deletes in read-only commands; the first command that writes deletes and says how many', async () => {
    const cwd = tempDir('radar-retention-cli-');
    writeFileSync(join(cwd, 'radar.yaml'), CONFIG);
    const store = await EmbeddedStore.open(join(cwd, '.radar'));
    const longAgo = new Date(Date.now() - 90 * 86_400_000).toISOString();
    await store.upsertDocuments([
      review('r1', 'The spout dribbles on every pour, which is a shame.', longAgo),
      review('r2', 'Boils fast and the handle stays cool.', new Date().toISOString()),
    ]);
    await store.close();

    for (const args of [['export', '--format', 'jsonl'], ['runs']]) {
      const run = await radar(args, { cwd });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/retention/);
    }
    const before = await radar(['export', '--format', 'jsonl'], { cwd });
    expect(before.stdout.trim().split('\n')).toHaveLength(2);

    const analyze = await radar(['analyze'], { cwd });
    expect(analyze.code, analyze.stderr).toBe(0);
    expect(analyze.stderr).toMatch(/retention: 1 document first stored more than 30 days ago deleted/);
    const after = await radar(['export', '--format', 'jsonl'], { cwd });
    const bodies = after.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { body: string }).body);
    expect(bodies).toEqual(['Boils fast and the handle stays cool.']);
  });
});
