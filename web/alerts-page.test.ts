/**
 * The Alerts page and `/api/alerts` against the real server on loopback over a real embedded store,
 * with a real HTTP receiver for the webhook: rules and channels readable (secrets by name only), the
 * section edited and validated by the radar.yaml schema (problems beside the field with their path
 * and line, nothing saved), saved as a new stored revision, a test per rule, the history with the
 * reason of each failure and its filters; a viewer cannot change anything, every write needs the
 * CSRF token, and stored text is escaped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import type { AlertMessage } from '../domain/alerts.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';
import { fixtureYaml } from '../test/alert-fixtures.js';
import { type HttpReceiver, startHttpReceiver } from '../test/alert-receivers.js';
import { startWebApp, type WebApp } from './server.js';

const EDITOR = 'alerts-editor-token-1';
const VIEWER = 'alerts-viewer-token-2';
const SECRET_ENV = 'RADAR_TEST_ALERTS_PAGE_SECRET';
const SECRET_VALUE = 'do-not-show-9c1e7f';

let dir: string;
let app: WebApp;
let base: string;
let receiver: HttpReceiver;
let closedPort: number;

/** A loopback port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

const stored = (over: Partial<AlertMessage>): AlertMessage => ({
  _id: 'm',
  rule: 'bad-reviews',
  channel: 'hook',
  batch: 'b',
  alertIds: [],
  status: 'sent',
  createdAt: '2026-03-01T09:00:00.000Z',
  attempts: 1,
  nextAttemptAt: '2026-03-01T09:00:00.000Z',
  ...over,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'radar-web-alerts-'));
  receiver = await startHttpReceiver();
  closedPort = await freePort();
  process.env[SECRET_ENV] = SECRET_VALUE;
  const store = await EmbeddedStore.open(dir);
  // History from earlier runs: one delivered digest, and one that failed for good with a receiver's
  // answer that carries markup (and a rule since removed whose stored id carries markup too).
  await store.addAlertMessages([
    stored({ _id: 'old-sent', sentAt: '2026-03-01T09:00:01.000Z' }),
    stored({
      _id: 'old-failed',
      rule: '<b>gone-rule</b>',
      channel: 'hook',
      status: 'failed',
      attempts: 8,
      createdAt: '2026-03-02T09:00:00.000Z',
      lastError: 'the receiver answered HTTP 500: <img src=x onerror=alert(1)>',
    }),
  ]);
  await store.close();
  const yaml = fixtureYaml(`alerts:
  # Who hears about what.
  channels:
    - { id: hook, type: webhook, url: "${receiver.url}/hook", secretEnv: ${SECRET_ENV} }
    - { id: dead, type: webhook, url: "http://127.0.0.1:${closedPort}/hook" }
    - { id: chat, type: slack, urlEnv: RADAR_TEST_UNSET_SLACK_URL }
  rules:
    - { id: bad-reviews, type: reviews, maxStars: 2, channels: [hook] }
    - { id: broken-sources, type: source-health, channels: [dead], digest: immediate }
  delivery: { timeoutSecs: 3 }
`);
  const parsed = parseConfig(yaml);
  if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
  parsed.config.storage.path = dir;
  // As radar serve starts: the local radar.yaml (with its comments) is the project until the first change.
  app = await startWebApp({
    config: parsed.config,
    local: { config: parsed.config, yaml, path: join(dir, 'radar.yaml') },
    port: 0,
    host: '127.0.0.1',
    editorToken: EDITOR,
    viewerToken: VIEWER,
  });
  base = `http://127.0.0.1:${app.port}`;
});

afterAll(async () => {
  await app?.close();
  await receiver?.close();
  delete process.env[SECRET_ENV];
  rmSync(dir, { recursive: true, force: true });
});

interface Session {
  cookie: string;
  csrf: string;
}

async function session(token: string): Promise<Session> {
  const signIn = await fetch(`${base}/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${token}&next=%2Falerts`,
    redirect: 'manual',
  });
  expect(signIn.status).toBe(303);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const page = await (await fetch(`${base}/alerts`, { headers: { cookie } })).text();
  return { cookie, csrf: /<meta name="csrf-token" content="([^"]+)"/.exec(page)![1]! };
}

const page = async (s: Session, path: string) => {
  const r = await fetch(`${base}${path}`, { headers: { cookie: s.cookie } });
  return { status: r.status, body: await r.text() };
};

const post = (s: Session, path: string, fields: Record<string, string>) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

const storedYaml = async () => {
  const r = await fetch(`${base}/api/config`, { headers: bearer(EDITOR) });
  return { yaml: await r.text(), revision: Number(r.headers.get('x-radar-revision')) };
};

/** The edit form's fingerprint of the section as loaded. */
const formBase = async (s: Session) => /name="base" value="([^"]+)"/.exec((await page(s, '/alerts/edit')).body)![1]!;

