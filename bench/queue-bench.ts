/**
 * Scheduling overhead of service mode, measured in one run (for bench/run.ts):
 * - trivial jobs/s through a BullMQ queue with 1 and 2 workers (concurrency 1 each: one job's
 *   round trip through Redis is what a worker pays per job);
 * - demo-shop crawl jobs/s (one static product listing per job, its pagination included) with 1 and
 *   2 in-process service workers, against the same crawls run directly one after another, with
 *   no queue (the baseline).
 * Every measurement starts from an empty store, so each does the same work. Keys live under a
 * random prefix that is obliterated afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { RadarConfig, SourceConfig } from '../config/schema.js';

/** One figure, in bench/run.ts's shape. */
export interface QueueBenchFigure {
  /** What was measured. */
  name: string;
  /** Value. */
  value: number;
  /** Unit. */
  unit: string;
  /** The baseline measured in the same run. */
  baseline: { name: string; value: number };
  /** Details. */
  note?: string;
}

/** What {@link benchQueues} measured. */
export interface QueueBenchResult {
  /** Trivial jobs. */
  trivial: { jobs: number; oneWorker: number; twoWorkers: number };
  /** Demo-shop crawl jobs. */
  crawl: { jobs: number; pages: number; direct: number; oneWorker: number; twoWorkers: number };
  /** The same numbers as figures with baselines (jobs/s). */
  figures: QueueBenchFigure[];
}

/** Options of the benchmark. */
export interface QueueBenchOptions {
  /** Trivial jobs per measurement (default 3000). */
  trivialJobs?: number;
  /** Demo-shop scale: copies of every product (default 3). */
  scale?: number;
}

