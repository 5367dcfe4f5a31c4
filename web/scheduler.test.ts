import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import type { RadarConfig } from '../config/schema.js';
import { startDemoShop, type DemoShop } from '../demo/shop.js';
import { rootLogger } from '../log/logger.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';
import { LocalRunner } from './runner.js';
import { InProcessScheduler } from './scheduler.js';

let shop: DemoShop;
let dir: string;
let store: EmbeddedStore;

beforeAll(async () => {
  shop = await startDemoShop();
  dir = mkdtempSync(join(tmpdir(), 'radar-sched-'));
  store = await EmbeddedStore.open(dir);
});

afterAll(async () => {
  await store?.close();
  await shop?.close();
  rmSync(dir, { recursive: true, force: true });
});

function project(schedule: string, paused = false): RadarConfig {
  const parsed = parseConfig(
    `brands:\n  - id: copperleaf\n    name: Copperleaf\n    sources:\n      - { id: kettle, urls: ["${shop.url}/products/copperleaf-pour-kettle"], render: static, maxPages: 1, schedule: "0 6 * * *", timezone: Europe/Berlin }\n`,
  ) as { config: RadarConfig };
  // Every second (a six-field pattern radar.yaml refuses), so the test need not wait a minute.
  parsed.config.brands[0]!.sources[0]!.schedule = schedule;
  parsed.config.brands[0]!.sources[0]!.paused = paused;
  return parsed.config;
}

describe('schedules without Redis', () => {
  it('fire crawls inside the process, in the source’s time zone, and stop when paused', async () => {
    const log = rootLogger().child({ stage: 'test' });
    const runner = new LocalRunner(store, log, () => Promise.resolve());
    const scheduler = new InProcessScheduler(runner, log);
    try {
      await scheduler.sync(project('0 6 * * *'));
      const [daily] = await scheduler.list(project('0 6 * * *'));
      // 06:00 in Berlin is 04:00 or 05:00 UTC.
      expect(daily!.next).toMatch(/T0[45]:00:00\.000Z$/);
      await scheduler.sync(project('* * * * * *'));
      const deadline = Date.now() + 20_000;
      while (!(await store.listRuns({ sourceId: 'kettle' })).some((r) => r.status === 'ok') && Date.now() < deadline)
        await new Promise((ok) => setTimeout(ok, 200));
      const runs = await store.listRuns({ sourceId: 'kettle' });
      expect(runs.some((r) => r.status === 'ok' && r.stats.documentsFound > 0)).toBe(true);
      expect(runner.recent()[0]!.trigger).toBe('schedule');
      await scheduler.sync(project('* * * * * *', true));
      const [paused] = await scheduler.list(project('* * * * * *', true));
      expect(paused).toMatchObject({ paused: true });
      expect(paused!.next).toBeUndefined();
      await runner.close();
      const count = (await store.listRuns({ sourceId: 'kettle' })).length;
      await new Promise((ok) => setTimeout(ok, 2_500));
      expect((await store.listRuns({ sourceId: 'kettle' })).length).toBe(count);
    } finally {
      scheduler.close();
      await runner.close();
    }
  }, 60_000);
});