describe('the Alerts page', () => {
  it('shows the rules and channels in force, secrets by the names of their environment variables only', async () => {
    const s = await session(VIEWER);
    const { status, body } = await page(s, '/alerts');
    expect(status).toBe(200);
    expect(body).toContain('<a href="/alerts" aria-current="page">Alerts</a>');
    const rules = body.slice(body.indexOf('id="rules-h"'), body.indexOf('id="channels-h"'));
    expect(rules).toContain('bad-reviews');
    expect(rules).toContain('new reviews at or below 2★, or whose text reads negative');
    expect(rules).toContain('your own brands');
    expect(rules).toContain('one digest per report run');
    expect(rules).toContain('broken-sources');
    expect(rules).toContain('at once, one message per finding');
    const channels = body.slice(body.indexOf('id="channels-h"'), body.indexOf('id="history"'));
    expect(channels).toContain(`POST to ${receiver.url}/hook`);
    expect(channels).toContain(`<code>${SECRET_ENV}</code>`);
    expect(channels).toContain(
      '<code>RADAR_TEST_UNSET_SLACK_URL</code> <span class="muted">(webhook URL)</span> <span class="tag alt">not set on this server</span>',
    );
    expect(body).not.toContain(SECRET_VALUE);
    const api = await (await fetch(`${base}/api/alerts`, { headers: bearer(VIEWER) })).text();
    expect(api).toContain(SECRET_ENV);
    expect(api).not.toContain(SECRET_VALUE);
  });

  it('shows a viewer no edit controls, and refuses the viewer every change (403), with or without the CSRF token', async () => {
    const s = await session(VIEWER);
    const { body } = await page(s, '/alerts');
    expect(body).not.toContain('Edit rules and channels');
    expect(body).not.toContain('Send a test');
    expect((await page(s, '/alerts/edit')).status).toBe(403);
    const before = await storedYaml();
    const edit = await post(s, '/alerts/edit', { _csrf: s.csrf, alerts: 'rules: []\nchannels: []\n' });
    expect(edit.status).toBe(403);
    expect(await edit.text()).toContain('Your role is viewer');
    expect((await post(s, '/alerts/bad-reviews/test', { _csrf: s.csrf })).status).toBe(403);
    const api = await fetch(`${base}/api/alerts/bad-reviews/test`, { method: 'POST', headers: bearer(VIEWER) });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: string }).error).toContain('viewer');
    const put = await fetch(`${base}/api/alerts`, {
      method: 'PUT',
      headers: { ...bearer(VIEWER), 'content-type': 'application/yaml' },
      body: '',
    });
    expect(put.status).toBe(403);
    expect(receiver.received).toEqual([]);
    expect(await storedYaml()).toEqual(before);
  });

  it('needs the session’s CSRF token for every write an editor makes from the page', async () => {
    const s = await session(EDITOR);
    const before = await storedYaml();
    for (const token of [undefined, 'forged-token']) {
      const fields = { alerts: 'rules: []\nchannels: []\n', ...(token ? { _csrf: token } : {}) };
      expect((await post(s, '/alerts/edit', fields)).status).toBe(403);
      expect((await post(s, '/alerts/bad-reviews/test', token ? { _csrf: token } : {})).status).toBe(403);
    }
    const api = await fetch(`${base}/api/alerts/bad-reviews/test`, { method: 'POST', headers: { cookie: s.cookie } });
    expect(api.status).toBe(403);
    expect(receiver.received).toEqual([]);
    expect(await storedYaml()).toEqual(before);
  });

  it('escapes stored rule ids and failure reasons', async () => {
    const s = await session(EDITOR);
    const { body } = await page(s, '/alerts?status=failed');
    expect(body).toContain('the receiver answered HTTP 500: &lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('&lt;b&gt;gone-rule&lt;/b&gt;');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<b>gone-rule');
  });

  it('shows the section’s problems beside the field with their path and line, and saves nothing', async () => {
    const s = await session(EDITOR);
    const edit = await page(s, '/alerts/edit');
    expect(edit.body).toContain('# Who hears about what.');
    const before = await storedYaml();
    const text = `channels:
  - { id: hook, type: webhook, url: "${receiver.url}/hook" }
rules:
  - id: bad-reviews
    type: reviews
    channels: [pager]
    scope: { products: [no-such-product] }
`;
    const r = await post(s, '/alerts/edit', { _csrf: s.csrf, base: await formBase(s), alerts: text });
    expect(r.status).toBe(200);
    const body = await r.text();
    const beside = body.slice(body.indexOf('id="f-alerts-error"'), body.indexOf('<div class="actions">'));
    expect(beside).toContain('alerts.rules[0].channels[0] (line 6): no channel &quot;pager&quot; in alerts.channels (channels: hook)');
    expect(beside).toContain('alerts.rules[0].scope.products[0] (line 7): no product &quot;no-such-product&quot; is configured');
    expect(body).toContain('aria-invalid="true"');
    // What was typed is kept in the field.
    expect(body).toContain('channels: [pager]');
    // The check as it is edited says the same, into the same place.
    const check = await post(s, '/alerts/check', { _csrf: s.csrf, alerts: text });
    const fragment = await check.text();
    expect(fragment).toContain('id="f-alerts-error"');
    expect(fragment).toContain('hx-swap-oob="true"');
    expect(fragment).toContain('alerts.rules[0].channels[0] (line 6)');
    const syntax = await post(s, '/alerts/check', { _csrf: s.csrf, alerts: 'rules:\n  - id: x\n   type: [reviews\n' });
    expect(await syntax.text()).toMatch(/alerts: line \d+, column \d+: /);
    expect(await storedYaml()).toEqual(before);
  });

  it('saves a valid section as a new stored revision, keeps the rest of the project, and shows it', async () => {
    const s = await session(EDITOR);
    const before = await storedYaml();
    const text = `# Who hears about what.
channels:
  - { id: hook, type: webhook, url: "${receiver.url}/hook", secretEnv: ${SECRET_ENV} }
  - { id: dead, type: webhook, url: "http://127.0.0.1:${closedPort}/hook" }
rules:
  - { id: bad-reviews, type: reviews, maxStars: 1, channels: [hook], scope: { products: [kettle] } }
  - { id: broken-sources, type: source-health, channels: [dead], digest: immediate }
  - { id: weekly-rivals, type: competitors, channels: [hook], digest: weekly, day: friday, at: "08:30", timezone: Europe/Berlin }
delivery: { timeoutSecs: 3, maxAttempts: 4 }
`;
    const r = await post(s, '/alerts/edit', { _csrf: s.csrf, base: await formBase(s), alerts: text });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/alerts?saved=1');
    const after = await storedYaml();
    expect(after.revision).toBe(before.revision + 1);
    expect(after.yaml).toContain('id: weekly-rivals');
    expect(after.yaml).toContain('# Who hears about what.');
    expect(after.yaml).toContain('id: kettlecorp');
    expect(after.yaml).not.toContain('RADAR_TEST_UNSET_SLACK_URL');
    const shown = (await page(s, '/alerts?saved=1')).body;
    expect(shown).toContain('Saved the alerts section');
    expect(shown).toContain('weekly digest, Fridays at 08:30 Europe/Berlin');
    expect(shown).toContain('new reviews at or below 1★');
    expect(shown).toContain('products: kettle');
    expect(shown).toContain('up to 4 attempts');
  });

  it('refuses to overwrite a change someone else saved to the section since the form was loaded', async () => {
    const s = await session(EDITOR);
    const stale = await formBase(s);
    const current = (await (await fetch(`${base}/api/alerts`, { headers: bearer(EDITOR) })).json()) as {
      yaml: string;
      fingerprint: string;
    };
    const put = await fetch(`${base}/api/alerts`, {
      method: 'PUT',
      headers: { ...bearer(EDITOR), 'content-type': 'application/yaml', 'if-match': current.fingerprint },
      body: current.yaml.replace('maxAttempts: 4', 'maxAttempts: 5'),
    });
    expect(put.status).toBe(200);
    const before = await storedYaml();
    const r = await post(s, '/alerts/edit', { _csrf: s.csrf, base: stale, alerts: current.yaml });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('changed by someone else');
    expect(await storedYaml()).toEqual(before);
    const api = await fetch(`${base}/api/alerts`, {
      method: 'PUT',
      headers: { ...bearer(EDITOR), 'content-type': 'application/yaml', 'if-match': current.fingerprint },
      body: current.yaml,
    });
    expect(api.status).toBe(409);
  });

  it('sends a test through each channel of a rule and says how each went; a failure shows in the history with its reason', async () => {
    const s = await session(EDITOR);
    const sent = await post(s, '/alerts/bad-reviews/test', { _csrf: s.csrf });
    expect(sent.status).toBe(303);
    const ok = (await page(s, sent.headers.get('location')!)).body;
    expect(ok).toContain('Test of rule <strong>bad-reviews</strong>: delivered to every channel.');
    expect(ok).toContain('<strong>hook</strong>: ✓ sent');
    expect(receiver.received).toHaveLength(1);
    const delivered = JSON.parse(receiver.received[0]!.body) as { test: boolean; rule: { id: string } };
    expect(delivered).toMatchObject({ test: true, rule: { id: 'bad-reviews' } });
    expect(receiver.received[0]!.headers['x-radar-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

    const failed = await post(s, '/alerts/broken-sources/test', { _csrf: s.csrf });
    const bad = (await page(s, failed.headers.get('location')!)).body;
    expect(bad).toContain('not delivered everywhere');
    expect(bad).toContain('<strong>dead</strong>: ✗ not sent — cannot reach the receiver: ECONNREFUSED');

    const history = (await page(s, '/alerts?rule=broken-sources&status=failed')).body;
    const rows = history.slice(history.indexOf('<tbody>', history.indexOf('id="history"')));
    expect(rows).toContain('broken-sources <span class="tag alt">test</span>');
    expect(rows).toContain('✗ failed');
    expect(rows).toContain('cannot reach the receiver: ECONNREFUSED');
    expect(rows).not.toContain('bad-reviews');
    expect(history).toContain('<option value="failed" selected="">Failed</option>');

    expect((await post(s, '/alerts/no-such-rule/test', { _csrf: s.csrf })).status).toBe(404);
  });

  it('answers GET /api/alerts with the rules and the filtered history, POST /api/alerts/{rule}/test per channel, errors as JSON', async () => {
    const all = (await (await fetch(`${base}/api/alerts?status=failed,retry&limit=10`, { headers: bearer(VIEWER) })).json()) as {
      rules: { id: string }[];
      messages: { rule: string; status: string; lastError?: string }[];
    };
    expect(all.rules.map((r) => r.id)).toEqual(['bad-reviews', 'broken-sources', 'weekly-rivals']);
    expect(all.messages.length).toBeGreaterThanOrEqual(2);
    for (const m of all.messages) {
      expect(m.status).toBe('failed');
      expect(m.lastError).toBeTruthy();
    }
    const one = (await (await fetch(`${base}/api/alerts?rule=bad-reviews`, { headers: bearer(VIEWER) })).json()) as {
      messages: { rule: string }[];
    };
    expect(one.messages.length).toBeGreaterThan(0);
    expect(new Set(one.messages.map((m) => m.rule))).toEqual(new Set(['bad-reviews']));

    const wrong = await fetch(`${base}/api/alerts?status=lost`, { headers: bearer(VIEWER) });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toContain('unknown status lost');

    const test = await fetch(`${base}/api/alerts/bad-reviews/test`, { method: 'POST', headers: bearer(EDITOR) });
    expect(test.status).toBe(200);
    expect(await test.json()).toMatchObject({ rule: 'bad-reviews', delivered: true, channels: [{ channel: 'hook', status: 'sent' }] });
    const missing = await fetch(`${base}/api/alerts/nope/test`, { method: 'POST', headers: bearer(EDITOR) });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toContain('no alert rule "nope"');

    const invalid = await fetch(`${base}/api/alerts`, {
      method: 'PUT',
      headers: { ...bearer(EDITOR), 'content-type': 'application/yaml' },
      body: 'rules:\n  - { id: x, type: reviews, channels: [nowhere] }\n',
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { problems: string[] }).problems).toEqual([
      'alerts.rules[0].channels[0] (line 2): no channel "nowhere" in alerts.channels (define one there first)',
    ]);

    const doc = (await (await fetch(`${base}/api/openapi.json`, { headers: bearer(VIEWER) })).json()) as { paths: Record<string, object> };
    expect(Object.keys(doc.paths['/api/alerts']!)).toEqual(expect.arrayContaining(['get', 'put']));
    expect(Object.keys(doc.paths['/api/alerts/{rule}/test']!)).toEqual(['post']);
  });
});
