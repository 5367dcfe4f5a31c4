import { describe, expect, it } from 'vitest';
import type { CrawlRun } from '../../domain/types.js';
import { InputError, InterruptedError, PageError, UsageError } from '../../domain/errors.js';
import { crawlVerdict, isPermanent } from './crawl.js';

function failedRun(errors: CrawlRun['errors']): CrawlRun {
  return {
    _id: 'r1',
    sourceId: 'kettle-reviews',
    startedAt: '2026-01-01T00:00:00Z',
    status: 'failed',
    stats: {
      pagesFetched: 0,
      pagesFailed: errors.length,
      pagesBlocked: 0,
      pagesSkipped: 0,
      documentsFound: 0,
      documentsNew: 0,
      documentsUpdated: 0,
      documentsUnchanged: 0,
    },
    errors,
  };
}

describe('the crawl job decides retries from error kinds', () => {
  it('gives up at once when every page failed for a reason a retry cannot fix', () => {
    const v = crawlVerdict(
      failedRun([
        { url: 'https://shop.example/a', message: 'HTTP 404', kind: 'http-4xx' },
        { url: 'https://shop.example/b', message: 'page is larger than 10 MB', kind: 'too-large' },
      ]),
      'reviews',
    );
    expect(v).toHaveProperty('unrecoverable');
  });

  it('retries when any page failed for a passing reason, whatever its message says', () => {
    const v = crawlVerdict(
      failedRun([
        { url: 'https://shop.example/a', message: 'HTTP 404', kind: 'http-4xx' },
        { url: 'https://shop.example/b', message: 'HTTP 404 (the words do not decide)', kind: 'http-retry' },
      ]),
      'reviews',
    );
    expect(v).toHaveProperty('retry');
  });

  it('retries runs stored before errors had kinds', () => {
    expect(crawlVerdict(failedRun([{ url: 'https://shop.example/a', message: 'HTTP 404' }]), 'reviews')).toHaveProperty('retry');
  });

  it('treats usage, config and input errors as permanent, and interruptions and network trouble as passing', () => {
    expect(isPermanent(new UsageError('bad flag'))).toBe(true);
    expect(isPermanent(new InputError('unreadable'))).toBe(true);
    expect(isPermanent(new PageError('too-large', 'big'))).toBe(true);
    expect(isPermanent(new PageError('network', 'connection reset'))).toBe(false);
    expect(isPermanent(new InterruptedError('SIGTERM'))).toBe(false);
    expect(isPermanent(new Error('HTTP 404'))).toBe(false);
  });
});
