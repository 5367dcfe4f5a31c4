import { describe, expect, it } from 'vitest';
import type { CrawlRun } from '../domain/types.js';
import { viewRuns } from './runs-view.js';

function run(id: string, day: number, pages: number, found: number, status: CrawlRun['status'] = 'ok'): CrawlRun {
  const startedAt = new Date(Date.UTC(2026, 2, day, 6)).toISOString();
  return {
    _id: id,
    sourceId: 'shop',
    startedAt,
    finishedAt: new Date(Date.parse(startedAt) + 42_000).toISOString(),
    status,
    stats: {
      pagesFetched: pages,
      pagesFailed: 0,
      pagesBlocked: 0,
      pagesSkipped: 0,
      documentsFound: found,
      documentsNew: 0,
      documentsUpdated: 0,
      documentsUnchanged: found,
    },
    errors: [],
  };
}

describe('the runs view', () => {
  it('warns when a run finds far fewer items per page than the runs before it', () => {
    const views = viewRuns([run('d', 4, 10, 12), run('c', 3, 10, 98), run('b', 2, 10, 101), run('a', 1, 10, 99)]);
    expect(views[0]!.warning).toMatch(/found 12 items on 10 pages — 1\.2 a page against 9\.9/);
    expect(views.slice(1).every((v) => !v.warning)).toBe(true);
    expect(views[0]!.durationSecs).toBe(42);
  });

  it('does not take an incremental crawl that stopped early at known reviews for a change', () => {
    // One page of ten reviews against full crawls of ten pages: the same yield per page.
    const views = viewRuns([run('c', 3, 1, 10), run('b', 2, 10, 100), run('a', 1, 10, 99)]);
    expect(views[0]!.warning).toBeUndefined();
  });

  it('tells pages robots.txt kept it from apart from pages past the page cap', () => {
    const r = run('a', 1, 3, 30);
    r.stats.pagesSkipped = 5;
    r.errors = [
      {
        url: 'https://shop.example/p/9',
        message: "not fetched: the site's robots.txt disallows it (sources.robots: ignore only where you may crawl anyway)",
      },
      { url: 'https://shop.example/p/8', message: 'HTTP 500' },
    ];
    expect(viewRuns([r])[0]!.robotsBlocked).toBe(1);
  });

  it('needs two earlier runs before it compares, and flags a first run that found nothing', () => {
    expect(viewRuns([run('b', 2, 10, 2), run('a', 1, 10, 100)])[0]!.warning).toBeUndefined();
    expect(viewRuns([run('a', 1, 3, 0)])[0]!.warning).toContain('no items found');
  });
});
