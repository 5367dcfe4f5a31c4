/**
 * The Alerts page in real Chromium against `radar serve`, as an editor uses it: open it from the
 * navigation, edit the alerts section with a mistake (the problem shows beside the field as the
 * field is left and again on save; nothing is stored), then a valid change (stored, shown); send a
 * test to a real webhook receiver on loopback and see it delivered; send one to a closed port and
 * see the failure with its reason in the history, filtered by status. A viewer sees no edit
 * controls. No console errors; screenshots at 1280 and 390 px go to test/artifacts/web/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright';
import { CHROMIUM_ARGS } from '../config/chromium.js';
import { fixtureYaml } from '../test/alert-fixtures.js';
import { type HttpReceiver, startHttpReceiver } from '../test/alert-receivers.js';
import { tempDir } from '../test/cli.js';
import { type RadarProcess, startRadar } from '../test/test-kit.js';
import { testChromium } from '../test/services.js';
import { signIn, watchConsole } from '../test/web-browser.js';

const chromium = testChromium();
const EDITOR = 'alerts-editor-token-5d2c';
const VIEWER = 'alerts-viewer-token-8e1a';
const ARTIFACTS = resolve('test/artifacts/web');

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

describe.skipIf(!chromium)('the Alerts page in Chromium', () => {
  let receiver: HttpReceiver;
  let deadPort: number;
  let serve: RadarProcess;
  let base: string;
  let browser: Browser;
  let editor: BrowserContext;
  const consoleErrors: string[] = [];

  const watch = (page: Page) => watchConsole(page, consoleErrors);
  const storedYaml = async () => (await fetch(`${base}/api/config`, { headers: { authorization: `Bearer ${EDITOR}` } })).text();

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    deadPort = await closedPort();
    const cwd = tempDir('radar-web-alerts-');
    writeFileSync(
      join(cwd, 'radar.yaml'),
      fixtureYaml(`alerts:
  channels:
    # The team's receiver.
    - { id: hook, type: webhook, url: "${receiver.url}/radar" }
  rules:
    - { id: bad-reviews, type: reviews, maxStars: 2, channels: [hook] }
  delivery: { timeoutSecs: 3 }
`),
    );
    serve = startRadar(['serve', '--port', '0', '--host', '127.0.0.1'], { cwd, env: { RADAR_TOKEN: EDITOR, RADAR_VIEWER_TOKEN: VIEWER } });
    await serve.waitFor(/radar serve: http:\/\/\S+\//, 60_000);
    base = /radar serve: (http:\/\/\S+?)\//.exec(serve.stderr())![1]!;
    const { chromium: pw } = await import('playwright');
    browser = await pw.launch({ executablePath: chromium!, args: CHROMIUM_ARGS });
    editor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = watch(await editor.newPage());
    await signIn(page, base, EDITOR);
    await page.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    serve?.child.kill('SIGTERM');
    if (serve) await serve.exited;
    await receiver?.close();
  });

  it('edits the alerts section: a mistake is shown beside the field and not saved; a valid change is saved and shown', async () => {
    const page = watch(await editor.newPage());
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.waitForURL(`${base}/alerts`);
    expect(await page.locator('table.alert-rules tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Edit rules and channels' }).click();
    await page.waitForURL(`${base}/alerts/edit`);
    const field = page.getByLabel('The alerts section (YAML)');
    const loaded = await field.inputValue();
    expect(loaded).toContain("# The team's receiver.");
    const before = await storedYaml();

    // A rule that names a channel nobody defined.
    const withPager = loaded.replace(
      /rules:\n/,
      'rules:\n  - { id: pager-duty, type: source-health, channels: [pager], digest: immediate }\n',
    );
    await field.fill(withPager);
    // Leaving the field checks it: the problem appears beside it, with its path and line.
    await page.keyboard.press('Tab');
    const beside = page.locator('#f-alerts-error');
    await beside.waitFor({ state: 'visible' });
    const line = withPager.split('\n').findIndex((l) => l.includes('[pager]')) + 1;
    expect(await beside.textContent()).toContain(
      `alerts.rules[0].channels[0] (line ${line}): no channel "pager" in alerts.channels (channels: hook)`,
    );
    // Saving anyway brings the form back with the same problem and the text as typed; nothing is stored.
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await page.waitForLoadState('load');
    await page.getByRole('alert').waitFor();
    expect(await beside.textContent()).toContain('no channel "pager"');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toContain('channels: [pager]');
    expect(await storedYaml()).toBe(before);
    await page.screenshot({ path: join(ARTIFACTS, 'alerts-edit-error-1280.png'), fullPage: true });

    // The fix: a channel for it (a receiver that is down), and the rule.
    const fixed = withPager
      .replace('channels: [pager]', 'channels: [dead]')
      .replace(/channels:\n/, `channels:\n  - { id: dead, type: webhook, url: "http://127.0.0.1:${deadPort}/radar" }\n`);
    await field.fill(fixed);
    await page.keyboard.press('Tab');
    await beside.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await page.waitForURL(`${base}/alerts?saved=1`);
    expect(await page.getByRole('status').first().textContent()).toContain('Saved the alerts section');
    const rules = page.locator('table.alert-rules tbody tr');
    expect(await rules.count()).toBe(2);
    expect(await rules.first().textContent()).toContain('pager-duty');
    expect(await rules.first().textContent()).toContain('at once, one message per finding');
    const stored = await storedYaml();
    expect(stored).toContain('id: pager-duty');
    expect(stored).toContain("# The team's receiver.");
    await page.close();
  });

  it('sends a test to a webhook and sees it delivered; a test to a closed port fails with its reason in the history', async () => {
    const page = watch(await editor.newPage());
    await page.goto(`${base}/alerts`);
    await page.getByRole('button', { name: 'Send a test of bad-reviews' }).click();
    await page.waitForURL(/\/alerts\?tested=bad-reviews/);
    const outcome = page.locator('.notice', { hasText: 'Test of rule' });
    expect(await outcome.textContent()).toContain('delivered to every channel');
    expect(await outcome.textContent()).toContain('hook: ✓ sent');
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.path).toBe('/radar');
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ test: true, rule: { id: 'bad-reviews' } });

    await page.getByRole('button', { name: 'Send a test of pager-duty' }).click();
    await page.waitForURL(/\/alerts\?tested=pager-duty/);
    expect(await outcome.textContent()).toContain('dead: ✗ not sent — cannot reach the receiver: ECONNREFUSED');

    // The history, filtered to what failed: the reason is there.
    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/status=failed/);
    const rows = page.locator('table.alert-history tbody tr');
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? '';
    expect(row).toContain('pager-duty');
    expect(row).toContain('✗ failed');
    expect(row).toContain('cannot reach the receiver: ECONNREFUSED');
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((u) => !u.search.includes('status=failed'));
    expect(await rows.count()).toBe(2);
    await page.close();
  });

  it('shows the Alerts pages without a console error, and saves screenshots at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, storageState: await editor.storageState() });
      const page = watch(await context.newPage());
      for (const [path, name] of [
        ['/alerts', 'alerts'],
        ['/alerts/edit', 'alerts-edit'],
      ] as const) {
        const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
        expect(response?.status(), path).toBe(200);
        // Nothing is wider than the screen: tables stack into cards on a phone.
        const overflow = await page.evaluate(() => {
          const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
          return d.documentElement.scrollWidth - d.documentElement.clientWidth;
        });
        expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
      }
      await context.close();
    }
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('shows a viewer the rules and history but no edit or test controls', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = watch(await context.newPage());
    await signIn(page, base, VIEWER);
    await page.goto(`${base}/alerts`);
    expect(await page.locator('table.alert-rules tbody tr').count()).toBe(2);
    expect(await page.locator('table.alert-history tbody tr').count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Edit rules and channels' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Send a test/ }).count()).toBe(0);
    await context.close();
    expect(consoleErrors).toEqual([]);
  });
});
