/** `radar jobs`: queue counts and the recent jobs of service mode, failed ones with their reason. */
import type { CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../../domain/errors.js';

export const jobs: CommandSpec = {
  name: 'jobs',
  summary: 'list recent and failed service-mode jobs (with why they failed) and queue counts',
  options: [
    { flags: '--failed', description: 'only failed jobs' },
    { flags: '--queue <name>', description: 'only one queue', choices: ['crawl', 'analyze', 'report'] },
    { flags: '--limit <n>', description: 'how many jobs', default: '20' },
    { flags: '--json', description: 'print jobs as JSON lines' },
  ],
  async run(_args, options, ctx) {
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${String(options.limit)}: expected a whole number ≥ 1`);
    const { config, path } = await loadProject(ctx);
    const { queueSettings, commandConnection, openQueues, closeQueues } = await import('../../jobs/queues.js');
    const { recentJobs, queueCounts } = await import('../../jobs/job-list.js');
    const settings = queueSettings(config, path);
    const conn = await commandConnection(settings.redisUrl);
    const queues = openQueues(conn, settings);
    try {
      const kinds = options.queue ? [options.queue as 'crawl' | 'analyze' | 'report'] : undefined;
      const list = await recentJobs(queues, { kinds, states: options.failed ? ['failed'] : undefined, limit });
      if (options.json) {
        for (const j of list) ctx.stdout.write(`${JSON.stringify(j)}\n`);
        return 0;
      }
      const counts = await queueCounts(queues);
      for (const [kind, c] of Object.entries(counts)) {
        if (kinds && !kinds.includes(kind as 'crawl')) continue;
        ctx.stdout.write(
          `${kind.padEnd(8)} active ${c.active}  waiting ${c.waiting + c.prioritized}  delayed ${c.delayed}  completed ${c.completed}  failed ${c.failed}\n`,
        );
      }
      if (!list.length) {
        ctx.stdout.write(options.failed ? 'no failed jobs\n' : 'no jobs yet (radar schedule run-now SOURCE queues one)\n');
        return 0;
      }
      ctx.stdout.write('\n');
      const rows = [['when (UTC)', 'queue', 'job', 'state', 'source', 'attempts', 'reason']];
      for (const j of list) {
        rows.push([
          (j.finishedAt ?? j.addedAt).slice(0, 19).replace('T', ' '),
          j.queue,
          j.id,
          j.state,
          j.sourceId ?? '–',
          `${j.attempts.made}/${j.attempts.allowed}`,
          j.reason ?? '',
        ]);
      }
      const widths = rows[0]!.map((_, i) => (i === rows[0]!.length - 1 ? 0 : Math.max(...rows.map((r) => r[i]!.length))));
      for (const r of rows)
        ctx.stdout.write(
          `${r
            .map((c, i) => c.padEnd(widths[i]!))
            .join('  ')
            .trimEnd()}\n`,
        );
      return 0;
    } finally {
      await closeQueues(queues).catch(() => undefined);
      conn.disconnect();
    }
  },
};
