import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCrawlJob } from '../../jobs/queues.js';
import { cleanProject, projectQueues, startRadar, writeProject, type RadarProcess, type TestProject } from '../../jobs/test-kit.js';
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

  const serve = async (env: NodeJS.ProcessEnv) => {
    project = writeProject({ redisUrl, mongoUri: 'mongodb://127.0.0.1:9/unused', sources: [{ id: 'kettle', url: 'http://shop.test/k', schedule: '0 6 * * *' }] });
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
      for (const path of ['/', '/api/queues', '/api/jobs', '/report/index.html']) {
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
      expect((await fetch(`${base}/report/..%2Fradar.yaml`, auth)).status).toBe(404);

      // A browser opens ?token= once: the token moves into an HttpOnly cookie and out of the URL.
      const login = await fetch(`${base}/?token=tok-123456`, { redirect: 'manual' });
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/');
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/radar_token=tok-123456; HttpOnly; SameSite=Strict/);
      expect((await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
    });

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
