import { afterEach, describe, expect, it } from 'vitest';
import { radar } from '../../test/cli.js';
import { cleanProject, projectQueues, writeProject, type TestProject } from '../../test/test-kit.js';
import { testRedisUrl } from '../../test/services.js';

const redisUrl = testRedisUrl();

if (redisUrl) {
  let project: TestProject | undefined;
  afterEach(async () => {
    if (project) await cleanProject(project);
    project = undefined;
  });

  describe('radar schedule (real binary, real Redis)', () => {
    it('sync, list with next runs, run-now', async () => {
      project = writeProject({
        redisUrl,
        mongoUri: 'mongodb://127.0.0.1:9/unused',
        sources: [
          { id: 'kettle', url: 'http://shop.test/k', schedule: '0 6 * * *', timezone: 'Europe/Berlin' },
          { id: 'toaster', url: 'http://shop.test/t', schedule: '*/30 * * * *' },
          { id: 'manual', url: 'http://shop.test/m' },
        ],
      });
      const opts = { cwd: project.dir };
      const sync = await radar(['schedule', 'sync'], opts);
      expect(sync.code).toBe(0);
      expect(sync.stderr).toContain('2 schedules synced (2 added, 0 updated, 0 unchanged), 0 removed');
      const again = await radar(['schedule', 'sync'], opts);
      expect(again.stderr).toContain('2 schedules synced (0 added, 0 updated, 2 unchanged), 0 removed');

      const list = await radar(['schedule', 'list'], opts);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(
        /^kettle\s+0 6 \* \* \*\s+Europe\/Berlin\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d 06:00 Europe\/Berlin\s+in sync$/m,
      );
      expect(list.stdout).toMatch(/^toaster\s+\*\/30 \* \* \* \*\s+UTC\s+\S+ \d\d:(00|30)\s/m);
      const json = (await radar(['schedule', 'list', '--json'], opts)).stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { sourceId: string; next: string });
      expect(json.map((e) => e.sourceId).sort()).toEqual(['kettle', 'toaster']);
      for (const e of json) expect(Date.parse(e.next)).toBeGreaterThan(Date.now());

      const now = await radar(['schedule', 'run-now', 'manual', '--full'], opts);
      expect(now.code).toBe(0);
      expect(now.stderr).toMatch(/queued crawl job \S+ for source manual/);
      const { queues, close } = projectQueues(project);
      try {
        const waiting = await queues.crawl.getWaiting();
        expect(waiting.map((j) => [j.data.sourceId, j.data.trigger, j.data.full])).toEqual([['manual', 'run-now', true]]);
        expect(waiting[0]!.opts.attempts).toBe(4);
        expect(waiting[0]!.opts.backoff).toEqual({ type: 'exponential', delay: 60_000 });
      } finally {
        await close();
      }
    });
  });
} else {
  describe.skip('radar schedule (set RADAR_TEST_REDIS_URL)', () => {
    it('skipped', () => undefined);
  });
}
