/** `/api/alerts`: the rules and channels in force with the delivery history; the alerts section's YAML; a test of one rule. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../app-context.js';
import { alertsSectionYaml, HistoryQuerySchema, historyOf, saveAlerts, sectionFingerprint, testRule } from '../alerts.js';
import { NotFoundError } from '../config-edit.js';
import { BY_API } from './brands.js';
import { changeError, errors, json, validationHook } from './common.js';

const STATUS = z.enum(['pending', 'sending', 'retry', 'sent', 'failed']);

const MessageView = z
  .object({
    _id: z.string().describe('Message id (the delivery id receivers get).'),
    rule: z.string(),
    channel: z.string(),
    batch: z.string().describe('The digest it belongs to (the same for every channel of one digest).'),
    test: z.boolean().optional().describe('A sample sent by a test.'),
    status: STATUS,
    createdAt: z.string(),
    attempts: z.number().int(),
    nextAttemptAt: z.string().describe('When the next attempt is due (retry, pending).'),
    sentAt: z.string().optional(),
    lastError: z.string().optional().describe('Why the last attempt failed.'),
    findings: z.array(z.object({ _id: z.string(), kind: z.string(), title: z.string(), severity: z.string(), createdAt: z.string() })),
  })
  .describe('One outbox message: one delivery of a batch of findings to one channel.');

const AlertsView = z
  .object({
    revision: z.number().describe('Stored configuration revision.'),
    fingerprint: z.string().describe('Fingerprint of the alerts section; send it as If-Match with PUT /api/alerts.'),
    yaml: z.string().describe('The alerts section as YAML (what PUT /api/alerts takes).'),
    linkBase: z.string().optional(),
    delivery: z.record(z.string(), z.number()).describe('Delivery settings (timeoutSecs, maxAttempts, backoffSecs, budgetSecs).'),
    channels: z
      .array(z.record(z.string(), z.unknown()))
      .describe('Channels as configured: secrets appear only as environment variable names.'),
    rules: z.array(z.record(z.string(), z.unknown())).describe('Rules as configured, with their defaults.'),
    messages: z.array(MessageView).describe('Outbox messages, newest first, filtered.'),
    waiting: z
      .array(z.object({ _id: z.string(), rule: z.string(), kind: z.string(), title: z.string(), createdAt: z.string() }))
      .describe('Findings waiting for their digest.'),
  })
  .describe('Alert rules, channels and history.');

const TestView = z
  .object({
    rule: z.string(),
    batch: z.string(),
    delivered: z.boolean().describe('Whether every channel took the sample.'),
    channels: z.array(
      z.object({
        channel: z.string(),
        status: STATUS,
        attempts: z.number().int(),
        error: z.string().optional().describe('Why it was not delivered.'),
        message: z.string().describe('The outbox message (in the history).'),
      }),
    ),
  })
  .describe('How the test went, per channel.');

/** The alerts routes. */
export function alertRoutes(app: AppContext): OpenAPIHono<AppEnv> {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const log = app.log.child({ stage: 'alerts' });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/alerts',
      tags: ['alerts'],
      summary: 'The alert rules and channels in force, and the delivery history (as radar alerts list)',
      request: { query: HistoryQuerySchema },
      responses: { 200: json(AlertsView, 'Rules, channels, history.'), ...errors(400) },
    }),
    async (c) => {
      const s = await app.project.current();
      const { messages, waiting } = await historyOf(app.store, c.req.valid('query'));
      const { alerts } = s.config;
      return c.json(
        {
          revision: s.revision,
          fingerprint: sectionFingerprint(s.yaml),
          yaml: alertsSectionYaml(s.yaml),
          linkBase: alerts.linkBase,
          delivery: alerts.delivery,
          channels: alerts.channels,
          rules: alerts.rules,
          messages: messages.map(({ message: { sample: _s, lease: _l, leaseUntil: _u, alertIds: _a, ...m }, findings }) => ({
            ...m,
            findings,
          })),
          waiting: waiting.map((w) => ({ _id: w._id, rule: w.rule, kind: w.kind, title: w.title, createdAt: w.createdAt })),
        },
        200,
      );
    },
  );
  r.openapi(
    createRoute({
      method: 'put',
      path: '/alerts',
      tags: ['alerts'],
      summary:
        'Replace the alerts section (channels, rules, linkBase, delivery) with this YAML; checked with the whole project by the radar.yaml schema. If-Match: <fingerprint> refuses to overwrite a change made meanwhile',
      request: { body: { content: { 'application/yaml': { schema: z.string() } }, required: true } },
      responses: { 200: json(z.object({ revision: z.number(), fingerprint: z.string() }), 'Saved.'), ...errors(400, 403, 409) },
    }),
    async (c) => {
      try {
        const match = c.req.header('if-match')?.replace(/"/g, '');
        const s = await saveAlerts(app.project, await c.req.text(), BY_API, { base: match || undefined });
        return c.json({ revision: s.revision, fingerprint: sectionFingerprint(s.yaml) }, 200);
      } catch (err) {
        return changeError(c, err) as never;
      }
    },
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/alerts/{rule}/test',
      tags: ['alerts'],
      summary: 'Send a sample of the rule through each of its channels now (as radar alerts test RULE); says how each went',
      request: { params: z.object({ rule: z.string().describe('Rule id.') }) },
      responses: { 200: json(TestView, 'Sent (or not), per channel.'), ...errors(403, 404) },
    }),
    async (c) => {
      const s = await app.project.current();
      try {
        const { rule, batch, results } = await testRule(s.config, app.store, c.req.valid('param').rule, log);
        return c.json({ rule, batch, delivered: results.every((x) => x.status === 'sent'), channels: results }, 200);
      } catch (err) {
        if (err instanceof NotFoundError) return c.json({ error: err.message }, 404);
        throw err;
      }
    },
  );
  return r;
}
