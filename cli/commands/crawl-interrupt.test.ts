/**
 * Ctrl-C on a one-shot `radar crawl` (embedded store): the run is recorded as interrupted, not
 * complete, and the next crawl — incremental by default — pages through everything instead of
 * stopping at the first page it knows.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { radar, tempDir } from '../../test/cli.js';
import { startReviewSite, type ReviewSite } from '../../test/review-site.js';
import { startRadar } from '../../test/test-kit.js';

describe('radar crawl interrupted with Ctrl-C', () => {
  let site: ReviewSite | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  it('records the run as failed, and the next incremental crawl stores every review', async () => {
    site = await startReviewSite({ products: [{ id: 'mugs', pages: 6, perPage: 3 }], delayMs: 600 });
    const cwd = tempDir('radar-ctrlc-');
    writeFileSync(
      join(cwd, 'radar.yaml'),
      `project: ctrlc
brands:
  - id: acme
    name: Acme
    own: true
    products:
      - id: mug
        name: Mug
        sources: [{ id: mugs, urls: ["${site.reviewsUrl('mugs')}"], render: static }]
crawl: { delayMs: 0 }
`,
    );
    const first = startRadar(['crawl'], { cwd });
    // Two review pages served (of six): the crawl is under way.
    const served = () => [...site!.hits.values()].reduce((a, b) => a + b, 0);
    for (let waited = 0; served() < 2 && waited < 30_000; waited += 50) await new Promise((ok) => setTimeout(ok, 50));
    first.child.kill('SIGINT');
    const { code } = await first.exited;
    expect(code).not.toBe(0);
    expect(first.stderr()).toContain('the crawl was interrupted (SIGINT)');

    const runs = (await radar(['runs', '--json'], { cwd })).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; stats: { documentsFound: number } });
    expect(runs.map((r) => r.status)).toEqual(['failed']);
    expect(runs[0]!.stats.documentsFound).toBeLessThan(18);

    site.setDelay(0);
    const second = await radar(['crawl'], { cwd });
    expect(second.code, second.stderr).toBe(0);
    const stored = (await radar(['export'], { cwd })).stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { siteId: string }).siteId.split('#')[1]);
    expect(stored.sort()).toEqual(site.reviewIds().sort());
  }, 60_000);
});
