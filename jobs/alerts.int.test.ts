/**
 * Alerts in service mode, with a real worker on Redis and the MongoDB-compatible store: a source
 * that comes back empty asks for a report, whose alert step finds the broken source; the receiver
 * is down at first, and the delayed alerts-only job delivers the same message once it is back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlertsSchema } from '../config/alerts-schema.js';
import type { RadarConfig } from '../config/schema.js';
import { MongoStore } from '../storage/mongo-store.js';
import { startHttpReceiver, type HttpReceiver } from '../test/alert-receivers.js';
import { startReviewSite, type ReviewSite } from '../test/review-site.js';
import { testMongoUri, testRedisUrl } from '../test/services.js';
import { startSwitchProxy, type SwitchProxy } from '../test/switch-proxy.js';
import { cleanProject, eventually, projectQueues, type TestProject, writeProject } from '../test/test-kit.js';
import { addCrawlJob, JOB_KINDS, type RadarQueues } from './queues.js';
import { RadarWorker } from './worker.js';

const redisUrl = testRedisUrl();
const mongoUri = testMongoUri();

async function idle(queues: RadarQueues): Promise<boolean> {
  for (const kind of JOB_KINDS) {
    const c = await queues[kind].getJobCounts('active', 'waiting', 'delayed', 'prioritized');
    if (Object.values(c).some((n) => n > 0)) return false;
  }
  return true;
}

describe.skipIf(!redisUrl || !mongoUri)('alerts in service mode', () => {
  let site: ReviewSite;
  let proxy: SwitchProxy;
  let receiver: HttpReceiver;
  let project: TestProject | undefined;
  let worker: RadarWorker | undefined;
  let store: MongoStore | undefined;
  let q: ReturnType<typeof projectQueues> | undefined;

  beforeAll(async () => {
    site = await startReviewSite({ products: [{ id: 'alpha', pages: 2, perPage: 5 }] });
    proxy = await startSwitchProxy(new URL(site.reviewsUrl('alpha')).origin);
    receiver = await startHttpReceiver();
  });
  afterAll(async () => {
    await Promise.all([site?.close(), proxy?.close(), receiver?.close()]);
  });
  afterEach(async () => {
    await worker?.stop(1_000);
    await q?.close();
    await store?.close();
    if (project) await cleanProject(project, mongoUri);
  });

  it('a source that comes back empty is reported once, delivered by a later alerts-only job when the receiver was down', async () => {
    const path = new URL(site.reviewsUrl('alpha'));
    project = writeProject({
      redisUrl: redisUrl!,
      mongoUri: mongoUri!,
      sources: [{ id: 'alpha', url: `${proxy.url}${path.pathname}${path.search}` }],
    });
    const config: RadarConfig = {
      ...project.config,
      alerts: AlertsSchema.parse({
        channels: [{ id: 'hook', type: 'webhook', url: `${receiver.url}/hook` }],
        rules: [{ id: 'broken-sources', type: 'source-health', channels: ['hook'] }],
        delivery: { timeoutSecs: 2, backoffSecs: 1 },
      }),
    };
    store = await MongoStore.open(mongoUri!, { database: project.database });
    q = projectQueues(project);
    const { queues } = q;
    const cwd = process.cwd();
    process.chdir(project.dir);
    try {
      worker = await RadarWorker.start({
        settings: project.settings,
        store,
        loadConfig: async () => config,
        concurrency: 2,
        reportDelayMs: 500,
      });
      await addCrawlJob(queues, { project: config.project, sourceId: 'alpha', trigger: 'api' });
      await eventually(
        async () => (await queues.report.getCompletedCount()) >= 1 && (await idle(queues)),
        60_000,
        'the first crawl and report',
      );
      expect(receiver.received).toEqual([]);

      proxy.empty(path.pathname);
      receiver.answer = 503;
      await addCrawlJob(queues, { project: config.project, sourceId: 'alpha', trigger: 'api', full: true });
      await eventually(async () => receiver.received.length >= 1, 60_000, 'the first delivery attempt');
      receiver.answer = 200;
      const sent = await eventually(async () => (await store!.listAlertMessages({ status: ['sent'] }))[0], 60_000, 'the retried delivery');
      expect(sent).toMatchObject({ rule: 'broken-sources', attempts: 2 });
      await eventually(() => idle(queues), 30_000, 'the queues to settle');
    } finally {
      process.chdir(cwd);
    }
    expect(receiver.received).toHaveLength(2);
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as { id: string; findings: { kind: string; source: string }[] });
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies[1]!.findings.map((f) => [f.kind, f.source])).toEqual([['source-empty', 'alpha']]);
    expect(await queues.report.getFailedCount()).toBe(0);
  });
});
