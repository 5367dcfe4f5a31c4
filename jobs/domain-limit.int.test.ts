import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { DomainLimit } from './domain-limit.js';
import { randomId } from '../test/test-kit.js';
import { testRedisUrl } from '../test/services.js';

const redisUrl = testRedisUrl();

if (redisUrl) {
  // Two connections stand for two worker processes: the limit lives in Redis, not in either.
  const a = new Redis(redisUrl);
  const b = new Redis(redisUrl);
  let prefix = '';
  afterEach(async () => {
    const keys = await a.keys(`${prefix}:domain:*`);
    if (keys.length) await a.del(...keys);
  });
  afterAll(() => {
    a.disconnect();
    b.disconnect();
  });

  describe('DomainLimit (Redis-backed, shared by every worker)', () => {
    it('never lets more than perHost fetches run at once on a host, across connections', async () => {
      prefix = randomId('dl');
      const opts = { prefix, perHost: 2, gapMs: 0, leaseMs: 10_000 };
      const limits = [new DomainLimit(a, opts), new DomainLimit(b, opts)];
      let now = 0;
      let peak = 0;
      await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const release = await limits[i % 2]!.acquire(`http://shop.test:8080/p/${i}`);
          now++;
          peak = Math.max(peak, now);
          await new Promise((ok) => setTimeout(ok, 40));
          now--;
          await release();
        }),
      );
      expect(peak).toBe(2);
      expect(await limits[0]!.held('shop.test:8080')).toBe(0);
    });

    it('keeps gapMs between two fetch starts on a host; other hosts are not held up', async () => {
      prefix = randomId('dl');
      const opts = { prefix, perHost: 10, gapMs: 120, leaseMs: 10_000 };
      const limits = [new DomainLimit(a, opts), new DomainLimit(b, opts)];
      const starts: number[] = [];
      await Promise.all(
        Array.from({ length: 4 }, async (_, i) => {
          const release = await limits[i % 2]!.acquire('http://slow.test/x');
          starts.push(Date.now());
          await release();
        }),
      );
      starts.sort((x, y) => x - y);
      for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(100);
      const t = Date.now();
      await (await limits[0]!.acquire('http://other.test/x'))();
      expect(Date.now() - t).toBeLessThan(100);
    });

    it('frees a lease its holder never returned (a killed worker) after leaseMs', async () => {
      prefix = randomId('dl');
      const opts = { prefix, perHost: 1, gapMs: 0, leaseMs: 400 };
      await new DomainLimit(a, opts).acquire('http://crash.test/'); // never released
      const t = Date.now();
      const release = await new DomainLimit(b, opts).acquire('http://crash.test/');
      const waited = Date.now() - t;
      await release();
      expect(waited).toBeGreaterThanOrEqual(300);
      expect(waited).toBeLessThan(2_000);
    });
  });
} else {
  describe.skip('DomainLimit (set RADAR_TEST_REDIS_URL)', () => {
    it('skipped', () => undefined);
  });
}
