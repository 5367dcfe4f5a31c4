/**
 * `radar schedule sync|list|run-now SOURCE`: the crawl schedules of service mode. `sync` turns the
 * config's cron schedules into BullMQ job schedulers (safe on every deploy), `list` shows them with
 * their next run, `run-now` queues one crawl at once. Redis unreachable: exit 1 within seconds.
 */
import type { CommandSpec } from '../command.js';
import { loadProject, say } from '../context.js';
import { UsageError } from '../../domain/errors.js';

const ACTIONS = ['sync', 'list', 'run-now'] as const;

export const schedule: CommandSpec = {
  name: 'schedule',
  summary: "sync the config's crawl schedules to Redis, list them with their next run, or run one now",
  args: ['<action>', '[source]'],
  help: `
Actions:
  sync             create/update a job scheduler per scheduled source; remove the ones no longer configured
  list             every schedule with its next run (and whether it matches radar.yaml)
  run-now SOURCE   queue a crawl of SOURCE now (workers pick it up)

Needs Redis (RADAR_REDIS_URL or queue.redisUrl). Examples:
  radar schedule sync
  radar schedule list --json
  radar schedule run-now acme-kettle --full`,
  options: [
    { flags: '--json', description: 'print schedules (list) or the outcome as JSON' },
    { flags: '--full', description: 'with run-now: page through everything, not only up to the first known review' },
  ],
  async run(args, options, ctx) {
    const [action, sourceId] = args;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number]))
      throw new UsageError(`schedule: unknown action "${action}"; use one of ${ACTIONS.join(', ')}`);
    if (action === 'run-now' && !sourceId)
      throw new UsageError('schedule run-now: name the source to crawl, e.g. `radar schedule run-now acme-kettle`');
    if (action !== 'run-now' && sourceId) throw new UsageError(`schedule ${action}: takes no source (did you mean run-now?)`);
    const { config, path } = await loadProject(ctx);
    const { listSources } = await import('../../config/load.js');
    if (action === 'run-now' && !listSources(config).some((t) => t.source.id === sourceId)) {
      const known = listSources(config).map((t) => t.source.id);
      throw new UsageError(
        `schedule run-now: no source "${sourceId}" in radar.yaml${known.length ? ` (sources: ${known.join(', ')})` : ''}`,
      );
    }
    const { queueSettings, commandConnection, openQueues, closeQueues, addCrawlJob } = await import('../../jobs/queues.js');
    const settings = queueSettings(config, path);
    const conn = await commandConnection(settings.redisUrl);
    const queues = openQueues(conn, settings);
    try {
      if (action === 'sync') {
        const { syncSchedules } = await import('../../jobs/schedules.js');
        const outcome = await syncSchedules(queues, config);
        if (options.json) ctx.stdout.write(`${JSON.stringify(outcome)}\n`);
        const total = outcome.added.length + outcome.updated.length + outcome.unchanged.length;
        say(
          ctx,
          `${total} schedule${total === 1 ? '' : 's'} synced (${outcome.added.length} added, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged), ${outcome.removed.length} removed${outcome.removed.length ? `: ${outcome.removed.join(', ')}` : ''}`,
        );
        if (total === 0) say(ctx, 'no source in radar.yaml has a `schedule` (cron) — add one, e.g. schedule: "0 6 * * *"');
        return 0;
      }
      if (action === 'list') {
        const { listSchedules, localTime } = await import('../../jobs/schedules.js');
        const entries = await listSchedules(queues, config);
        if (options.json) {
          for (const e of entries) ctx.stdout.write(`${JSON.stringify(e)}\n`);
          return 0;
        }
        if (!entries.length) {
          ctx.stdout.write('no schedules (add `schedule:` to sources in radar.yaml, then run radar schedule sync)\n');
          return 0;
        }
        const rows = [['source', 'cron', 'timezone', 'next run (UTC)', 'next run (local)', 'status']];
        for (const e of entries) {
          rows.push([
            e.sourceId ?? e.id,
            e.pattern ?? '–',
            e.tz ?? 'UTC',
            e.next ? e.next.slice(0, 16).replace('T', ' ') : '–',
            e.next ? localTime(e.next, e.tz) : '–',
            e.status,
          ]);
        }
        const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        for (const r of rows)
          ctx.stdout.write(
            `${r
              .map((c, i) => c.padEnd(widths[i]!))
              .join('  ')
              .trimEnd()}\n`,
          );
        if (entries.some((e) => e.status !== 'in sync')) say(ctx, 'some schedules differ from radar.yaml: run radar schedule sync');
        return 0;
      }
      const id = await addCrawlJob(queues, { project: config.project, sourceId: sourceId!, trigger: 'run-now', full: !!options.full });
      if (options.json) ctx.stdout.write(`${JSON.stringify({ jobId: id, sourceId })}\n`);
      say(ctx, `queued crawl job ${id} for source ${sourceId}; a running \`radar worker\` picks it up (see radar jobs)`);
      return 0;
    } finally {
      await closeQueues(queues).catch(() => undefined);
      conn.disconnect();
    }
  },
};