function prefixName(): string {
  return `bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
}

async function obliterate(redis: Redis, prefix: string, names: string[]): Promise<void> {
  for (const name of names) {
    const q = new Queue(name, { connection: redis, prefix });
    await q.obliterate({ force: true });
    await q.close();
  }
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
}

async function trivialRate(redisUrl: string, workers: number, jobs: number): Promise<number> {
  const prefix = prefixName();
  const conn = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('trivial', { connection: conn, prefix });
  try {
    for (let i = 0; i < jobs; i += 500) {
      await queue.addBulk(
        Array.from({ length: Math.min(500, jobs - i) }, (_, k) => ({ name: 'noop', data: { i: i + k }, opts: { removeOnComplete: true } })),
      );
    }
    let done = 0;
    let finish!: () => void;
    const finished = new Promise<void>((ok) => (finish = ok));
    const t0 = performance.now();
    const conns = Array.from({ length: workers }, () => new Redis(redisUrl, { maxRetriesPerRequest: null }));
    const started = conns.map((connection) => {
      const w = new Worker('trivial', async () => 1, { connection, prefix, concurrency: 1 });
      w.on('completed', () => {
        if (++done === jobs) finish();
      });
      return w;
    });
    await finished;
    const ms = performance.now() - t0;
    await Promise.all(started.map((w) => w.close()));
    for (const c of conns) c.disconnect();
    return (jobs / ms) * 1000;
  } finally {
    await queue.close();
    await obliterate(conn, prefix, ['trivial']);
    conn.disconnect();
  }
}

/** Measures queue throughput; needs a Redis it may write to under a random prefix. */
export async function benchQueues(redisUrl: string, options: QueueBenchOptions = {}): Promise<QueueBenchResult> {
  process.env.RADAR_LOG_LEVEL ??= 'warn';
  const trivialJobs = options.trivialJobs ?? 3_000;
  const { startDemoShop } = await import('../demo/shop.js');
  const { starterConfigYaml } = await import('../demo/starter-config.js');
  const { parseConfig, listSources } = await import('../config/load.js');
  const { crawlSource } = await import('../pipeline/crawl.js');
  const { EmbeddedStore } = await import('../storage/embedded/embedded-store.js');
  const { RadarWorker } = await import('../jobs/worker.js');
  const { openQueues, addCrawlJob, JOB_KINDS, queueName } = await import('../jobs/queues.js');

  const trivial1 = await trivialRate(redisUrl, 1, trivialJobs);
  const trivial2 = await trivialRate(redisUrl, 2, trivialJobs);

  const shop = await startDemoShop({ port: 0, scale: options.scale ?? 3 });
  const dirs: string[] = [];
  const freshStore = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'radar-qbench-'));
    dirs.push(dir);
    return EmbeddedStore.open(dir);
  };
  try {
    const parsed = parseConfig(starterConfigYaml(shop.url));
    if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
    const config: RadarConfig = parsed.config;
    // The comparison is about queue overhead, not politeness: let every crawl fetch freely.
    config.crawl.concurrency = 8;
    config.crawl.perDomainConcurrency = 20;
    config.privacy.authorSalt = 'bench-salt';
    // One source per static product listing (every scaled copy), each a crawl job of its own.
    const home = await (await fetch(shop.url)).text();
    const staticProducts = listSources(config)
      .filter((t) => t.source.kind === 'reviews' && t.source.render === 'static')
      .map((t) => t.source.urls[0]!);
    const startUrls = [...new Set([...home.matchAll(/href="(\/products\/[^"?#]+)"/g)].map((m) => new URL(m[1]!, shop.url).href))].filter(
      (u) => staticProducts.some((base) => u === base || u.startsWith(`${base}--`)),
    );
    const sources: SourceConfig[] = startUrls.map((url, i) => ({
      id: `bench-${i}`,
      kind: 'reviews',
      urls: [url],
      render: 'static',
      maxPages: 50,
      profiles: false,
      robots: 'respect',
      topReviewsOnly: false,
    }));
    config.brands = config.brands.map((b, i) => ({ ...b, products: [], sources: i === 0 ? sources : [] }));
    const targets = listSources(config);

    // Warm-up: every page once through the server and the JIT before anything is timed.
    const warm = await freshStore();
    for (const t of targets) await crawlSource(config, warm, 'bench-salt', t, { incremental: false });
    await warm.close();

    // Baseline: the same crawls, one after another, straight into a store — no queue.
    const direct = await freshStore();
    let pages = 0;
    const t0 = performance.now();
    for (const t of targets) pages += (await crawlSource(config, direct, 'bench-salt', t, { incremental: false })).stats.pagesFetched;
    const directMs = performance.now() - t0;
    await direct.close();

    const viaQueue = async (workers: number): Promise<number> => {
      const prefix = prefixName();
      const settings = { redisUrl, prefix, project: config.project };
      const store = await freshStore();
      const conn = new Redis(redisUrl, { maxRetriesPerRequest: null });
      const queues = openQueues(conn, settings);
      try {
        for (const t of targets) await addCrawlJob(queues, { project: config.project, sourceId: t.source.id, trigger: 'api', full: true });
        const t1 = performance.now();
        const running = await Promise.all(
          Array.from({ length: workers }, () =>
            RadarWorker.start({ settings, store, loadConfig: async () => config, kinds: ['crawl'], concurrency: 1, isolate: 'never' }),
          ),
        );
        while ((await queues.crawl.getCompletedCount()) + (await queues.crawl.getFailedCount()) < targets.length)
          await new Promise((ok) => setTimeout(ok, 20));
        const ms = performance.now() - t1;
        const failed = await queues.crawl.getFailedCount();
        if (failed) throw new Error(`${failed} crawl jobs failed: ${(await queues.crawl.getFailed())[0]?.failedReason}`);
        await Promise.all(running.map((w) => w.stop(5_000)));
        return (targets.length / ms) * 1000;
      } finally {
        await Promise.all(Object.values(queues).map((q) => q.close()));
        await obliterate(
          conn,
          prefix,
          JOB_KINDS.map((k) => queueName(config.project, k)),
        );
        conn.disconnect();
        await store.close();
      }
    };
    const crawl1 = await viaQueue(1);
    const crawl2 = await viaQueue(2);
    const directRate = (targets.length / directMs) * 1000;
    const jobsNote = `${targets.length} jobs, ${pages} demo-shop pages`;
    return {
      trivial: { jobs: trivialJobs, oneWorker: trivial1, twoWorkers: trivial2 },
      crawl: { jobs: targets.length, pages, direct: directRate, oneWorker: crawl1, twoWorkers: crawl2 },
      figures: [
        {
          name: 'trivial jobs through the queue, 2 workers',
          value: trivial2,
          unit: 'jobs/s',
          baseline: { name: '1 worker', value: trivial1 },
          note: `${trivialJobs} jobs, concurrency 1 per worker`,
        },
        {
          name: 'crawl jobs through the queue, 1 worker',
          value: crawl1,
          unit: 'jobs/s',
          baseline: { name: 'same crawls run directly, no queue', value: directRate },
          note: jobsNote,
        },
        {
          name: 'crawl jobs through the queue, 2 workers',
          value: crawl2,
          unit: 'jobs/s',
          baseline: { name: '1 worker', value: crawl1 },
          note: `${jobsNote}; in-process workers, concurrency 1 each`,
        },
      ],
    };
  } finally {
    await shop.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
