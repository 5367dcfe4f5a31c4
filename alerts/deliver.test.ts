/**
 * Delivery against real receivers on loopback: an HTTP server for the webhook and the
 * Slack-compatible channel, an SMTP server (smtp-server) for e-mail, and the embedded store.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RadarConfig } from '../config/schema.js';
import { stageLogger } from '../log/logger.js';
import type { ReportRow } from '../reports/model.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';
import { fixtureConfig, reportOf, reviewRow } from '../test/alert-fixtures.js';
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from '../test/alert-receivers.js';
import { composeMessages } from './compose.js';
import { deliverDue } from './deliver.js';
import { evaluateRules } from './evaluate.js';
import type { AlertPayload } from './payload.js';
import { runAlerts, sendDueAlerts } from './run-alerts.js';
import { sendSample } from './sample.js';

const log = stageLogger('alerts-test');
const SECRET = 'webhook-signing-secret-for-tests';
const SMTP_PASSWORD = 'smtp-password-for-tests';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', () => ok()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

describe('alert delivery', () => {
  let dir: string;
  let store: EmbeddedStore;
  let hook: HttpReceiver;
  let smtp: SmtpReceiver;
  const env = { RADAR_TEST_HOOK_SECRET: SECRET, RADAR_TEST_SLACK_URL: '', RADAR_TEST_SMTP_PASSWORD: SMTP_PASSWORD };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-alerts-'));
    store = await EmbeddedStore.open(join(dir, '.radar'));
    hook = await startHttpReceiver();
    smtp = await startSmtpReceiver(SMTP_PASSWORD);
    env.RADAR_TEST_SLACK_URL = `${hook.url}/slack/T000/B000/secret-token`;
    Object.assign(process.env, env);
  });
  afterEach(async () => {
    await store.close();
    await hook.close();
    await smtp.close();
    for (const k of Object.keys(env)) delete process.env[k];
    rmSync(dir, { recursive: true, force: true });
  });

  const configWith = (rule: string, extra = '') =>
    fixtureConfig(`alerts:
  linkBase: https://radar.example.com/app
  channels:
    - { id: hook, type: webhook, url: "${hook.url}/hook", secretEnv: RADAR_TEST_HOOK_SECRET }
    - { id: chat, type: slack, urlEnv: RADAR_TEST_SLACK_URL }
    - { id: mail, type: email, host: 127.0.0.1, port: ${smtp.port}, user: radar, passwordEnv: RADAR_TEST_SMTP_PASSWORD, from: "Radar <radar@example.com>", to: [team@example.com] }
  delivery: { timeoutSecs: 2, backoffSecs: 0.2, maxAttempts: 3 }
  rules:
    - ${rule}
${extra}`);

  /** Stores the rows' documents and runs the alert step over them, as the report step does. */
  async function afterReport(config: RadarConfig, rows: ReportRow[]) {
    await store.upsertDocuments(rows.map((r) => r.doc));
    return runAlerts(config, store, { report: reportOf(config, rows), rows, runs: [] }, log);
  }

  const posts = (path: string) => hook.received.filter((r) => r.path.startsWith(path));

  it('sends one digest of new low-star reviews to each channel — signed, escaped, PII-redacted — and never again', async () => {
    const config = configWith('{ id: bad-reviews, type: reviews, channels: [hook, chat, mail] }');
    const known = reviewRow('kettle', 'Leaked from the first day.', { stars: 1, firstSeen: '2026-01-01T00:00:00.000Z' });
    // The first evaluation is the rule's starting point: reviews already stored are not news.
    expect((await afterReport(config, [known]))!.rules).toEqual([{ rule: 'bad-reviews', recorded: 0 }]);
    expect(hook.received).toEqual([]);

    const now = new Date().toISOString();
    const burst = [
      reviewRow('kettle', 'The <b>lid</b> snapped off & the spout leaks. Mail me at jane.doe@example.com', { stars: 1, firstSeen: now }),
      reviewRow('kettle', 'Rust inside after two weeks.', { stars: 2, firstSeen: now }),
      reviewRow('kettle', 'Lovely kettle, boils quickly.', { stars: 5, firstSeen: now }),
    ];
    // Stored as an import with redaction off would store it: the alert still redacts.
    const withMail = burst[0]!;
    withMail.doc = { ...withMail.doc, body: `${withMail.doc.body.replace('[email]', '')}jane.doe@example.com` };
    const outcome = await afterReport(config, [known, ...burst]);
    expect(outcome!.rules).toEqual([{ rule: 'bad-reviews', recorded: 2 }]);
    expect(outcome!.delivery).toEqual({ sent: 3, retrying: 0, failed: 0, left: 0 });

    const [post] = posts('/hook');
    expect(posts('/hook')).toHaveLength(1);
    const timestamp = post!.headers['x-radar-timestamp'] as string;
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${post!.body}`).digest('hex');
    expect(post!.headers['x-radar-signature']).toBe(`sha256=${expected}`);
    const body = JSON.parse(post!.body) as AlertPayload;
    expect(post!.headers['x-radar-delivery']).toBe(body.id);
    expect(body).toMatchObject({
      type: 'radar.alert',
      project: 'alert-fixture',
      rule: { id: 'bad-reviews', type: 'reviews', digest: 'run' },
      total: 2,
      omitted: 0,
    });
    expect(body.findings.map((f) => f.quotes[0]!.docId).sort()).toEqual([burst[0]!.doc._id, burst[1]!.doc._id].sort());
    expect(body.findings[0]!.link).toMatch(/^https:\/\/radar\.example\.com\/app\/explorer\?product=kettle&ratingMax=2/);
    expect(post!.body).not.toContain('jane.doe@example.com');
    expect(post!.body).toContain('[email]');

    const [slack] = posts('/slack/');
    expect(posts('/slack/')).toHaveLength(1);
    const text = (JSON.parse(slack!.body) as { text: string }).text;
    expect(text).toContain('&lt;b&gt;lid&lt;/b&gt; snapped off &amp; the spout leaks');
    expect(text).toMatch(/<https:\/\/radar\.example\.com\/app\/explorer\?[^|>]+\|1★ review of Kettlecorp Kettle>/);
    expect(text).not.toContain('jane.doe@example.com');

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(smtp.logins).toEqual([{ user: 'radar', pass: SMTP_PASSWORD }]);
    expect(mail.subject).toBe('[alert-fixture] 2 new low-star or negative reviews');
    expect(mail.text).toContain('The <b>lid</b> snapped off & the spout leaks');
    expect(mail.html).toContain('The &lt;b&gt;lid&lt;/b&gt; snapped off &amp; the spout leaks');
    expect(mail.html).not.toContain('<b>lid</b>');
    expect(`${mail.text}${mail.html}`).not.toContain('jane.doe@example.com');

    // The same data again, a retried job, a restart: nothing new is sent.
    await afterReport(config, [known, ...burst]);
    await store.close();
    store = await EmbeddedStore.open(join(dir, '.radar'));
    expect(await sendDueAlerts(config, store, log)).toEqual({ composed: 0, delivery: { sent: 0, retrying: 0, failed: 0, left: 0 } });
    await afterReport(config, [known, ...burst]);
    expect(hook.received).toHaveLength(2);
    expect(smtp.messages).toHaveLength(1);
  });

  it('lists at most maxItems findings in a digest and counts the rest', async () => {
    const config = configWith('{ id: bad-reviews, type: reviews, channels: [hook], maxItems: 3 }');
    await afterReport(config, []);
    const now = new Date().toISOString();
    const burst = Array.from({ length: 7 }, (_, i) =>
      reviewRow('toaster', `Burnt the bread again, attempt ${i + 1}.`, { stars: 1, firstSeen: now }),
    );
    await afterReport(config, burst);
    const body = JSON.parse(posts('/hook')[0]!.body) as AlertPayload;
    expect([body.findings.length, body.total, body.omitted]).toEqual([3, 7, 4]);
    expect(body.title).toBe('7 new low-star or negative reviews (first 3 listed)');
  });

  it('sends "immediate" findings one message each', async () => {
    const config = configWith('{ id: bad-reviews, type: reviews, channels: [hook], digest: immediate }');
    await afterReport(config, []);
    const now = new Date().toISOString();
    await afterReport(
      config,
      [1, 2, 3].map((i) => reviewRow('kettle', `Broken lid number ${i}.`, { stars: 1, firstSeen: now })),
    );
    expect(posts('/hook').map((p) => (JSON.parse(p.body) as AlertPayload).findings.length)).toEqual([1, 1, 1]);
  });

  it('retries a failed delivery with backoff, keeps the reason, and gives up after maxAttempts', async () => {
    const config = configWith('{ id: bad-reviews, type: reviews, channels: [hook] }');
    await afterReport(config, []);
    hook.answer = 503;
    const now = new Date().toISOString();
    const first = await afterReport(config, [reviewRow('kettle', 'Handle melted.', { stars: 1, firstSeen: now })]);
    expect(first!.delivery).toEqual({ sent: 0, retrying: 1, failed: 0, left: 0 });
    let [m] = await store.listAlertMessages();
    expect(m).toMatchObject({ status: 'retry', attempts: 1 });
    expect(m!.lastError).toBe('the receiver answered HTTP 503: receiver is down for maintenance');
    expect(Date.parse(m!.nextAttemptAt)).toBeGreaterThan(Date.now());
    // Not due yet: nothing is sent before the backoff.
    expect((await deliverDue(config, store, log)).sent + (await deliverDue(config, store, log)).retrying).toBe(0);
    await new Promise((ok) => setTimeout(ok, 250));
    expect((await deliverDue(config, store, log)).retrying).toBe(1);
    // The second wait is twice the first.
    [m] = await store.listAlertMessages();
    expect(m!.attempts).toBe(2);
    await new Promise((ok) => setTimeout(ok, 450));
    expect((await deliverDue(config, store, log)).failed).toBe(1);
    [m] = await store.listAlertMessages();
    expect(m).toMatchObject({ status: 'failed', attempts: 3 });
    expect(hook.received).toHaveLength(3);
    // The same message id on every attempt: a receiver can drop repeats.
    expect(new Set(hook.received.map((r) => r.headers['x-radar-delivery'])).size).toBe(1);
  });

  it('does not hang on a dead SMTP server or a webhook that never answers, and says why', async () => {
    const dead = await freePort();
    const config = fixtureConfig(`alerts:
  channels:
    - { id: slow, type: webhook, url: "${hook.url}/slow" }
    - { id: dead-mail, type: email, host: 127.0.0.1, port: ${dead}, from: radar@example.com, to: [team@example.com] }
  delivery: { timeoutSecs: 1 }
  rules:
    - { id: bad-reviews, type: reviews, channels: [slow, dead-mail] }
`);
    hook.answer = 'hang';
    await afterReport(config, []);
    const started = Date.now();
    const outcome = await afterReport(config, [reviewRow('kettle', 'Cracked base.', { stars: 1, firstSeen: new Date().toISOString() })]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(outcome!.delivery).toEqual({ sent: 0, retrying: 2, failed: 0, left: 0 });
    const reasons = Object.fromEntries((await store.listAlertMessages()).map((m) => [m.channel, m.lastError]));
    expect(reasons.slow).toBe('no answer from the receiver within 1 s');
    expect(reasons['dead-mail']).toMatch(/^SMTP 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });

  it('names the missing environment variable instead of sending, and never stores the secret', async () => {
    const config = configWith('{ id: bad-reviews, type: reviews, channels: [chat] }');
    delete process.env.RADAR_TEST_SLACK_URL;
    await afterReport(config, []);
    await afterReport(config, [reviewRow('kettle', 'Wobbly lid.', { stars: 2, firstSeen: new Date().toISOString() })]);
    const [m] = await store.listAlertMessages();
    expect(m!.lastError).toBe('environment variable RADAR_TEST_SLACK_URL (the incoming-webhook URL of channel "chat") is not set');
  });

  it('adopts a message stored just before a crash instead of composing a second one', async () => {
    const config = configWith('{ id: bad-reviews, type: reviews, channels: [hook] }');
    const rows = [reviewRow('kettle', 'Smells of plastic.', { stars: 1, firstSeen: new Date(Date.now() + 1000).toISOString() })];
    await evaluateRules(config, store, { report: reportOf(config, []), rows: [], runs: [] }, log);
    await store.upsertDocuments(rows.map((r) => r.doc));
    await evaluateRules(config, store, { report: reportOf(config, rows), rows, runs: [] }, log);
    const waiting = await store.listAlerts({ batched: false });
    expect(waiting).toHaveLength(1);
    // The crash: the message is stored, its findings not yet marked; then one more finding arrives.
    await store.addAlertMessages([
      {
        _id: 'crashed.hook',
        rule: 'bad-reviews',
        channel: 'hook',
        batch: 'crashed',
        alertIds: [waiting[0]!._id],
        status: 'pending',
        createdAt: new Date().toISOString(),
        attempts: 0,
        nextAttemptAt: new Date().toISOString(),
      },
    ]);
    expect(await composeMessages(config, store)).toEqual([]);
    expect((await store.listAlerts({ batch: 'crashed' })).map((a) => a._id)).toEqual([waiting[0]!._id]);
    await sendDueAlerts(config, store, log);
    expect(posts('/hook')).toHaveLength(1);
  });

  it('radar alerts test: sends a sample through every channel of the rule and reports each outcome', async () => {
    const config = configWith('{ id: health, type: source-health, channels: [hook, mail] }');
    const ok = await sendSample(config, store, config.alerts.rules[0]!, log);
    expect(ok.map((m) => [m.channel, m.status])).toEqual([
      ['hook', 'sent'],
      ['mail', 'sent'],
    ]);
    const body = JSON.parse(posts('/hook')[0]!.body) as AlertPayload;
    expect(body.test).toBe(true);
    expect(body.title).toBe('[test] Sample alert of rule "health" (source-health)');
    expect(smtp.messages[0]!.subject).toBe('[alert-fixture] [test] Sample alert of rule "health" (source-health)');
    // Nothing was found, so nothing is recorded; a failed test is not retried.
    expect(await store.listAlerts()).toEqual([]);
    hook.answer = 500;
    const failed = await sendSample(config, store, config.alerts.rules[0]!, log);
    expect(failed.find((m) => m.channel === 'hook')).toMatchObject({
      status: 'failed',
      lastError: 'the receiver answered HTTP 500: receiver is down for maintenance',
    });
  });
});
