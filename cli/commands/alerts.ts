/**
 * `radar alerts`: the alert outbox and history (`list`), a sample through a rule's channels
 * (`test RULE`), and a delivery pass for digests whose time came and retries that are due (`send`;
 * one-shot installations run it from cron for daily and weekly digests).
 */
import type { CommandSpec } from '../command.js';
import { loadProject, say, wholeNumber, withStore } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import type { AlertMessageStatus } from '../../domain/alerts.js';

const ACTIONS = ['list', 'test', 'send'] as const;
const STATUSES: AlertMessageStatus[] = ['pending', 'sending', 'retry', 'sent', 'failed'];

/** Parses "--status failed,retry". */
function parseStatuses(value: unknown): AlertMessageStatus[] | undefined {
  if (value === undefined) return undefined;
  const list = String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((s) => !(STATUSES as string[]).includes(s));
  if (bad.length) throw new UsageError(`--status: unknown status ${bad.join(', ')}; choose from ${STATUSES.join(', ')}`);
  return list as AlertMessageStatus[];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map(
      (r) =>
        `${r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}

const when = (iso: string | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '–');

/** The `radar alerts` command. */
export const alerts: CommandSpec = {
  name: 'alerts',
  summary: 'list alert deliveries and findings, send a test of a rule, or send what is due',
  args: ['<action>', '[rule]'],
  help: `
Actions:
  list           the outbox, newest first: status, attempts, the reason of the last failure, and the findings
                 waiting for their digest
  test RULE      send a sample of RULE through each of its channels now, and say how each went
  send           compose the digests whose time came and deliver what is due (retries included);
                 run it from cron for daily and weekly digests in one-shot mode

Examples:
  radar alerts list --status failed,retry
  radar alerts test bad-reviews
  radar alerts send`,
  options: [
    { flags: '--rule <id>', description: 'list: only this rule' },
    { flags: '--status <list>', description: `list: only messages in these states (${STATUSES.join(', ')})` },
    { flags: '--limit <n>', description: 'list: most messages', default: '50' },
    { flags: '--json', description: 'list: one JSON object per message' },
  ],
  async run(args, options, ctx) {
    const [action, ruleId] = args;
    if (!(ACTIONS as readonly string[]).includes(action ?? ''))
      throw new UsageError(`radar alerts ${action ?? ''}: choose one of ${ACTIONS.join(', ')}`);
    const { config } = await loadProject(ctx);
    const { stageLogger } = await import('../../log/logger.js');
    const log = stageLogger('alerts');

    if (action === 'test') {
      const rule = config.alerts.rules.find((r) => r.id === ruleId);
      if (!rule) {
        const ids = config.alerts.rules.map((r) => r.id);
        throw new UsageError(
          `radar alerts test: ${ruleId ? `no rule "${ruleId}"` : 'name a rule'} (${ids.length ? `rules: ${ids.join(', ')}` : 'radar.yaml has no alerts.rules'})`,
        );
      }
      const { sendSample } = await import('../../alerts/sample.js');
      const sent = await withStore(config, (store) => sendSample(config, store, rule, log));
      for (const m of sent) {
        ctx.stdout.write(`${m.channel}: ${m.status === 'sent' ? 'sent' : `not sent — ${m.lastError ?? m.status}`}\n`);
      }
      return sent.every((m) => m.status === 'sent') ? 0 : 1;
    }

    if (action === 'send') {
      const { sendDueAlerts } = await import('../../alerts/run-alerts.js');
      const { composed, delivery } = await withStore(config, (store) => sendDueAlerts(config, store, log), { existing: true });
      ctx.stdout.write(
        `composed ${composed} messages; sent ${delivery.sent}, retrying ${delivery.retrying}, failed ${delivery.failed}${delivery.left ? `, ${delivery.left} left for the next run` : ''}\n`,
      );
      return delivery.failed || delivery.retrying ? 1 : 0;
    }

    const { alertHistory } = await import('../../alerts/history.js');
    const history = await withStore(
      config,
      (store) =>
        alertHistory(store, {
          rule: options.rule as string | undefined,
          status: parseStatuses(options.status),
          limit: wholeNumber(options.limit, '--limit'),
        }),
      { existing: true },
    );
    if (options.json) {
      for (const e of history.messages) ctx.stdout.write(`${JSON.stringify({ ...e.message, sample: undefined, findings: e.findings })}\n`);
      return 0;
    }
    if (!history.messages.length) ctx.stdout.write('no alert messages yet\n');
    else {
      const rows = [['created (UTC)', 'rule', 'channel', 'status', 'tries', 'next / sent', 'findings', 'last error']];
      for (const { message: m, findings } of history.messages) {
        rows.push([
          when(m.createdAt),
          m.rule + (m.test ? ' (test)' : ''),
          m.channel,
          m.status,
          String(m.attempts),
          m.status === 'sent' ? when(m.sentAt) : m.status === 'failed' ? '–' : when(m.nextAttemptAt),
          findings.length === 1 ? findings[0]!.title.slice(0, 60) : `${findings.length} findings`,
          (m.lastError ?? '').slice(0, 120),
        ]);
      }
      ctx.stdout.write(table(rows));
    }
    if (history.waiting.length) {
      say(ctx, `${history.waiting.length} findings wait for their digest:`);
      for (const w of history.waiting.slice(0, 20)) ctx.stdout.write(`  waiting  ${when(w.createdAt)}  ${w.rule}  ${w.title}\n`);
    }
    return 0;
  },
};
