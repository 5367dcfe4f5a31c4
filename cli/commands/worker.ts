/**
 * `radar worker`: a service-mode worker. Takes crawl, analyze and report jobs from Redis until
 * SIGTERM/SIGINT, then stops taking jobs, lets running ones finish for `--grace` seconds and gives
 * the rest back to the queue. Run as many as you like, on as many machines: they share Redis and
 * MongoDB (the embedded store is one process only, so service mode needs MongoDB).
 */
import type { CommandSpec } from '../command.js';
import { loadProject, say, withWritableStore } from '../context.js';
import { ConfigError, UsageError } from '../../domain/errors.js';

function seconds(value: unknown, flag: string, min = 0): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`${flag} ${String(value)}: expected a number of seconds ≥ ${min}`);
  return n;
}

export const worker: CommandSpec = {
  name: 'worker',
  summary: 'run a service-mode worker: take crawl, analyze and report jobs from Redis until stopped',
  logLevel: 'info',
  help: `
Needs Redis (RADAR_REDIS_URL) and MongoDB (RADAR_MONGODB_URI) shared by every worker.
Examples:
  radar worker                                  # all queues, 2 jobs at a time per queue
  radar worker --queues crawl --concurrency 4   # a crawl-only machine
  radar worker --queues analyze,report          # next to \`radar serve\`, so it sees the report files`,
  options: [
    {
      flags: '--queues <list>',
      description: 'comma-separated queues to take jobs from: crawl, analyze, report, retention',
      default: 'crawl,analyze,report,retention',
    },
    { flags: '--concurrency <n>', description: 'jobs run at once per queue', default: '2' },
    {
      flags: '--grace <seconds>',
      description: 'on SIGTERM/SIGINT, how long running jobs may finish before they are given back to the queue',
      default: '10',
    },
    {
      flags: '--report-delay <seconds>',
      description: 'quiet time after the last analysis before the report is rebuilt (one report per burst)',
      default: '60',
    },
    {
      flags: '--stall-timeout <seconds>',
      description: 'how soon jobs of a worker that died are taken over by another (job lock lifetime)',
      default: '30',
    },
    {
      flags: '--isolate <mode>',
      description: 'which crawls run in a child process of their own',
      choices: ['browser', 'always', 'never'],
      default: 'browser',
    },
  ],
  async run(_args, options, ctx) {
    const { JOB_KINDS, queueSettings, commandConnection } = await import('../../jobs/queues.js');
    const kinds = String(options.queues)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = kinds.filter((k) => !(JOB_KINDS as readonly string[]).includes(k));
    if (!kinds.length || unknown.length)
      throw new UsageError(`--queues ${String(options.queues)}: expected a comma-separated list of ${JOB_KINDS.join(', ')}`);
    const concurrency = Number(options.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new UsageError(`--concurrency ${String(options.concurrency)}: expected a whole number ≥ 1`);
    const grace = seconds(options.grace, '--grace');
    const reportDelay = seconds(options.reportDelay, '--report-delay');
    const stall = seconds(options.stallTimeout, '--stall-timeout', 1);

    const { config, path, origin } = await loadProject(ctx);
    const settings = queueSettings(config, path);
    if (!config.storage.mongodbUri) {
      throw new ConfigError(
        [
          'storage.mongodbUri: service mode needs MongoDB shared by every worker (the embedded store serves one process); set RADAR_MONGODB_URI or storage.mongodbUri',
        ],
        path,
      );
    }
    // Say at once when Redis is not there, rather than starting a worker that only retries.
    (await commandConnection(settings.redisUrl)).disconnect();

    const { RadarWorker } = await import('../../jobs/worker.js');
    const logger = (await import('../../log/logger.js')).rootLogger();
    return withWritableStore(ctx, config, async (store) => {
      const running = await RadarWorker.start({
        settings,
        store,
        // Per job, from the shared store when it holds the project (the web app edits it there), else radar.yaml.
        loadConfig: async () => {
          const { readStoredConfig, effectiveConfig, storedGoverns } = await import('../../pipeline/project-config.js');
          const stored = await readStoredConfig(store);
          return stored && storedGoverns(stored, origin === 'file') ? effectiveConfig(stored, config) : (await loadProject(ctx)).config;
        },
        kinds: kinds as (typeof JOB_KINDS)[number][],
        concurrency,
        reportDelayMs: reportDelay * 1000,
        lockDurationMs: stall * 1000,
        stalledIntervalMs: Math.max(500, (stall * 1000) / 2),
        isolate: options.isolate as 'browser' | 'always' | 'never',
      });
      // Workers run for weeks: retention is swept by a scheduled job (every six hours, once for all
      // workers), not only when one starts. Upserted at every start, so it follows radar.yaml.
      // The signals are listened for first: a worker told to stop while it sets this up still stops cleanly.
      const stopped = new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGTERM', () => resolve('SIGTERM'));
        process.once('SIGINT', () => resolve('SIGINT'));
      });
      const { syncRetentionSchedule } = await import('../../jobs/schedules.js');
      await syncRetentionSchedule(running.queues, config).catch((err: unknown) =>
        logger.warn({ err }, 'could not schedule the retention sweep; the next worker start tries again'),
      );
      const signal = await stopped;
      say(ctx, `radar worker: ${signal}: taking no new jobs; running jobs get ${grace} s to finish (a second ${signal} exits at once)`);
      process.once(signal, () => process.exit(130));
      // Whatever happens while stopping (Redis or MongoDB gone too), the process ends in bounded time.
      setTimeout(
        () => {
          logger.error('worker did not stop in time; exiting (unfinished jobs are recovered by other workers)');
          process.exit(1);
        },
        grace * 1000 + 15_000,
      ).unref();
      const { released } = await running.stop(grace * 1000);
      if (released) say(ctx, `radar worker: gave ${released} unfinished job${released === 1 ? '' : 's'} back to the queue`);
      return 0;
    }).finally(() => {
      // A crawl given back on shutdown may still hold sockets or timers: they must not keep the process alive.
      setTimeout(() => process.exit(process.exitCode ?? 0), 2_000).unref();
    });
  },
};
