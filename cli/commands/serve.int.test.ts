/**
 * `radar serve` in service mode, against real Redis and the MongoDB-compatible test server:
 * schedules are the project's BullMQ job schedulers, kept in step with changes made in the app;
 * run now queues a crawl job for the workers; a change made in the app reaches another process on
 * the shared store; the operators' queue view; 503 within seconds while Redis is down.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { radar } from '../../test/cli.js';
import { startDemoShop } from '../../demo/shop.js';
import {
  cleanProject,
  eventually,
  projectQueues,
  startRadar,
  writeProject,
  type RadarProcess,
  type TestProject,
} from '../../test/test-kit.js';
import { testMongoUri, testRedisUrl } from '../../test/services.js';

const redisUrl = testRedisUrl();
const mongoUri = testMongoUri();
const TOKEN = 'svc-editor-token';

describe.skipIf(!redisUrl)('radar serve in service mode', () => {
  let project: TestProject | undefined;
  let proc: RadarProcess | undefined;
  afterEach(async () => {
    proc?.child.kill('SIGTERM');
    if (proc) await proc.exited;
    if (project) await cleanProject(project, mongoUri);
    project = undefined;
    proc = undefined;
  });

  const start = async (cwd: string, env: NodeJS.ProcessEnv = {}) => {
    proc = startRadar(['serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd,
      // Its sources point at a site on this machine: allowed only with private networks allowed.
      env: { RADAR_TOKEN: TOKEN, RADAR_ALLOW_PRIVATE_NETWORKS: '1', ...env },
    });
    await proc.waitFor(/radar serve: http:\/\/\S+\//, 60_000);
    return /radar serve: (http:\/\/\S+?)\//.exec(proc.stderr())![1]!;
  };
  const auth = { authorization: `Bearer ${TOKEN}` };
  const json = { ...auth, 'content-type': 'application/json' };

  it.skipIf(!mongoUri)(
    'keeps BullMQ schedules in step with the app, queues run-now crawls, and shares changes through the store',
    async () => {
      project = writeProject({
        redisUrl: redisUrl!,
        mongoUri: mongoUri!,
        sources: [{ id: 'kettle', url: 'http://shop.test/k', schedule: '0 6 * * *' }],
      });
      const base = await start(project.dir);
      expect(proc!.stderr()).toContain('service mode');
      const { queues, close } = projectQueues(project);
      try {
        // Started: the configured schedule is a job scheduler with its next run.
        const listed = (await (await fetch(`${base}/api/schedules`, { headers: auth })).json()) as {
          mode: string;
          schedules: { sourceId: string; next?: string }[];
        };
        expect(listed.mode).toBe('bullmq');
        expect(listed.schedules.find((s) => s.sourceId === 'kettle')!.next).toMatch(/T06:00:00\.000Z$/);
        await eventually(
          async () => (await queues.crawl.getJobSchedulers()).some((s) => s.key === 'source:kettle' && s.pattern === '0 6 * * *'),
          10_000,
          'the scheduler',
        );

        // A schedule changed in the app is the scheduler's pattern at once; pausing removes it.
        const changed = await fetch(`${base}/api/sources/kettle/schedule`, {
          method: 'PUT',
          headers: json,
          body: JSON.stringify({ preset: 'weekly', time: '07:30', weekday: 2, timezone: 'Europe/Berlin' }),
        });
        expect(changed.status).toBe(200);
        await eventually(
          async () =>
            (await queues.crawl.getJobSchedulers()).some(
              (s) => s.key === 'source:kettle' && s.pattern === '30 7 * * 2' && s.tz === 'Europe/Berlin',
            ),
          10_000,
          'the weekly scheduler',
        );
        expect((await fetch(`${base}/api/sources/kettle/pause`, { method: 'POST', headers: auth })).status).toBe(200);
        await eventually(
          async () => !(await queues.crawl.getJobSchedulers()).some((s) => s.key === 'source:kettle'),
          10_000,
          'the scheduler to go',
        );

        // Run now is a crawl job for the workers.
        const run = await fetch(`${base}/api/sources/kettle/run`, { method: 'POST', headers: auth });
        expect(run.status).toBe(202);
        const { jobId } = (await run.json()) as { jobId: string };
        const job = await queues.crawl.getJob(jobId);
        expect(job?.data).toMatchObject({ project: 'svc-test', sourceId: 'kettle' });

        // The operators' view of the queues is a page of the app.
        const page = await fetch(`${base}/queues`, { headers: auth });
        expect(page.status).toBe(200);
        expect(await page.text()).toMatch(/<th scope="row">crawl<\/th><td>0<\/td><td>1<\/td>/);

        // Another process on the shared store (a worker's machine) reads the project as the app left it.
        // Its own radar.yaml says only where the store is (the test's own database).
        const elsewhere = mkdtempSync(join(tmpdir(), 'radar-elsewhere-'));
        writeFileSync(
          join(elsewhere, 'radar.yaml'),
          `brands: [{ id: x, name: X }]\nstorage: { mongodbUri: "${mongoUri}", database: ${project.database} }\n`,
        );
        const shared = await radar(['config', 'export'], { cwd: elsewhere });
        expect(shared.code, shared.stderr).toBe(0);
        expect(shared.stdout).toContain('schedule: 30 7 * * 2');
        expect(shared.stdout).toContain('paused: true');
      } finally {
        await close();
      }
    },
    120_000,
  );

  it.skipIf(!mongoUri)(
    'a source changed in the app is what a worker on another machine crawls, with no file copied',
    async () => {
      const shop = await startDemoShop();
      const workers: RadarProcess[] = [];
      try {
        // The project starts out pointing at nothing that answers.
        project = writeProject({
          redisUrl: redisUrl!,
          mongoUri: mongoUri!,
          sources: [{ id: 'kettle', url: 'http://127.0.0.1:9/nothing' }],
        });
        const base = await start(project.dir);
        const put = await fetch(`${base}/api/sources/kettle`, {
          method: 'PUT',
          headers: json,
          body: JSON.stringify({
            id: 'kettle',
            brand: 'acme',
            product: 'p-kettle',
            urls: [`${shop.url}/products/copperleaf-pour-kettle`],
            render: 'static',
            maxPages: 2,
          }),
        });
        expect(put.status, await put.clone().text()).toBe(200);
        // "Another machine": a folder whose radar.yaml says only where the store and the queues are.
        const elsewhere = mkdtempSync(join(tmpdir(), 'radar-worker-elsewhere-'));
        writeFileSync(
          join(elsewhere, 'radar.yaml'),
          `project: svc-test\nbrands: [{ id: placeholder, name: Placeholder }]\nstorage: { mongodbUri: "${mongoUri}", database: ${project.database} }\nqueue: { redisUrl: "${redisUrl}", prefix: ${project.settings.prefix} }\n`,
        );
        const worker = startRadar(['worker', '--queues', 'crawl', '--isolate', 'never'], { cwd: elsewhere });
        workers.push(worker);
        await worker.waitFor(/worker ready/, 60_000);
        expect((await fetch(`${base}/api/sources/kettle/run`, { method: 'POST', headers: auth })).status).toBe(202);
        const run = await eventually(
          async () =>
            (
              (await (await fetch(`${base}/api/runs?source=kettle`, { headers: auth })).json()) as {
                status: string;
                stats: { documentsFound: number };
              }[]
            ).find((r) => r.status === 'ok'),
          60_000,
          'the worker to crawl the changed source',
        );
        expect(run.stats.documentsFound).toBeGreaterThan(0);
      } finally {
        for (const w of workers) {
          w.child.kill('SIGTERM');
          await w.exited;
        }
        await shop.close();
      }
    },
    150_000,
  );

  it('answers 503 within seconds while Redis is down, and again once it is back', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const startRedis = async () => {
      const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      await eventually(
        async () =>
          spawnSync('redis-cli', ['-p', String(port), 'ping'])
            .stdout?.toString()
            .includes('PONG'),
        10_000,
        'redis-server',
      );
      return child;
    };
    let redis = await startRedis();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'radar-svc-down-'));
      writeFileSync(
        join(dir, 'radar.yaml'),
        `project: down-test\nbrands: [{ id: acme, name: Acme, sources: [{ id: k, urls: ["http://shop.test/k"] }] }]\nqueue: { redisUrl: "redis://127.0.0.1:${port}" }\n`,
      );
      const base = await start(dir);
      expect((await fetch(`${base}/api/queues`, { headers: auth })).status).toBe(200);
      redis.kill('SIGKILL');
      await new Promise((ok) => redis.once('exit', ok));
      const t = Date.now();
      const down = await fetch(`${base}/api/queues`, { headers: auth });
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: string }).error).toContain('Redis did not answer');
      expect(Date.now() - t).toBeLessThan(8_000);
      // Pages that need no Redis still answer.
      expect((await fetch(`${base}/explorer`, { headers: auth })).status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      redis = await startRedis();
      await eventually(
        async () => (await fetch(`${base}/api/queues`, { headers: auth })).status === 200,
        20_000,
        'the queues to answer again',
      );
    } finally {
      redis.kill('SIGKILL');
    }
  }, 90_000);

  it('without a token binds to loopback only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'radar-svc-open-'));
    writeFileSync(join(dir, 'radar.yaml'), 'brands: [{ id: acme, name: Acme }]\n');
    proc = startRadar(['serve', '--port', '0'], { cwd: dir, env: { RADAR_TOKEN: '' } });
    await proc.waitFor(/radar serve: http:\/\/\S+\//, 60_000);
    const base = /radar serve: (http:\/\/\S+?)\//.exec(proc.stderr())![1]!;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(proc.stderr()).toContain('no RADAR_TOKEN: this machine only');
    expect((await fetch(`${base}/`)).status).toBe(200);
  }, 60_000);
});
