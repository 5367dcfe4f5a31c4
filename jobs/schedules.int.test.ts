import { afterEach, describe, expect, it } from 'vitest';
import { CronExpressionParser } from 'cron-parser';
import { listSchedules, localTime, schedulerId, syncSchedules } from './schedules.js';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { legacyQueueName, openQueues, queueName } from './queues.js';
import { cleanProject, projectQueues, writeProject, type TestProject } from '../test/test-kit.js';
import { testRedisUrl } from '../test/services.js';

const redisUrl = testRedisUrl();

if (redisUrl) {
  let project: TestProject | undefined;
  afterEach(async () => {
    if (project) await cleanProject(project);
    project = undefined;
  });

  const make = () =>
    writeProject({
      redisUrl,
      mongoUri: 'mongodb://127.0.0.1:9/unused',
      sources: [
        { id: 'daily-berlin', url: 'http://shop.test/a', schedule: '0 6 * * *', timezone: 'Europe/Berlin' },
        { id: 'weekly-ny', url: 'http://shop.test/b', schedule: '30 2 * * 1', timezone: 'America/New_York' },
        { id: 'hourly-utc', url: 'http://shop.test/c', schedule: '15 * * * *' },
        { id: 'unscheduled', url: 'http://shop.test/d' },
      ],
    });

  describe('crawl schedules on BullMQ job schedulers', () => {
    it("keeps projects whose names make the same slug apart, and drops this project's schedules left under the old queue name", async () => {
      project = make();
      const redis = new Redis(project.settings.redisUrl, { maxRetriesPerRequest: null });
      const as = (name: string) => ({
        config: { ...project!.config, project: name },
        queues: openQueues(redis, { ...project!.settings, project: name }),
      });
      const spaced = as('Shop Radar');
      const dashed = as('shop-radar');
      // What an earlier version left: "Shop Radar"'s schedule in the queue named by the bare slug.
      const legacy = new Queue(legacyQueueName('Shop Radar', 'crawl')!, { connection: redis, prefix: project.settings.prefix });
      try {
        expect(queueName('Shop Radar', 'crawl')).not.toBe(queueName('shop-radar', 'crawl'));
        expect(queueName('Кофейня', 'crawl')).not.toBe(queueName('Чайная', 'crawl'));
        expect(queueName('svc-test', 'crawl')).toBe('svc-test.crawl');
        await legacy.upsertJobScheduler(
          'old-spaced',
          { pattern: '0 6 * * *' },
          { name: 'crawl', data: { project: 'Shop Radar', sourceId: 'daily-berlin', trigger: 'schedule' } },
        );
        expect((await syncSchedules(dashed.queues, dashed.config)).added).toHaveLength(3);
        const outcome = await syncSchedules(spaced.queues, spaced.config);
        expect(outcome.added).toHaveLength(3);
        expect(outcome.removed).toEqual([]);
        // The other project's schedules are where they were; the stale one is gone.
        expect((await listSchedules(dashed.queues, dashed.config)).map((e) => e.status)).toEqual(['in sync', 'in sync', 'in sync']);
        expect((await legacy.getJobSchedulers(0, -1, true)).map((x) => x.key).sort()).toEqual(
          (await dashed.queues.crawl.getJobSchedulers(0, -1, true)).map((x) => x.key).sort(),
        );
      } finally {
        for (const q of [...Object.values(spaced.queues), ...Object.values(dashed.queues)]) {
          await q.obliterate({ force: true }).catch(() => undefined);
          await q.close();
        }
        await legacy.close();
        redis.disconnect();
      }
    });

    it('sync creates one scheduler per scheduled source, with its cron read in its time zone', async () => {
      project = make();
      const { queues, close } = projectQueues(project);
      try {
        const before = Date.now();
        const outcome = await syncSchedules(queues, project.config);
        expect(outcome.added.sort()).toEqual([schedulerId('daily-berlin'), schedulerId('hourly-utc'), schedulerId('weekly-ny')]);
        expect(outcome.removed).toEqual([]);
        const list = await listSchedules(queues, project.config);
        expect(list.map((e) => e.sourceId).sort()).toEqual(['daily-berlin', 'hourly-utc', 'weekly-ny']);
        for (const e of list) {
          expect(e.status).toBe('in sync');
          // The next run BullMQ planned is the cron's next occurrence in the source's zone.
          const expected = CronExpressionParser.parse(e.pattern!, { tz: e.tz, currentDate: new Date(before) })
            .next()
            .toDate()
            .toISOString();
          expect(e.next).toBe(expected);
        }
        const berlin = list.find((e) => e.sourceId === 'daily-berlin')!;
        expect(localTime(berlin.next!, 'Europe/Berlin')).toMatch(/ 06:00 Europe\/Berlin$/);
        expect(list.find((e) => e.sourceId === 'hourly-utc')!.tz).toBe('UTC');
        // One delayed crawl job per scheduler, carrying the source.
        const delayed = await queues.crawl.getDelayed();
        expect(delayed.map((j) => j.data.sourceId).sort()).toEqual(['daily-berlin', 'hourly-utc', 'weekly-ny']);
      } finally {
        await close();
      }
    });

    it('sync is idempotent: re-running it changes nothing and duplicates nothing', async () => {
      project = make();
      const { queues, close } = projectQueues(project);
      try {
        await syncSchedules(queues, project.config);
        const first = await listSchedules(queues, project.config);
        const again = await syncSchedules(queues, project.config);
        expect(again.added).toEqual([]);
        expect(again.updated).toEqual([]);
        expect(again.unchanged).toHaveLength(3);
        expect(await listSchedules(queues, project.config)).toEqual(first);
        expect(await queues.crawl.getJobSchedulersCount()).toBe(3);
        expect(await queues.crawl.getDelayedCount()).toBe(3);
      } finally {
        await close();
      }
    });

    it('sync updates changed schedules and removes those no longer in the config; list shows the drift first', async () => {
      project = make();
      const { queues, close } = projectQueues(project);
      try {
        await syncSchedules(queues, project.config);
        // The marketer moves the daily crawl to 07:30, drops the weekly source and schedules another.
        const edited = writeProject({
          redisUrl,
          mongoUri: 'mongodb://127.0.0.1:9/unused',
          dir: project.dir,
          prefix: project.settings.prefix,
          sources: [
            { id: 'daily-berlin', url: 'http://shop.test/a', schedule: '30 7 * * *', timezone: 'Europe/Berlin' },
            { id: 'hourly-utc', url: 'http://shop.test/c', schedule: '15 * * * *' },
            { id: 'unscheduled', url: 'http://shop.test/d', schedule: '0 0 1 * *' },
          ],
        });
        const drift = await listSchedules(queues, edited.config);
        const status = Object.fromEntries(drift.map((e) => [e.sourceId, e.status]));
        expect(status).toEqual({
          'daily-berlin': 'changed',
          'weekly-ny': 'not in config',
          'hourly-utc': 'in sync',
          unscheduled: 'not synced',
        });

        const outcome = await syncSchedules(queues, edited.config);
        expect(outcome.updated).toEqual([schedulerId('daily-berlin')]);
        expect(outcome.removed).toEqual([schedulerId('weekly-ny')]);
        expect(outcome.added).toEqual([schedulerId('unscheduled')]);
        const after = await listSchedules(queues, edited.config);
        expect(after.every((e) => e.status === 'in sync')).toBe(true);
        expect(localTime(after.find((e) => e.sourceId === 'daily-berlin')!.next!, 'Europe/Berlin')).toMatch(/ 07:30 Europe\/Berlin$/);
        expect(await queues.crawl.getJobSchedulersCount()).toBe(3);
        // The removed source's pending crawl went with its scheduler.
        expect((await queues.crawl.getDelayed()).map((j) => j.data.sourceId).sort()).toEqual(['daily-berlin', 'hourly-utc', 'unscheduled']);
      } finally {
        await close();
      }
    });
  });
} else {
  describe.skip('crawl schedules (set RADAR_TEST_REDIS_URL)', () => {
    it('skipped', () => undefined);
  });
}
