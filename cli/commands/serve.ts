/**
 * `radar serve`: the web app marketers and analysts work in — sources and schedules, runs, the
 * reviews explorer, personas, themes and reports, over a JSON API. Without RADAR_TOKEN it binds to
 * 127.0.0.1 only; with it people sign in (RADAR_VIEWER_TOKEN for read-only access).
 */
import type { CommandSpec } from '../command.js';
import { loadProject, say } from '../context.js';
import { UsageError } from '../../domain/errors.js';

/** `radar serve`. */
export const serve: CommandSpec = {
  name: 'serve',
  summary: 'serve the web app: sources, schedules, runs, reviews explorer, personas, reports, JSON API',
  logLevel: 'info',
  help: `
Without RADAR_TOKEN it listens on 127.0.0.1 only and asks for no sign-in. With it, on 0.0.0.0 (or
--host), and people sign in with RADAR_TOKEN (editor) or RADAR_VIEWER_TOKEN (viewer: read and export);
scripts send "Authorization: Bearer <token>". Behind a proxy, list its public host name in
RADAR_ALLOWED_HOSTS. Without Redis, schedules fire inside this process; with RADAR_REDIS_URL they are
BullMQ job schedulers and radar worker processes run the crawls.
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
    const { config, path, origin } = await loadProject(ctx);
    // The local file, read as text too: the app edits its YAML (comments kept) until a change is stored.
    const { loadConfig } = await import('../../config/load.js');
    const { readFile } = await import('node:fs/promises');
    const file = await loadConfig(ctx.configPath);
    const local = 'config' in file ? { config: file.config, yaml: await readFile(file.path, 'utf8'), path: file.path } : undefined;
    const { startWebApp } = await import('../../web/server.js');
    const token = process.env.RADAR_TOKEN?.trim() || undefined;
    const app = await startWebApp({
      config,
      local,
      host: options.host as string | undefined,
      port,
      editorToken: token,
      viewerToken: process.env.RADAR_VIEWER_TOKEN?.trim() || undefined,
      allowedHosts: (process.env.RADAR_ALLOWED_HOSTS ?? '').split(',').filter(Boolean),
    });
    say(
      ctx,
      `radar serve: ${app.url}/ (${token ? 'sign-in required' : 'no RADAR_TOKEN: this machine only'}; ${app.mode === 'local' ? 'schedules run in this process' : 'service mode: radar worker runs the crawls'}; project from ${origin === 'store' ? 'the store' : path}); Ctrl-C stops`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await app.close();
    return 0;
  },
};
