/**
 * The server is safe to expose: Host check (DNS rebinding), `?token=` and sign-in never redirect
 * off-site, malformed percent-encoding is a 400, security headers on every response, sessions,
 * CSRF, roles, slowed failed sign-ins, escaped review text, JSON errors — against the real server
 * on loopback over a real embedded store.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { buildDocument } from '../domain/document.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';
import { startWebApp, type WebApp } from './server.js';

const EDITOR = 'editor-secret-123';
const VIEWER = 'viewer-secret-456';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so the Host header and the path go out exactly as written. */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

let dir: string;
let app: WebApp;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'radar-web-sec-'));
  const store = await EmbeddedStore.open(dir);
  const doc = buildDocument(
    {
      kind: 'review',
      origin: 'import',
      sourceId: 'shop',
      site: 'shop.example',
      url: 'https://shop.example/p/1',
      brand: 'acme',
      body: 'Nice <script>alert("x")</script> kettle & <b>bold</b> claims',
      fetchedAt: '2026-03-01T00:00:00Z',
    },
    { salt: 's', storeAuthorNames: false, redactPII: true },
  );
  await store.upsertDocuments([doc]);
  await store.close();
  const parsed = parseConfig(
    `project: sec\nbrands:\n  - { id: acme, name: Acme, own: true, sources: [{ id: shop, urls: ["https://shop.example/p/1"] }] }\n`,
  );
  if ('errors' in parsed) throw new Error(parsed.errors.join());
  parsed.config.storage.path = dir;
  app = await startWebApp({ config: parsed.config, port: 0, host: '127.0.0.1', editorToken: EDITOR, viewerToken: VIEWER });
  port = app.port;
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

