/**
 * Service mode with real `radar worker` processes: two workers sharing one queue, a worker killed
 * with `kill -9` mid-crawl, SIGTERM, and Redis going away and coming back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { addCrawlJob, JOB_KINDS } from './queues.js';
import { startReviewSite, type ReviewSite } from '../test/review-site.js';
import {
  cleanProject,
  eventually,
  projectQueues,
  startRadar,
  writeProject,
  type RadarProcess,
  type TestProject,
} from '../test/test-kit.js';
import { inCI, testMongoUri, testRedisUrl } from '../test/services.js';

const redisUrl = testRedisUrl();
const mongoUri = testMongoUri();

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

if (redisUrl && mongoUri) {
  let site: ReviewSite;
  let mongo: MongoClient;
  let project: TestProject | undefined;
  const procs: RadarProcess[] = [];

  beforeAll(async () => {
    mongo = await MongoClient.connect(mongoUri);
  });
  afterAll(async () => {
    await mongo.close();
  });
  afterEach(async () => {
    for (const p of procs.splice(0)) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await p.exited;
    }
    await site?.close();
    if (project) await cleanProject(project, mongoUri);
    project = undefined;
  });

  const worker = (args: string[] = [], env: NodeJS.ProcessEnv = {}) => {
    const p = startRadar(['worker', '--report-delay', '1', ...args], { cwd: project!.dir, env });
    procs.push(p);
    return p;
  };
  const docs = () => mongo.db(project!.database).collection<{ _id: string; siteId?: string }>('documents');

  describe('radar worker processes', () => {
    it('two workers share a queue: every job runs exactly once, and the per-domain limit holds across them', async () => {
      site = await startReviewSite({
        products: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, pages: 3, perPage: 3 })),
        delayMs: 120,
      });
      project = writeProject({
        redisUrl,
        mongoUri,
        sources: Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, url: site.reviewsUrl(`p${i}`) })),
        crawl: { perDomainConcurrency: 1 },
      });
      const a = worker(['--queues', 'crawl', '--concurrency', '2']);
      const b = worker(['--queues', 'crawl', '--concurrency', '2']);
      await Promise.all([a.waitFor(/worker ready/), b.waitFor(/worker ready/)]);
      const { queues, close } = projectQueues(project);
      try {
        const ids: string[] = [];
        for (let i = 0; i < 6; i++)
          ids.push(await addCrawlJob(queues, { project: project.config.project, sourceId: `s${i}`, trigger: 'api' }));
        // Inside the test's own time limit, so a stuck run says why: job states and both workers' logs.
        await eventually(async () => (await queues.crawl.getCompletedCount()) === 6, 45_000, 'six crawls').catch(async (err: Error) => {
          const counts = await queues.crawl.getJobCounts();
          const failed = (await queues.crawl.getFailed()).map((j) => `${j.id}: ${j.failedReason}`);
          throw new Error(
            `${err.message}\njobs: ${JSON.stringify(counts)} ${failed.join('; ')}\nworker a:\n${a.stderr().slice(-2000)}\nworker b:\n${b.stderr().slice(-2000)}`,
          );
        });
        const jobs = await Promise.all(ids.map((id) => queues.crawl.getJob(id)));
        // Each job was started once, by one worker; together the two workers took all of them.
        for (const job of jobs) {
          expect(job!.attemptsStarted).toBe(1);
          expect(job!.stalledCounter ?? 0).toBe(0);
        }
        const byWorker = new Set(jobs.map((j) => j!.processedBy));
        expect(byWorker.size).toBe(2);
        // Neither worker tripped over the other setting up the new database (schema, author salt).
        expect(a.stderr() + b.stderr()).not.toMatch(/job failed|E11000/);
        expect(await mongo.db(project.database).collection('runs').countDocuments()).toBe(6);
        expect(await docs().countDocuments()).toBe(6 * 9);
        // Every review page was fetched once, and never two at a time on the host, although up
        // to four crawls ran at once across the two processes.
        expect([...site.hits.values()].every((n) => n === 1)).toBe(true);
        expect(site.hits.size).toBe(18);
        expect(site.maxInFlight()).toBe(1);
        const spans = jobs.map((j) => [j!.processedOn!, j!.finishedOn!] as const);
        const overlapping = spans.some(([s1, e1], i) =>
          spans.some(([s2, e2], k) => k !== i && s1 < e2 && s2 < e1 && jobs[i]!.processedBy !== jobs[k]!.processedBy),
        );
        expect(overlapping).toBe(true);
      } finally {
        await close();
      }
    });

    it('a worker killed with kill -9 mid-crawl: another worker recovers the job; the store ends complete, without duplicates', async () => {
      site = await startReviewSite({ products: [{ id: 'big', pages: 8, perPage: 5 }], delayMs: 600 });
      project = writeProject({ redisUrl, mongoUri, sources: [{ id: 'big', url: site.reviewsUrl('big') }] });
      const doomed = worker(['--stall-timeout', '2']);
      await doomed.waitFor(/worker ready/);
      const { queues, close } = projectQueues(project);
      try {
        // Queued as a scheduler would queue it: incremental, so a naive retry would stop at page 1.
        const id = await addCrawlJob(queues, { project: project.config.project, sourceId: 'big', trigger: 'schedule' });
        await eventually(async () => (await docs().countDocuments()) >= 5, 30_000, 'the first page to be stored');
        doomed.child.kill('SIGKILL');
        const stored = await docs().countDocuments();
        expect(stored).toBeLessThan(40);
        expect((await queues.crawl.getJob(id))!.finishedOn).toBeUndefined();
        site.setDelay(50);

        const rescuer = worker(['--stall-timeout', '2']);
        await eventually(async () => (await queues.crawl.getJob(id))!.finishedOn, 60_000, 'the recovered crawl to finish');
        const job = (await queues.crawl.getJob(id))!;
        expect(await job.getState()).toBe('completed');
        expect(job.stalledCounter).toBe(1);
        expect(job.attemptsStarted).toBe(2);
        expect(job.returnvalue.full).toBe(true);
        expect(rescuer.stderr()).toContain('crawl resumed after a failure or a crashed worker');

        // No lost documents, no duplicates: every review on the site exactly once.
        const all = await docs()
          .find({}, { projection: { siteId: 1 } })
          .toArray();
        const siteIds = all.map((d) => d.siteId!.split('#')[1]);
        expect(siteIds.sort()).toEqual(site.reviewIds().sort());
        expect(new Set(all.map((d) => d._id)).size).toBe(40);
        // And the recovered crawl's documents were all analysed.
        await eventually(
          async () => (await mongo.db(project!.database).collection('analyses').countDocuments()) === 40,
          30_000,
          'all 40 analysed',
        );
      } finally {
        await close();
      }
    });

    it('a worker killed with kill -9 takes its crawl child process with it: no orphan keeps crawling', async () => {
      site = await startReviewSite({ products: [{ id: 'iso', pages: 10, perPage: 2 }], delayMs: 400 });
      project = writeProject({ redisUrl, mongoUri, sources: [{ id: 'iso', url: site.reviewsUrl('iso') }] });
      const doomed = worker(['--isolate', 'always', '--queues', 'crawl']);
      await doomed.waitFor(/worker ready/);
      const { queues, close } = projectQueues(project);
      try {
        await addCrawlJob(queues, { project: project.config.project, sourceId: 'iso', trigger: 'api' });
        await eventually(async () => (await docs().countDocuments()) >= 2, 30_000, 'the child to store a page');
        doomed.child.kill('SIGKILL');
        await new Promise((ok) => setTimeout(ok, 1_000));
        const hits = [...site.hits.values()].reduce((a, b) => a + b, 0);
        await new Promise((ok) => setTimeout(ok, 2_000));
        expect([...site.hits.values()].reduce((a, b) => a + b, 0)).toBe(hits);
        expect(hits).toBeLessThan(10);
      } finally {
        await close();
      }
    });

    it('SIGTERM: the worker stops taking jobs, gives an unfinished crawl back to the queue and exits within the grace period', async () => {
      site = await startReviewSite({ products: [{ id: 'slow', pages: 20, perPage: 2 }], delayMs: 800 });
      project = writeProject({ redisUrl, mongoUri, sources: [{ id: 'slow', url: site.reviewsUrl('slow') }] });
      const w = worker(['--grace', '2']);
      await w.waitFor(/worker ready/);
      const { queues, close } = projectQueues(project);
      try {
        const id = await addCrawlJob(queues, { project: project.config.project, sourceId: 'slow', trigger: 'api' });
        await eventually(
          async () => (await queues.crawl.getActiveCount()) === 1 && (await docs().countDocuments()) > 0,
          30_000,
          'the crawl to be under way',
        );
        const t = Date.now();
        w.child.kill('SIGTERM');
        const { code } = await w.exited;
        const took = Date.now() - t;
        expect(code).toBe(0);
        expect(took).toBeLessThan(2_000 + 6_000);
        expect(w.stderr()).toContain('given back to the queue');
        const job = (await queues.crawl.getJob(id))!;
        // Back in the queue, not failed, attempts untouched: the next worker simply starts it.
        expect(await job.getState()).toBe('waiting');
        expect(job.attemptsMade).toBe(0);
        expect(job.failedReason ?? '').toBe('');
      } finally {
        await close();
      }
    });

    it('SIGINT (Ctrl-C) mid-crawl: the crawl is not recorded as complete; the job goes back and the next attempt stores every review', async () => {
      site = await startReviewSite({ products: [{ id: 'ctrlc', pages: 8, perPage: 3 }], delayMs: 700 });
      project = writeProject({ redisUrl, mongoUri, sources: [{ id: 'ctrlc', url: site.reviewsUrl('ctrlc') }] });
      const w = worker(['--grace', '5']);
      await w.waitFor(/worker ready/);
      const { queues, close } = projectQueues(project);
      try {
        // Queued as a scheduler would: incremental, so a retry that believed the crawl complete would stop at page 1.
        const id = await addCrawlJob(queues, { project: project.config.project, sourceId: 'ctrlc', trigger: 'schedule' });
        await eventually(async () => (await docs().countDocuments()) > 0, 30_000, 'the crawl to be under way');
        w.child.kill('SIGINT');
        expect((await w.exited).code).toBe(0);
        expect(w.stderr()).toContain('crawl interrupted (SIGINT): job given back to the queue');
        expect(w.stderr()).not.toMatch(/"msg":"job completed"/);
        const stored = await docs().countDocuments();
        expect(stored).toBeLessThan(24);
        const job = (await queues.crawl.getJob(id))!;
        expect(await job.getState()).toBe('waiting');
        const runs = await mongo
          .db(project.database)
          .collection<{ status: string; errors: { message: string }[] }>('runs')
          .find()
          .toArray();
        expect(runs.map((r) => r.status)).toEqual(['failed']);
        expect(runs[0]!.errors.at(-1)!.message).toContain('interrupted (SIGINT)');

        site.setDelay(20);
        worker();
        await eventually(async () => (await queues.crawl.getJob(id))!.finishedOn, 60_000, 'the crawl to finish on the next worker');
        expect((await queues.crawl.getJob(id))!.returnvalue.full).toBe(true);
        expect(
          (
            await docs()
              .find({}, { projection: { siteId: 1 } })
              .toArray()
          )
            .map((d) => d.siteId!.split('#')[1])
            .sort(),
        ).toEqual(site.reviewIds().sort());
      } finally {
        await close();
      }
    });

    it('SIGTERM with no job running exits at once', async () => {
      site = await startReviewSite({ products: [{ id: 'x', pages: 1, perPage: 1 }] });
      project = writeProject({ redisUrl, mongoUri, sources: [{ id: 'x', url: site.reviewsUrl('x') }] });
      const w = worker();
      await w.waitFor(/worker ready/);
      const t = Date.now();
      w.child.kill('SIGTERM');
      expect((await w.exited).code).toBe(0);
      expect(Date.now() - t).toBeLessThan(3_000);
    });
  });

  const redisServer = spawnSync('redis-server', ['--version']).status === 0;
  describe.skipIf(!redisServer && !inCI)('radar worker when Redis goes away', () => {
    let redis: ChildProcess | undefined;
    const startRedis = (port: number) => {
      redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      return eventually(
        async () =>
          spawnSync('redis-cli', ['-p', String(port), 'ping'])
            .stdout?.toString()
            .includes('PONG'),
        10_000,
        'redis-server',
      );
    };
    afterEach(() => {
      redis?.kill('SIGKILL');
    });

    it('stops the work of a job whose lock was lost while Redis was away, so the crawl never runs twice at once', async () => {
      const port = await freePort();
      // With its data on disk, as a production Redis keeps it: the job outlives the restart.
      const dir = mkdtempSync(join(tmpdir(), 'radar-redis-'));
      const startDurable = async () => {
        redis = spawn(
          'redis-server',
          ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir],
          { stdio: 'ignore' },
        );
        await eventually(
          async () =>
            spawnSync('redis-cli', ['-p', String(port), 'ping'])
              .stdout?.toString()
              .includes('PONG'),
          10_000,
          'redis-server',
        );
      };
      await startDurable();
      const url = `redis://127.0.0.1:${port}`;
      site = await startReviewSite({ products: [{ id: 'long', pages: 12, perPage: 2 }], delayMs: 500 });
      project = writeProject({ redisUrl: url, mongoUri, sources: [{ id: 'long', url: site.reviewsUrl('long') }] });
      const w = worker(['--queues', 'crawl', '--stall-timeout', '3']);
      await w.waitFor(/worker ready/);
      const { queues, close } = projectQueues(project);
      try {
        const id = await addCrawlJob(queues, { project: project.config.project, sourceId: 'long', trigger: 'api' });
        await eventually(async () => (await docs().countDocuments()) >= 2, 30_000, 'the crawl to be under way');
        redis!.kill('SIGKILL');
        await new Promise((ok) => setTimeout(ok, 6_000));
        await startDurable();
        await w.waitFor(/stopped a job whose lock was lost/, 30_000);
        site.setDelay(20);
        await eventually(async () => (await queues.crawl.getJob(id))?.finishedOn, 60_000, 'the crawl to finish').catch(
          async (err: Error) => {
            throw new Error(`${err.message}: ${JSON.stringify(await queues.crawl.getJobCounts())}\n${w.stderr().slice(-6000)}`);
          },
        );
        // Every review once. The first attempt stopped when its lock was lost (its last page in
        // flight may land just after the next attempt starts); it did not go on crawling beside it.
        expect(
          (
            await docs()
              .find({}, { projection: { siteId: 1 } })
              .toArray()
          )
            .map((d) => d.siteId!.split('#')[1])
            .sort(),
        ).toEqual(site.reviewIds().sort());
        const runs = await mongo
          .db(project.database)
          .collection<{ startedAt: string; finishedAt?: string; status: string; errors: { message: string }[] }>('runs')
          .find()
          .sort({ startedAt: 1 })
          .toArray();
        // (On a loaded machine a three-second lock can be lost again by the next attempt: each one
        // stops before the one after it crawls on.)
        expect(runs.length, JSON.stringify(runs)).toBeGreaterThanOrEqual(2);
        expect(runs.at(-1)!.status).toBe('ok');
        for (const r of runs.slice(0, -1)) {
          expect(r.status).toBe('failed');
          expect(r.errors.at(-1)!.message).toContain('interrupted (stopped by its worker)');
        }
        for (let i = 1; i < runs.length; i++)
          expect(Date.parse(runs[i - 1]!.finishedAt!) - Date.parse(runs[i]!.startedAt), JSON.stringify(runs)).toBeLessThan(2_000);
        await queues.crawl.obliterate({ force: true });
      } finally {
        await close();
        // This Redis goes away after the test: clean-up looks in the shared one (where nothing is).
        project.settings.redisUrl = redisUrl;
      }
    }, 120_000);

    it('reconnects with backoff, says so in the log, and takes jobs again once Redis is back', async () => {
      const port = await freePort();
      await startRedis(port);
      const url = `redis://127.0.0.1:${port}`;
      site = await startReviewSite({ products: [{ id: 'r', pages: 1, perPage: 3 }] });
      project = writeProject({ redisUrl: url, mongoUri, sources: [{ id: 'r', url: site.reviewsUrl('r') }] });
      const w = worker(['--queues', 'crawl']);
      await w.waitFor(/worker ready/);
      redis!.kill('SIGKILL');
      await w.waitFor(/Redis unreachable; reconnecting with backoff/, 15_000);
      await new Promise((ok) => setTimeout(ok, 1_500));
      await startRedis(port);
      await w.waitFor(/Redis connection restored/, 30_000);
      expect(w.child.exitCode).toBeNull();
      const { queues, close } = projectQueues(project);
      try {
        const id = await addCrawlJob(queues, { project: project.config.project, sourceId: 'r', trigger: 'api' });
        await eventually(async () => (await queues.crawl.getJob(id))!.finishedOn, 30_000, 'a job after the outage');
        expect(await (await queues.crawl.getJob(id))!.getState()).toBe('completed');
        for (const kind of JOB_KINDS) await queues[kind].obliterate({ force: true });
      } finally {
        await close();
      }
      // This Redis goes away after the test: clean-up looks in the shared one (where nothing is).
      project.settings.redisUrl = redisUrl;
      // The outage was logged once, not once per reconnect attempt.
      expect(w.stderr().match(/Redis unreachable; reconnecting/g)?.length).toBe(1);
      // And only as log lines: no raw stack traces of each failed command on stderr.
      expect(w.stderr()).not.toMatch(/^\s*(?:Error: connect|at \S+ \()/m);
    });
  });
} else {
  describe.skip('radar worker processes (set RADAR_TEST_REDIS_URL and RADAR_TEST_MONGODB_URI)', () => {
    it('skipped', () => undefined);
  });
}
