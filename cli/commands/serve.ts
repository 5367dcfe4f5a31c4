/**
 * `radar serve`: the operators' web view of service mode — queues, schedules, recent and failed
 * jobs, and the latest report files. With RADAR_TOKEN every request needs the token; without one
 * it binds to 127.0.0.1 only.
 */
import type { CommandSpec } from '../command.js';
import { loadProject, say } from '../context.js';
import { UsageError } from '../../domain/errors.js';

export const serve: CommandSpec = {
  name: 'serve',
  summary: 'serve a web view of the queues and the latest report (behind RADAR_TOKEN)',
  logLevel: 'info',
  help: `
Without RADAR_TOKEN it listens on 127.0.0.1 only. With it, on 0.0.0.0 (or --host), and every
request needs "Authorization: Bearer $RADAR_TOKEN" — or open http://HOST:PORT/?token=... once in a browser.
Examples:
  radar serve                                   # http://127.0.0.1:4175, this machine only
  RADAR_TOKEN=$(openssl rand -hex 24) radar serve --port 8080`,
  options: [
    { flags: '--port <n>', description: 'port to listen on', default: '4175' },
    { flags: '--host <address>', description: 'address to bind (default 0.0.0.0 with RADAR_TOKEN, else 127.0.0.1)' },
  ],
  async run(_args, options, ctx) {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(`--port ${String(options.port)}: expected a port number`);
    const { config, path } = await loadProject(ctx);
    const { queueSettings, commandConnection, serviceConnection, openQueues, closeQueues } = await import('../../jobs/queues.js');
    const { startDashboard } = await import('../../web/dashboard.js');
    const settings = queueSettings(config, path);
    (await commandConnection(settings.redisUrl)).disconnect();
    const conn = serviceConnection(settings.redisUrl);
    const queues = openQueues(conn, settings);
    try {
      const token = process.env.RADAR_TOKEN?.trim() || undefined;
      const dashboard = await startDashboard({ queues, config, token, host: options.host as string | undefined, port });
      say(ctx, `radar serve: ${dashboard.url}/ (${token ? 'token required' : 'no RADAR_TOKEN: this machine only'}); Ctrl-C stops`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await dashboard.close();
      return 0;
    } finally {
      await closeQueues(queues).catch(() => undefined);
      conn.disconnect();
    }
  },
};
