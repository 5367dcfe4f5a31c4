/**
 * Hostile data responses previewed the way a user would (`radar crawl --url URL --dry-run`): a
 * malformed JSON response, JSON and HTML nested 100,000 deep, and a huge array give a recorded
 * page error or a bounded result, never a crash or a hang.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { radar } from './cli.js';
import { serve, type TestServer } from './static-server.js';

const JSON_TYPE = { 'content-type': 'application/json' };
let server: TestServer;

beforeAll(async () => {
  const comment = (n: number) => ({
    id: `c${n}`,
    author: `user${n}`,
    created_at: '2024-05-01T10:00:00Z',
    body: `Comment ${n} about the lamp.`,
  });
  server = await serve({
    '/broken.json': { headers: JSON_TYPE, body: '{"comments": [{"author": "ana", "body": "cut off in the mid' },
    '/deep.json': { headers: JSON_TYPE, body: `${'{"next":'.repeat(100_000)}{"body":"the bottom"}${'}'.repeat(100_000)}` },
    '/deep.html': { body: `<html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}</body></html>` },
    // Just under crawl.maxPageBytes (10 MB), and just over it.
    '/huge.json': { headers: JSON_TYPE, body: JSON.stringify({ comments: Array.from({ length: 90_000 }, (_, n) => comment(n)) }) },
    '/oversized.json': { headers: JSON_TYPE, body: JSON.stringify({ comments: Array.from({ length: 120_000 }, (_, n) => comment(n)) }) },
  });
});
afterAll(async () => server?.close());

const preview = (path: string) => radar(['crawl', '--url', `${server.url}${path}`, '--dry-run', '--json'], { timeoutMs: 240_000 });

describe('hostile data responses', () => {
  it('records a malformed JSON response as a page error that says what is wrong', async () => {
    const r = await preview('/broken.json');
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/broken\.json: the response is not valid JSON/);
  });

  it('reads JSON and HTML nested 100,000 deep without crashing', async () => {
    const json = await preview('/deep.json');
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toMatch(/too large or too deeply nested/);
    const html = await preview('/deep.html');
    expect(html.code, html.stderr).toBe(0);
  });

  it('gives a bounded result for a huge array and says items are missing', async () => {
    const r = await preview('/huge.json');
    expect(r.code, r.stderr).toBe(0);
    const docs = r.stdout.trim().split('\n').filter(Boolean);
    expect(docs.length).toBeGreaterThan(1000);
    expect(docs.length).toBeLessThan(90_000);
    expect(r.stderr).toMatch(/too large or too deeply nested/);
  });

  it('refuses a JSON response larger than crawl.maxPageBytes as it streams in, and says so', async () => {
    const r = await preview('/oversized.json');
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr).toMatch(/larger than 10 MB \(crawl\.maxPageBytes\)/);
  });
});
