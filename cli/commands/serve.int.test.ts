import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCrawlJob } from '../../jobs/queues.js';
import { spawn, spawnSync } from 'node:child_process';
import {
  cleanProject,
  eventually,
  projectQueues,
  startRadar,
  writeProject,
  type RadarProcess,
  type TestProject,
} from '../../test/test-kit.js';
import { testRedisUrl } from '../../test/services.js';

const redisUrl = testRedisUrl();

if (redisUrl) {
  let project: TestProject | undefined;
  let proc: RadarProcess | undefined;
  afterEach(async () => {
    proc?.child.kill('SIGTERM');
    if (proc) await proc.exited;
    if (project) await cleanProject(project);
    project = undefined;
    proc = undefined;
  });

  const serve = async (env: NodeJS.ProcessEnv, redis = redisUrl) => {
    project = writeProject({
      redisUrl: redis,
      mongoUri: 'mongodb://127.0.0.1:9/unused',
      sources: [{ id: 'kettle', url: 'http://shop.test/k', schedule: '0 6 * * *' }],
    });
    mkdirSync(join(project.dir, 'radar-report'));
    writeFileSync(join(project.dir, 'radar-report', 'index.html'), '<h1>Personas of svc-test</h1>');
    const { queues, close } = projectQueues(project);
    await addCrawlJob(queues, { project: project.config.project, sourceId: 'kettle', trigger: 'api' });
    await close();
    proc = startRadar(['serve', '--port', '0'], { cwd: project.dir, env });
    await proc.waitFor(/radar serve: http:\/\/\S+\//);
    return /radar serve: (http:\/\/\S+?)\//.exec(proc.stderr())![1]!;
  };

  describe('radar serve', () => {
    it('refuses every request without the token when RADAR_TOKEN is set', async () => {
      const base = await serve({ RADAR_TOKEN: 'tok-123456' });
      for (const path of ['/', '/api/queues', '/api/jobs', '/api/messages', '/report/index.html']) {
        expect((await fetch(`${base}${path}`)).status, path).toBe(401);
        expect((await fetch(`${base}${path}`, { headers: { authorization: 'Bearer wrong' } })).status, path).toBe(401);
      }
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      const auth = { headers: { authorization: 'Bearer tok-123456' } };
      const page = await fetch(`${base}/`, auth);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<h2>Queues</h2>');
      expect(html).toMatch(/<td>crawl<\/td><td>0<\/td><td>1<\/td>/);
      expect(html).toContain('0 6 * * *');
      const api = (await (await fetch(`${base}/api/queues`, auth)).json()) as { counts: { crawl: { waiting: number } } };
      expect(api.counts.crawl.waiting).toBe(1);
      expect(await (await fetch(`${base}/report/index.html`, auth)).text()).toContain('Personas of svc-test');
      // The report's catalogue in the configured language, for the web app to follow report.language.
      const messages = (await (await fetch(`${base}/api/messages`, auth)).json()) as {
        language: string;
        dir: string;
        messages: { heading: { personas: string } };
      };
      expect(messages).toMatchObject({ language: 'en', dir: 'ltr', messages: { heading: { personas: 'Personas' } } });
      expect((await fetch(`${base}/report/..%2Fradar.yaml`, auth)).status).toBe(404);

      // A browser opens ?token= once: the token moves into an HttpOnly cookie and out of the URL.
      const login = await fetch(`${base}/?token=tok-123456`, { redirect: 'manual' });
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/');
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/radar_token=tok-123456; HttpOnly; SameSite=Strict/);
      expect((await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
    });

    it('answers 503 within seconds while Redis is down, and pages again once it is back', async () => {
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
        const base = await serve({ RADAR_TOKEN: '' }, `redis://127.0.0.1:${port}`);
        expect((await fetch(`${base}/api/queues`)).status).toBe(200);
        redis.kill('SIGKILL');
        await new Promise((ok) => redis.once('exit', ok));
        const t = Date.now();
        const down = await fetch(`${base}/api/queues`);
        expect(down.status).toBe(503);
        expect(await down.text()).toContain('Redis did not answer');
        expect(Date.now() - t).toBeLessThan(8_000);
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        redis = await startRedis();
        await eventually(async () => (await fetch(`${base}/api/queues`)).status === 200, 20_000, 'the dashboard to answer again');
      } finally {
        redis.kill('SIGKILL');
        // The project's queues lived on this Redis: nothing to clean elsewhere.
        project = undefined;
      }
    }, 60_000);

    it('without a token binds to loopback only', async () => {
      const base = await serve({ RADAR_TOKEN: '' });
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(proc!.stderr()).toContain('no RADAR_TOKEN: this machine only');
      expect((await fetch(`${base}/`)).status).toBe(200);
    });
  });
} else {
  describe.skip('radar serve (set RADAR_TEST_REDIS_URL)', () => {
    it('skipped', () => undefined);
  });
}
