/**
 * A preview is a promise: `radar crawl --dry-run` must show the documents `radar crawl` stores for the
 * same pages — reviewer profile pages included (their reviews are the page's items).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop, type DemoShop } from '../demo/shop.js';
import { starterConfigYaml } from '../demo/starter-config.js';
import { radar, tempDir } from './cli.js';

interface Doc {
  _id: string;
  body: string;
  authorKey?: string;
  rating?: unknown;
  url: string;
  product?: string;
}

const pick = (d: Doc) => ({ _id: d._id, body: d.body, authorKey: d.authorKey, rating: d.rating, url: d.url, product: d.product });

describe('the dry-run preview', () => {
  let shop: DemoShop;
  let cwd: string;
  const env = { RADAR_AUTHOR_SALT: 'preview-test-salt' };

  beforeAll(async () => {
    shop = await startDemoShop({ port: 0 });
    cwd = tempDir('radar-preview-');
    writeFileSync(join(cwd, 'radar.yaml'), starterConfigYaml(shop.url));
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('gives the same documents as the crawl stores, reviewer profiles included', async () => {
    // A static source whose reviewers have profile pages (profiles: true in the starter config).
    const source = 'copperleaf-pour-kettle-reviews';
    const preview = await radar(['crawl', '--source', source, '--dry-run', '--json'], { cwd, env });
    expect(preview.code, preview.stderr).toBe(0);
    const previewed = preview.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc);

    const crawl = await radar(['crawl', '--source', source], { cwd, env });
    expect(crawl.code, crawl.stderr).toBe(0);
    const exported = await radar(['export', '--format', 'jsonl'], { cwd, env });
    expect(exported.code, exported.stderr).toBe(0);
    const stored = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc);

    expect(previewed.length).toBeGreaterThan(10);
    const byId = (a: Doc, b: Doc) => a._id.localeCompare(b._id);
    // The preview repeats a document met twice (a review on its product page and on its author's profile); the store keeps one.
    const unique = [...new Map(previewed.map((d) => [d._id, d])).values()];
    expect(unique.map(pick).sort(byId)).toEqual(stored.map(pick).sort(byId));
  });
});
