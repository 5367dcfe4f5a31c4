/**
 * `radar config export|apply`: the project configuration kept in the store (where the web app
 * edits it and every worker reads it) round-trips with a radar.yaml kept as code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';
import { say, withStore } from '../context.js';
import { ConfigError, UsageError } from '../../domain/errors.js';

const ACTIONS = ['export', 'apply'] as const;

/** `radar config export|apply`. */
export const configCommand: CommandSpec = {
  name: 'config',
  summary: 'export the project configuration kept in the store as YAML, or apply a radar.yaml to it',
  args: ['<action>', '[file]'],
  help: `
The web app keeps the project (brands, products, sources, schedules, settings) in the store, so every
worker on every machine uses the same one. radar.yaml stays the code you review and version:
  radar config export > radar.yaml     # what the store holds now (comments kept)
  radar config apply radar.yaml        # validate the file and make it the project's configuration
How to reach the store and Redis (storage, queue) is always read from the local radar.yaml and the
environment, never from the stored copy.`,
  options: [{ flags: '--out <file>', description: 'with export: write to this file instead of stdout' }],
  async run(args, options, ctx) {
    const [action, file] = args;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number]))
      throw new UsageError(`config: unknown action "${action}"; use one of ${ACTIONS.join(', ')}`);
    const { loadConfig, parseConfig, applyEnv } = await import('../../config/load.js');
    const { readStoredConfig, saveStoredConfig } = await import('../../pipeline/project-config.js');
    if (action === 'apply') {
      const path = file ?? ctx.configPath;
      if (!path) throw new UsageError('config apply: name the file to apply, e.g. `radar config apply radar.yaml`');
      const loaded = await loadConfig(path);
      if ('errors' in loaded) throw new ConfigError(loaded.errors, loaded.path);
      const text = await readFile(resolve(path), 'utf8');
      // The store to write to is the one the local project file (or the applied file) points at.
      const local = ctx.configPath && ctx.configPath !== path ? await loadConfig(ctx.configPath) : loaded;
      const target = 'config' in local ? local.config : loaded.config;
      const { stored } = await withStore(target, (store) =>
        saveStoredConfig(store, text.replace(/^\uFEFF/, ''), { savedBy: 'radar config apply', file: loaded.path }),
      );
      say(ctx, `applied ${loaded.path} as revision ${stored.revision}: workers use it from their next job, radar serve at once`);
      if (target.queue.redisUrl) say(ctx, 'service mode: run radar schedule sync if schedules changed');
      return 0;
    }
    if (file) throw new UsageError('config export: takes no file (use --out FILE)');
    const loaded = await loadConfig(ctx.configPath);
    const missing = 'errors' in loaded && !ctx.configPath;
    if ('errors' in loaded && !missing) throw new ConfigError(loaded.errors, loaded.path);
    const base = 'config' in loaded ? loaded.config : applyEnv((parseConfig('brands: [{id: x, name: x}]') as { config: never }).config);
    const stored = await withStore(base, (store) => readStoredConfig(store), { existing: true });
    if (!stored)
      throw new UsageError(
        'the store holds no project configuration yet: radar.yaml is the project (make it the stored one with radar config apply radar.yaml)',
      );
    if (options.out) {
      await writeFile(resolve(String(options.out)), stored.yaml);
      say(ctx, `wrote revision ${stored.revision} (saved by ${stored.savedBy} at ${stored.savedAt}) to ${String(options.out)}`);
    } else ctx.stdout.write(stored.yaml.endsWith('\n') ? stored.yaml : `${stored.yaml}\n`);
    return 0;
  },
};
