import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../../test/cli.js';

function project(extra = ''): string {
  const cwd = tempDir();
  writeFileSync(
    join(cwd, 'radar.yaml'),
    `brands:\n  - id: acme\n    name: Acme\n    sources:\n      - { id: shop, urls: ["http://127.0.0.1:9/p"], schedule: "0 6 * * *" }\n${extra}`,
  );
  return cwd;
}

describe('service-mode commands without services', () => {
  it('schedule sync fails fast, exit 1, naming the Redis it could not reach (never its password)', async () => {
    const cwd = project();
    const started = Date.now();
    const r = await radar(['schedule', 'sync'], { cwd, env: { RADAR_REDIS_URL: 'redis://:s3cret@127.0.0.1:9' } });
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(r.stderr).toMatch(
      /cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:9 \(ECONNREFUSED\); start Redis or point RADAR_REDIS_URL/,
    );
    expect(r.stderr).not.toContain('s3cret');
  });

  it('exits 78 saying what to set when no Redis (or, for workers, no MongoDB) is configured', async () => {
    const cwd = project();
    const noRedis = await radar(['schedule', 'list'], { cwd, env: { RADAR_REDIS_URL: '' } });
    expect(noRedis.code).toBe(78);
    expect(noRedis.stderr).toContain('queue.redisUrl: service mode needs Redis; set RADAR_REDIS_URL');
    const noMongo = await radar(['worker'], { cwd, env: { RADAR_REDIS_URL: 'redis://127.0.0.1:9', RADAR_MONGODB_URI: '' } });
    expect(noMongo.code).toBe(78);
    expect(noMongo.stderr).toContain('storage.mongodbUri: service mode needs MongoDB');
  });

  it('exits 2 on usage errors', async () => {
    const cwd = project();
    const env = { RADAR_REDIS_URL: 'redis://127.0.0.1:9' };
    const bad = await radar(['schedule', 'frobnicate'], { cwd, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('use one of sync, list, run-now');
    expect((await radar(['schedule', 'run-now'], { cwd, env })).code).toBe(2);
    const unknown = await radar(['schedule', 'run-now', 'nope'], { cwd, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no source "nope" in radar.yaml (sources: shop)');
    expect((await radar(['worker', '--queues', 'crawl,bake'], { cwd, env })).code).toBe(2);
    expect((await radar(['worker', '--concurrency', '0'], { cwd, env })).code).toBe(2);
    // Serving beyond this machine without a token is refused before anything is opened.
    const open = await radar(['serve', '--host', '0.0.0.0'], { cwd, env: { RADAR_REDIS_URL: 'redis://127.0.0.1:9', RADAR_TOKEN: '' } });
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('set RADAR_TOKEN to serve beyond this machine');
  });
});
