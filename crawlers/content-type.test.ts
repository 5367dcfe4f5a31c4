/**
 * A response that is not a page (a download, application/octet-stream) is refused on its headers
 * and closed: its body is not downloaded, however slowly or endlessly the server sends it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import { runCrawl } from './run-crawl.js';
import { serve, type TestServer } from '../test/static-server.js';

const settings = { ...ConfigSchema.parse({ brands: [{ id: 'a', name: 'A' }] }).crawl, maxRetries: 2, timeoutSecs: 30 };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a response that is not a page', () => {
  it('is refused on its Content-Type without reading the body, and not asked for again', async () => {
    let sent = 0;
    let closedByCrawler = false;
    server = await serve({
      // An endless download trickling a kilobyte every 100 ms.
      '/export.bin': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.flushHeaders();
        const timer = setInterval(() => {
          res.write(Buffer.alloc(1024, 0x42));
          sent += 1024;
        }, 100);
        res.on('close', () => {
          clearInterval(timer);
          closedByCrawler = !res.writableEnded;
        });
      },
    });
    const outcome = await runCrawl({
      source: {
        id: 'download',
        kind: 'reviews',
        urls: [`${server.url}/export.bin`],
        render: 'static',
        maxPages: 5,
        profiles: false,
        robots: 'respect',
        topReviewsOnly: false,
      },
      settings,
      onPage: async () => ({ allKnown: false }),
    });
    expect(outcome.pagesFailed).toBe(1);
    expect(outcome.errors[0]?.message).toContain('application/octet-stream');
    // The crawler hung up; before, it kept the download open until the 30 s timeout (about 300 KB here).
    await new Promise((ok) => setTimeout(ok, 200));
    expect(closedByCrawler).toBe(true);
    expect(sent).toBeLessThan(32 * 1024);
    expect(server.hits.get('/export.bin')).toBe(1);
  });
});
