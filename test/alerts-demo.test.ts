/**
 * Alerts end to end on the demo shop, through the real `radar` binary and a webhook receiver on
 * loopback: the first report is the rules' starting point (nothing sent); a burst of 1-star
 * reviews imported for one product sends exactly one digest listing them; a source whose pages
 * now hold nothing sends one source-health alert, and so does one that is blocked (from `radar
 * crawl` itself, which exits 1); running everything again sends nothing new.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertPayload } from '../alerts/payload.js';
import { demoCatalog } from '../demo/catalog.js';
import { startDemoShop, type DemoShop } from '../demo/shop.js';
import { starterConfigYaml } from '../demo/starter-config.js';
import { radar, tempDir } from './cli.js';
import { startHttpReceiver, type HttpReceiver } from './alert-receivers.js';
import { startSwitchProxy, type SwitchProxy } from './switch-proxy.js';

const SOURCES = ['copperleaf-pour-kettle-reviews', 'copperleaf-precision-grinder-reviews', 'nordbrew-fjord-kettle-reviews'];

describe('alerts on the demo shop, end to end', () => {
  const cwd = tempDir('radar-alerts-e2e-');
  let shop: DemoShop;
  let proxy: SwitchProxy;
  let receiver: HttpReceiver;
  const payloads = () => receiver.received.filter((r) => r.path === '/hook').map((r) => JSON.parse(r.body) as AlertPayload);

  async function ok(args: string[]): Promise<string> {
    const run = await radar(args, { cwd, timeoutMs: 120_000 });
    expect(run.code, `radar ${args.join(' ')}\n${run.stderr}`).toBe(0);
    return run.stdout + run.stderr;
  }
  const cycle = async (sources = SOURCES) => {
    await ok(['crawl', '--source', ...sources]);
    await ok(['analyze']);
    return ok(['report', '--format', 'json']);
  };

  beforeAll(async () => {
    shop = await startDemoShop();
    proxy = await startSwitchProxy(shop.url);
    receiver = await startHttpReceiver();
    writeFileSync(join(cwd, 'radar.yaml'), starterConfigYaml(proxy.url, { alertWebhook: `${receiver.url}/hook` }));
  });
  afterAll(async () => {
    await Promise.all([shop?.close(), proxy?.close(), receiver?.close()]);
  });

  it('sends nothing for what the first report finds: that is where the rules start', async () => {
    await cycle();
    expect(payloads()).toEqual([]);
  }, 240_000);

  it('sends exactly one digest listing a burst of imported 1-star reviews of one product', async () => {
    const lines = [
      'The grinder jammed on the second day and now only hums.',
      'Burrs came loose, coffee grounds everywhere. Returning it.',
      'Makes a horrible screeching noise, grind size all over the place.',
      'Motor died after a week of light use.',
      'Hopper cracked when I filled it. Poor plastic.',
      'Static makes a mess of the whole counter, every single time.',
    ];
    writeFileSync(join(cwd, 'burst.csv'), `text,rating\n${lines.map((l) => `"${l}",1`).join('\n')}\n`);
    await ok(['import', 'burst.csv', '--brand', 'copperleaf', '--product', 'copperleaf-precision-grinder']);
    await ok(['analyze']);
    const said = await ok(['report', '--format', 'json']);
    expect(said).toContain('alerts: 6 new findings; 1 message sent');
    const sent = payloads();
    expect(sent).toHaveLength(1);
    const digest = sent[0]!;
    expect(digest.rule.id).toBe('bad-reviews');
    expect(digest.total).toBe(6);
    expect(digest.findings.map((f) => f.product?.id)).toEqual(Array(6).fill('copperleaf-precision-grinder'));
    expect(digest.findings.map((f) => f.quotes[0]!.text).sort()).toEqual([...lines].sort());
    const grinder = demoCatalog().products.find((p) => p.id === 'copperleaf-precision-grinder')!.name;
    expect(new Set(digest.findings.map((f) => f.title))).toEqual(new Set([`1★ review of ${grinder}`]));
  }, 240_000);

  it('sends one source-health alert when a source now returns nothing', async () => {
    proxy.empty('/products/nordbrew-fjord-kettle');
    await cycle(['nordbrew-fjord-kettle-reviews']);
    const sent = payloads();
    expect(sent).toHaveLength(2);
    const health = sent[1]!;
    expect(health.rule.id).toBe('broken-sources');
    expect(health.findings.map((f) => [f.kind, f.source])).toEqual([['source-empty', 'nordbrew-fjord-kettle-reviews']]);
  }, 240_000);

  it('sends one source-health alert from radar crawl itself when a source is blocked and the crawl exits 1', async () => {
    proxy.refuse('/products/copperleaf-pour-kettle', 403);
    const crawl = await radar(['crawl', '--source', 'copperleaf-pour-kettle-reviews'], { cwd, timeoutMs: 120_000 });
    expect(crawl.code).toBe(1);
    expect(crawl.stderr).toContain('alerts: 1 source-health message sent');
    const sent = payloads();
    expect(sent).toHaveLength(3);
    expect(sent[2]!.findings.map((f) => [f.kind, f.source])).toEqual([['source-blocked', 'copperleaf-pour-kettle-reviews']]);
    expect(sent[2]!.findings[0]!.title).toContain('HTTP 403');
    // The report that follows finds the same broken source: nothing new.
    await ok(['report', '--format', 'json']);
    expect(payloads()).toHaveLength(3);
  }, 240_000);

  it('sends nothing new when everything runs again, and lists what it sent', async () => {
    await radar(['crawl', '--source', ...SOURCES], { cwd, timeoutMs: 120_000 });
    await ok(['analyze']);
    await ok(['report', '--format', 'json']);
    await ok(['report', '--format', 'json']);
    expect(payloads()).toHaveLength(3);
    const list = await ok(['alerts', 'list']);
    expect(list.match(/\bsent\b/g)?.length).toBeGreaterThanOrEqual(2);
    expect(list).toContain('bad-reviews');
    expect(list).toContain('broken-sources');
    expect(await ok(['alerts', 'send'])).toContain('composed 0 messages; sent 0, retrying 0, failed 0');
  }, 240_000);

  it('radar alerts test sends a marked sample quoting stored low-star reviews, and names the rules when asked for a missing one', async () => {
    expect(await ok(['alerts', 'test', 'bad-reviews'])).toContain('local-receiver: sent');
    const sample = payloads().at(-1)!;
    expect(sample.test).toBe(true);
    expect(sample.findings.length).toBeGreaterThan(0);
    expect(sample.findings.every((f) => f.quotes.length === 1 && f.title.includes('(sample: an earlier review)'))).toBe(true);
    const missing = await radar(['alerts', 'test', 'nope'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no rule "nope" (rules: bad-reviews, broken-sources)');
  }, 60_000);
});
