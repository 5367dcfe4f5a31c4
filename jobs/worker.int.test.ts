import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MongoStore } from '../storage/mongo-store.js';
import { RadarWorker } from './worker.js';
import { addCrawlJob, JOB_KINDS, type RadarQueues } from './queues.js';
import { startReviewSite, type ReviewSite } from '../test/review-site.js';
import { cleanProject, eventually, projectQueues, writeProject, type TestProject } from '../test/test-kit.js';
import { radar } from '../test/cli.js';
import { testChromium, testMongoUri, testRedisUrl } from '../test/services.js';

const redisUrl = testRedisUrl();
const mongoUri = testMongoUri();

async function idle(queues: RadarQueues): Promise<boolean> {
  for (const kind of JOB_KINDS) {
    const c = await queues[kind].getJobCounts('active', 'waiting', 'delayed', 'prioritized');
    if (Object.values(c).some((n) => n > 0)) return false;
  }
  return true;
}

if (redisUrl && mongoUri) {
  let site: ReviewSite;
  let project: TestProject | undefined;
  let worker: RadarWorker | undefined;
  let store: MongoStore | undefined;
  let q: ReturnType<typeof projectQueues> | undefined;

  beforeAll(async () => {
    site = await startReviewSite({
      products: [
        { id: 'alpha', pages: 3, perPage: 5 },
        { id: 'beta', pages: 2, perPage: 5 },
        { id: 'gamma', pages: 2, perPage: 4 },
      ],
    });
  });
  afterAll(async () => {
    await site.close();
  });
  afterEach(async () => {
    await worker?.stop(1_000);
    await q?.close();
    await store?.close();
    if (project) await cleanProject(project, mongoUri);
    worker = undefined;
    q = undefined;
    store = undefined;
    project = undefined;
  });

  const start = async (
    sources: Parameters<typeof writeProject>[0]['sources'],
    options: Partial<Parameters<typeof RadarWorker.start>[0]> = {},
  ) => {
    project = writeProject({ redisUrl, mongoUri, sources });
    store = await MongoStore.open(mongoUri, { database: project.database });
    q = projectQueues(project);
    const config = project.config;
    worker = await RadarWorker.start({
      settings: project.settings,
      store,
      loadConfig: async () => config,
      concurrency: 3,
      reportDelayMs: 2_500,
      ...options,
    });
    return { project, store, queues: q.queues, worker };
  };

  describe('service worker: crawl → analyze → report', () => {
    it('analyses every crawled document and regenerates the report once for a burst of crawls', async () => {
      const { project, store, queues } = await start([
        { id: 'alpha', url: site.reviewsUrl('alpha') },
        { id: 'beta', url: site.reviewsUrl('beta') },
        { id: 'gamma', url: site.reviewsUrl('gamma') },
      ]);
      const cwd = process.cwd();
      process.chdir(project.dir); // the report job writes report.outDir relative to the worker's directory
      try {
        for (const id of ['alpha', 'beta', 'gamma'])
          await addCrawlJob(queues, { project: project.config.project, sourceId: id, trigger: 'api' });
        await eventually(async () => (await queues.report.getCompletedCount()) >= 1 && (await idle(queues)), 60_000, 'the burst to settle');
        // Long enough for a second, unwanted report to have started.
        await new Promise((ok) => setTimeout(ok, 3_500));
      } finally {
        process.chdir(cwd);
      }
      expect(await queues.crawl.getCompletedCount()).toBe(3);
      expect(await queues.analyze.getCompletedCount()).toBe(3);
      expect(await queues.report.getCompletedCount()).toBe(1);
      expect(await queues.report.getFailedCount()).toBe(0);

      const docs = [];
      for await (const d of store.findDocuments({})) docs.push(d);
      expect(docs).toHaveLength(15 + 10 + 8);
      const analyses = await store.getAnalyses(docs.map((d) => d._id));
      expect(analyses).toHaveLength(docs.length);
      expect(await store.latestPersonaSets(project.config.project, 10)).toHaveLength(1);
      expect(existsSync(join(project.dir, 'radar-report', 'index.html'))).toBe(true);

      // Each analyze job got exactly the documents its crawl stored.
      const analyzed = await queues.analyze.getCompleted();
      expect(analyzed.map((j) => j.data.docIds?.length).sort()).toEqual([10, 15, 8].sort());
    });

    it('a re-crawl that finds nothing new chains no analysis and no report', async () => {
      const { project, queues } = await start([{ id: 'beta', url: site.reviewsUrl('beta') }]);
      const cwd = process.cwd();
      process.chdir(project.dir);
      try {
        await addCrawlJob(queues, { project: project.config.project, sourceId: 'beta', trigger: 'api' });
        await eventually(async () => (await queues.report.getCompletedCount()) === 1 && (await idle(queues)), 60_000, 'first crawl');
        await addCrawlJob(queues, { project: project.config.project, sourceId: 'beta', trigger: 'api' });
        await eventually(async () => (await queues.crawl.getCompletedCount()) === 2 && (await idle(queues)), 60_000, 'second crawl');
      } finally {
        process.chdir(cwd);
      }
      const second = (await queues.crawl.getCompleted()).find((j) => j.returnvalue.documents.new === 0)!;
      expect(second.returnvalue.analyzeJobId).toBeUndefined();
      expect(await queues.analyze.getCompletedCount()).toBe(1);
      expect(await queues.report.getCompletedCount()).toBe(1);
    });

    it('a re-crawl after an analysis that failed for good analyses the whole source again', async () => {
      const { project, queues, store } = await start([{ id: 'beta', url: site.reviewsUrl('beta') }], { kinds: ['crawl'] });
      await addCrawlJob(queues, { project: project.config.project, sourceId: 'beta', trigger: 'api' });
      await eventually(async () => (await queues.analyze.getWaitingCount()) === 1, 30_000, 'the first crawl to chain its analysis');
      // That analysis never happens: the store was away for longer than its retries.
      await queues.analyze.drain();
      await queues.analyze.add('analyze', { project: 'another-project', sourceId: 'beta' }, { attempts: 1 });
      await worker!.stop(1_000);
      worker = await RadarWorker.start({
        settings: project.settings,
        store,
        loadConfig: async () => project.config,
        concurrency: 2,
        reportDelayMs: 60_000,
      });
      await eventually(async () => (await queues.analyze.getFailedCount()) === 1, 30_000, 'the analysis to fail for good');
      const docs = [];
      for await (const d of store.findDocuments({})) docs.push(d);
      expect(await store.getAnalyses(docs.map((d) => d._id))).toHaveLength(0);

      await addCrawlJob(queues, { project: project.config.project, sourceId: 'beta', trigger: 'api' });
      await eventually(async () => (await queues.analyze.getCompletedCount()) === 1, 60_000, 'the whole source to be analysed');
      const crawl = (await queues.crawl.getCompleted()).find((j) => j.returnvalue.documents.new === 0)!;
      expect(crawl.returnvalue.analyzeJobId).toBeDefined();
      expect(await store.getAnalyses(docs.map((d) => d._id))).toHaveLength(10);
    });

    it('runs a crawl in a child process when isolated, with the same result', async () => {
      const { project, store, queues } = await start([{ id: 'gamma', url: site.reviewsUrl('gamma') }], {
        kinds: ['crawl'],
        isolate: 'always',
      });
      await addCrawlJob(queues, { project: project.config.project, sourceId: 'gamma', trigger: 'api' });
      const [job] = await eventually(
        async () => {
          const done = await queues.crawl.getCompleted();
          return done.length ? done : undefined;
        },
        60_000,
        'the isolated crawl',
      );
      expect(job!.returnvalue.isolated).toBe(true);
      expect(job!.returnvalue.documents.new).toBe(8);
      expect(await store.countDocuments()).toBe(8);
      expect((await queues.analyze.getWaiting()).map((j) => j.data.docIds?.length)).toEqual([8]);
    });
  });

  describe.skipIf(!testChromium())('service worker: browser crawls', () => {
    it('runs a browser-rendered source in a child process of its own by default', async () => {
      const { project, store, queues } = await start([{ id: 'beta', url: site.reviewsUrl('beta'), render: 'browser' }], {
        kinds: ['crawl'],
      });
      await addCrawlJob(queues, { project: project.config.project, sourceId: 'beta', trigger: 'api' });
      const [job] = await eventually(
        async () => {
          const done = [...(await queues.crawl.getCompleted()), ...(await queues.crawl.getFailed())];
          return done.length ? done : undefined;
        },
        90_000,
        'the browser crawl',
      );
      expect(job!.failedReason ?? '').toBe('');
      expect(job!.returnvalue.isolated).toBe(true);
      expect(job!.returnvalue.documents.new).toBe(10);
      expect(await store.countDocuments()).toBe(10);
    });
  });

  describe('service worker: retries and failures', () => {
    it('fails at once, with its reason, when the source left radar.yaml or cannot be parsed; retries transient failures with backoff', async () => {
      const { project, queues } = await start([
        { id: 'about', url: site.aboutUrl },
        { id: 'dead', url: site.unavailableUrl },
      ]);
      const p = project.config.project;
      const gone = await addCrawlJob(queues, { project: p, sourceId: 'no-such-source', trigger: 'api' });
      const about = await addCrawlJob(queues, { project: p, sourceId: 'about', trigger: 'api' });
      const started = Date.now();
      const dead = await addCrawlJob(
        queues,
        { project: p, sourceId: 'dead', trigger: 'api' },
        { attempts: 3, backoff: { type: 'exponential', delay: 400 } },
      );
      await eventually(async () => (await queues.crawl.getFailedCount()) === 3, 60_000, 'three failed jobs');

      const goneJob = (await queues.crawl.getJob(gone))!;
      expect(goneJob.attemptsMade).toBe(1);
      expect(goneJob.failedReason).toMatch(/source "no-such-source" is not in radar\.yaml/);
      const aboutJob = (await queues.crawl.getJob(about))!;
      expect(aboutJob.attemptsMade).toBe(1);
      expect(aboutJob.failedReason).toMatch(/no reviews found .* could not be parsed/);
      const deadJob = (await queues.crawl.getJob(dead))!;
      expect(deadJob.attemptsMade).toBe(3);
      expect(deadJob.failedReason).toMatch(/every page of source "dead" failed/);
      expect(deadJob.stacktrace).toHaveLength(3);
      // Exponential backoff: 400 ms, then 800 ms, between the three attempts.
      expect(deadJob.finishedOn! - started).toBeGreaterThanOrEqual(1_200);

      // The operator sees the same reasons.
      const r = await radar(['jobs', '--failed', '--config', project.configPath], { cwd: project.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^crawl .* failed 3$/m);
      expect(r.stdout).toMatch(/^analyze .* completed 0 +failed 0$/m);
      expect(r.stdout).toContain('not in radar.yaml');
      expect(r.stdout).toContain('could not be parsed');
      const json = await radar(['jobs', '--failed', '--json', '--config', project.configPath], { cwd: project.dir });
      const rows = json.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { sourceId: string; state: string; reason: string; attempts: { made: number } });
      expect(rows.map((x) => x.sourceId).sort()).toEqual(['about', 'dead', 'no-such-source']);
      expect(rows.every((x) => x.state === 'failed' && x.reason)).toBe(true);
    });

    it('fails a job without retry when radar.yaml became invalid', async () => {
      const { project, queues } = await start([{ id: 'beta', url: site.reviewsUrl('beta') }]);
      await worker!.stop(500);
      const { ConfigError } = await import('../domain/errors.js');
      worker = await RadarWorker.start({
        settings: project.settings,
        store: store!,
        loadConfig: async () => {
          throw new ConfigError(['crawl.delayMs: must be ≥ 0'], project.configPath);
        },
      });
      const id = await addCrawlJob(queues, { project: project.config.project, sourceId: 'beta', trigger: 'api' });
      await eventually(async () => (await queues.crawl.getFailedCount()) === 1, 30_000, 'the failed job');
      const job = (await queues.crawl.getJob(id))!;
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toContain('crawl.delayMs: must be ≥ 0');
    });
  });

  describe('service worker: retention as a scheduled job', () => {
    it('schedules the sweep while privacy.retentionDays is set, deletes what is past it once, and drops the schedule when unset', async () => {
      const withRetention = () => ({ ...project!.config, privacy: { ...project!.config.privacy, retentionDays: 365 } });
      const { store, queues } = await start([{ id: 'alpha', url: site.reviewsUrl('alpha') }], { loadConfig: async () => withRetention() });
      const { buildDocument } = await import('../domain/document.js');
      const { syncRetentionSchedule, RETENTION_SCHEDULER } = await import('./schedules.js');
      const doc = (siteId: string, body: string, fetchedAt: string) =>
        buildDocument(
          {
            kind: 'review',
            origin: 'crawl',
            sourceId: 'alpha',
            site: 'shop.test',
            url: `http://shop.test/a#${siteId}`,
            siteId,
            body,
            fetchedAt,
          },
          { salt: 's', storeAuthorNames: false, redactPII: true },
        );
      await store.upsertDocuments([
        doc('old', 'The lid cracked within a month of daily use.', new Date(Date.now() - 400 * 86_400_000).toISOString()),
        doc('new', 'Pours cleanly and the handle stays cool.', new Date().toISOString()),
      ]);
      expect(await syncRetentionSchedule(queues, withRetention())).toBe('scheduled');
      // An every-scheduler runs its first job at once; the worker takes it.
      const [scheduler] = await queues.retention.getJobSchedulers(0, -1, true);
      expect(scheduler?.key).toBe(RETENTION_SCHEDULER);
      await eventually(async () => (await queues.retention.getCompletedCount()) >= 1, 30_000, 'the retention job');
      const [done] = await queues.retention.getCompleted(0, 0);
      expect(done!.returnvalue).toEqual({ removed: 1, days: 365 });
      const left: string[] = [];
      for await (const d of store.findDocuments({})) left.push(d.body);
      expect(left).toEqual(['Pours cleanly and the handle stays cool.']);
      expect(await syncRetentionSchedule(queues, project!.config)).toBe('removed');
      expect(await queues.retention.getJobSchedulersCount()).toBe(0);
    });
  });
} else {
  describe.skip('service worker (set RADAR_TEST_REDIS_URL and RADAR_TEST_MONGODB_URI)', () => {
    it('skipped', () => undefined);
  });
}
