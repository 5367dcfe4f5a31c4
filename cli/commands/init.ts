/** `radar init`: write a starter radar.yaml (pointing at the bundled demo shop) and its JSON Schema. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';
import { say } from '../context.js';
import { UsageError } from '../../domain/errors.js';

/** Default port of `radar demo --serve`, which the starter config points at. */
export const DEMO_PORT = 4173;

export const init: CommandSpec = {
  name: 'init',
  summary: 'write a starter radar.yaml whose sources point at the demo shop',
  options: [
    { flags: '--port <n>', description: 'port the demo shop will serve on', default: String(DEMO_PORT) },
    { flags: '--force', description: 'overwrite an existing radar.yaml' },
    {
      flags: '--alert-webhook <url>',
      description: 'add example alert rules posting to this receiver on this machine (http://127.0.0.1:PORT/…)',
    },
  ],
  async run(_args, options, ctx) {
    const file = resolve(ctx.configPath ?? 'radar.yaml');
    if (existsSync(file) && !options.force) throw new UsageError(`${file} already exists; pass --force to overwrite it`);
    const port = Number(options.port);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`--port ${String(options.port)}: not a port number`);
    const { starterConfigYaml, isLoopbackUrl } = await import('../../demo/starter-config.js');
    const alertWebhook = options.alertWebhook as string | undefined;
    if (alertWebhook !== undefined && !isLoopbackUrl(alertWebhook))
      throw new UsageError(
        `--alert-webhook ${alertWebhook}: the demo posts alerts only to a receiver on this machine, e.g. http://127.0.0.1:8787/hook`,
      );
    const { configJsonSchema } = await import('../../config/json-schema.js');
    await writeFile(file, starterConfigYaml(`http://127.0.0.1:${port}`, { alertWebhook }));
    await writeFile(resolve(file, '..', 'radar.schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    say(
      ctx,
      `wrote ${file} and radar.schema.json
next: radar demo --serve --port ${port}   (in another terminal)
      radar crawl && radar analyze && radar report`,
    );
    return 0;
  },
};
