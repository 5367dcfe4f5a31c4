/**
 * SIGTERM on a one-shot browser crawl: the crawl stops within seconds — pages in flight are given
 * up, no page is retried and no browser is launched after the signal — and the run says it was
 * interrupted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type TestServer } from '../test/static-server.js';
import { testChromium } from '../test/services.js';
import { tempDir } from '../test/cli.js';
import { startRadar } from '../test/test-kit.js';

const chromium = testChromium();

describe.skipIf(!chromium)('a browser crawl told to stop', () => {
  let site: TestServer | undefined;
  afterEach(async () => {
    await site?.close();
  });

  it('ends within seconds of SIGTERM and fetches nothing after it', async () => {
    let requests = 0;
    let afterSignal = 0;
    let signalled = false;
    site = await serve({
      '/robots.txt': { status: 404, body: '' },
      // Pages that never finish: only a stop ends the crawl.
      '/slow': (_req, res) => {
        requests++;
        if (signalled) afterSignal++;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<!doctype html><html><body><h2>Reviews</h2>');
      },
    });
    const urls = Array.from({ length: 6 }, (_, i) => `${site!.url}/slow?p=${i}`);
    const crawl = startRadar(['crawl', '--url', ...urls, '--render', 'browser', '--dry-run', '--max-pages', '6'], {
      cwd: tempDir('radar-sigterm-'),
      env: { RADAR_CHROMIUM_PATH: chromium },
    });
    for (let waited = 0; requests < 1 && waited < 60_000; waited += 50) await new Promise((ok) => setTimeout(ok, 50));
    expect(requests).toBeGreaterThan(0);
    // The pages the crawl opens at once arrive together; signal once they have (a request sent just
    // before the signal may otherwise reach the server just after it).
    for (let seen = -1; seen !== requests; ) {
      seen = requests;
      await new Promise((ok) => setTimeout(ok, 1500));
    }
    signalled = true;
    const stoppedAt = Date.now();
    crawl.child.kill('SIGTERM');
    const { code } = await crawl.exited;
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(code).not.toBe(0);
    expect(crawl.stderr()).toContain('interrupted (SIGTERM)');
    expect(afterSignal).toBe(0);
  }, 90_000);
});