async function session(token: string): Promise<{ cookie: string; csrf: string }> {
  const signIn = await raw(port, '/signin', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${token}&next=%2Fsources`,
  });
  expect(signIn.status).toBe(303);
  const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
  const page = await raw(port, '/sources', { headers: { cookie } });
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)![1]!;
  return { cookie, csrf };
}

describe('radar serve, exposed', () => {
  it('answers only for the host names it serves (DNS rebinding)', async () => {
    const evil = await raw(port, '/api/brands', { headers: { host: 'attacker.example', ...bearer(EDITOR) } });
    expect(evil.status).toBe(421);
    expect(JSON.parse(evil.body).error).toContain('RADAR_ALLOWED_HOSTS');
    expect((await raw(port, '/api/brands', { headers: { host: `localhost:${port}`, ...bearer(EDITOR) } })).status).toBe(200);
    expect((await raw(port, '/api/brands', { headers: { host: `127.0.0.1:${port}`, ...bearer(EDITOR) } })).status).toBe(200);
  });

  it('answers malformed percent-encoding in a path, query or cookie with 400', async () => {
    for (const path of ['/%E0%A4%A', '/explorer%zz', '/api/brands/%C3']) {
      const r = await raw(port, path, { headers: bearer(EDITOR) });
      expect(r.status, path).toBe(400);
    }
    expect((await raw(port, '/explorer?q=%E0%A4%A', { headers: bearer(EDITOR) })).status).toBe(400);
    expect((await raw(port, '/', { headers: { cookie: 'radar_session=%E0%A4%A' } })).status).toBe(400);
  });

  it('sends security headers on every response: pages, API, errors, assets, refusals', async () => {
    const answers = await Promise.all([
      raw(port, '/signin'),
      raw(port, '/api/brands', { headers: bearer(EDITOR) }),
      raw(port, '/api/nope', { headers: bearer(EDITOR) }),
      raw(port, '/api/brands'),
      raw(port, '/assets/app.js'),
      raw(port, '/%zz'),
      raw(port, '/', { headers: { host: 'evil.example' } }),
    ]);
    for (const a of answers) {
      const csp = String(a.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
      expect(a.headers['x-frame-options']).toBe('DENY');
      expect(a.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 404, 401, 200, 400, 421]);
  });

  it('signs in with ?token= once and never redirects off-site', async () => {
    const ok = await raw(port, `/explorer?brand=acme&token=${EDITOR}`);
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/explorer?brand=acme');
    expect(String(ok.headers['set-cookie'])).toMatch(/radar_session=.+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict/);
    for (const path of [`//attacker.example/?token=${EDITOR}`, `/\\attacker.example/?token=${EDITOR}`]) {
      const r = await raw(port, path);
      if (r.status === 303) expect(String(r.headers.location), path).toMatch(/^\/(?![/\\])/);
      else expect(r.status, path).toBeLessThan(500);
    }
    const form = await raw(port, '/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${EDITOR}&next=${encodeURIComponent('//attacker.example/x')}`,
    });
    expect(form.headers.location).toBe('/');
    const scheme = await raw(port, '/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${EDITOR}&next=${encodeURIComponent('https://attacker.example/')}`,
    });
    expect(scheme.headers.location).toBe('/');
  });

  it('slows down failed sign-ins, more with each failure', async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = await raw(port, '/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'token=wrong',
      });
      times.push(performance.now() - t0);
      expect(r.body).toContain('not valid');
    }
    expect(times[0]).toBeGreaterThanOrEqual(200);
    expect(times[2]).toBeGreaterThanOrEqual(900);
    await session(EDITOR); // a good sign-in still works, and resets the count
  });

  it('needs the session’s CSRF token for writes made with a cookie, and refuses other sites', async () => {
    const { cookie, csrf } = await session(EDITOR);
    const body = JSON.stringify({ id: 'rival', name: 'Rival', own: false, aliases: [] });
    const json = { 'content-type': 'application/json', cookie };
    expect((await raw(port, '/api/brands', { method: 'POST', headers: json, body })).status).toBe(403);
    expect((await raw(port, '/api/brands', { method: 'POST', headers: { ...json, 'x-csrf-token': 'forged' }, body })).status).toBe(403);
    const cross = await raw(port, '/api/brands', {
      method: 'POST',
      headers: { ...json, 'x-csrf-token': csrf, origin: 'https://attacker.example' },
      body,
    });
    expect(cross.status).toBe(403);
    const made = await raw(port, '/api/brands', { method: 'POST', headers: { ...json, 'x-csrf-token': csrf }, body });
    expect(made.status).toBe(201);
    // A form carries the token in its body.
    const form = await raw(port, '/brands/rival/delete', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: `http://127.0.0.1:${port}` },
      body: `_csrf=${encodeURIComponent(csrf)}`,
    });
    expect(form.status).toBe(303);
  });

  it('lets a viewer read and export, and refuses every change', async () => {
    const { cookie, csrf } = await session(VIEWER);
    expect((await raw(port, '/api/documents', { headers: { cookie } })).status).toBe(200);
    expect((await raw(port, '/api/documents/export?format=jsonl', { headers: { cookie } })).status).toBe(200);
    const attempts = [
      raw(port, '/api/brands', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: '{"id":"x","name":"X"}',
      }),
      raw(port, '/api/sources/shop/run', { method: 'POST', headers: bearer(VIEWER) }),
      raw(port, '/api/sources/shop', { method: 'DELETE', headers: bearer(VIEWER) }),
      raw(port, '/api/authors/abcdefgh1234', { method: 'DELETE', headers: bearer(VIEWER) }),
      raw(port, '/sources/shop/delete', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: `_csrf=${csrf}`,
      }),
    ];
    expect((await Promise.all(attempts)).map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect(JSON.parse((await raw(port, '/api/sources', { headers: bearer(VIEWER) })).body)).toHaveLength(1);
  });

  it('escapes review text on every page', async () => {
    const page = await raw(port, '/explorer', { headers: bearer(EDITOR) });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Nice &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; kettle &amp; &lt;b&gt;bold&lt;/b&gt; claims');
    expect(page.body).not.toContain('<script>alert');
  });

  it("refuses sources and previews that point inside the server's own network", async () => {
    for (const [path, body] of [
      ['/api/sources', { id: 'inside', brand: 'acme', urls: ['http://127.0.0.1:6379/'] }],
      ['/api/sources', { id: 'cloud', brand: 'acme', urls: ['http://169.254.169.254/latest/meta-data/'] }],
      ['/api/preview', { urls: ['http://10.0.0.8/reviews'] }],
    ] as const) {
      const res = await raw(port, path, {
        method: 'POST',
        headers: { ...bearer(EDITOR), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).fields.urls, path).toMatch(/refused to connect .*allowPrivateNetworks/);
    }
    expect(JSON.parse((await raw(port, '/api/sources', { headers: bearer(EDITOR) })).body)).toHaveLength(1);
  });

  it('answers API errors as JSON a user can act on, with the right status', async () => {
    const invalid = await raw(port, '/api/sources', {
      method: 'POST',
      headers: { ...bearer(EDITOR), 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'Bad Id', urls: ['ftp://x'], maxPages: 0 }),
    });
    expect(invalid.status).toBe(400);
    const error = JSON.parse(invalid.body) as { error: string; fields: Record<string, string> };
    expect(Object.keys(error.fields).sort()).toEqual(['id', 'maxPages', 'urls']);
    expect(error.fields.urls).toBe('line 1: must be an absolute http(s) URL');
    const dup = await raw(port, '/api/sources', {
      method: 'POST',
      headers: { ...bearer(EDITOR), 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'shop', brand: 'acme', urls: ['https://shop.example/2'] }),
    });
    expect(dup.status).toBe(400);
    expect(JSON.parse(dup.body).fields.id).toContain('duplicate source id "shop"');
    const orphan = await raw(port, '/api/sources', {
      method: 'POST',
      headers: { ...bearer(EDITOR), 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'orphan', brand: 'nope', urls: ['https://shop.example/3'] }),
    });
    expect(orphan.status).toBe(400);
    expect(JSON.parse(orphan.body).fields.brand).toContain('no brand "nope"');
    expect((await raw(port, '/api/sources/nope', { headers: bearer(EDITOR) })).status).toBe(404);
    const bad = await raw(port, '/api/documents?ratingMin=9&from=yesterday', { headers: bearer(EDITOR) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).fields).toHaveProperty('from');
  });

  it('documents the API in /api/openapi.json', async () => {
    const doc = JSON.parse((await raw(port, '/api/openapi.json', { headers: bearer(VIEWER) })).body) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    for (const [path, methods] of Object.entries({
      '/api/brands': ['get', 'post'],
      '/api/brands/{id}': ['get', 'put', 'delete'],
      '/api/sources': ['get', 'post'],
      '/api/sources/{id}': ['get', 'put', 'delete'],
      '/api/sources/{id}/run': ['post'],
      '/api/preview': ['post'],
      '/api/runs': ['get'],
      '/api/documents': ['get'],
      '/api/personas': ['get'],
      '/api/report': ['get'],
    })) {
      for (const m of methods) expect(doc.paths[path]?.[m], `${m} ${path}`).toBeDefined();
    }
    const params = doc.paths['/api/documents']!.get!.parameters!.map((p) => p.name);
    for (const p of [
      'brand',
      'product',
      'source',
      'kind',
      'from',
      'to',
      'ratingMin',
      'ratingMax',
      'sentiment',
      'aspect',
      'theme',
      'persona',
      'lang',
      'q',
      'page',
      'limit',
    ])
      expect(params).toContain(p);
  });

  it("serves the report's words in the configured language for pages to follow report.language", async () => {
    const res = await raw(port, '/api/messages', { headers: bearer(VIEWER) });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { language: string; dir: string; messages: { heading: { personas: string } } };
    expect(body).toMatchObject({ language: 'en', dir: 'ltr', messages: { heading: { personas: 'Personas' } } });
  });
});
