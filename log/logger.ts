/**
 * The one logger (pino). It writes to stderr only, so stdout stays clean for JSONL output;
 * pretty-printed when stderr is a terminal. Each stage takes a child: `stageLogger('crawl')`.
 * pino (and pino-pretty, for a terminal) load on first use: `radar score` never logs, and the two
 * were a fifth of its start-up.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

const require = createRequire(import.meta.url);
let root: Logger | undefined;
let level = process.env.RADAR_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');

/** The root logger; level from RADAR_LOG_LEVEL (default "info", silent under vitest). */
export function rootLogger(): Logger {
  if (root) return root;
  const { pino } = require('pino') as typeof import('pino');
  const destination = process.stderr.isTTY
    ? (require('pino-pretty') as typeof import('pino-pretty'))({
        destination: 2,
        colorize: true,
        translateTime: 'HH:MM:ss',
        ignore: 'pid,hostname',
        sync: true,
      })
    : pino.destination({ dest: 2, sync: true });
  root = pino({ level, base: undefined }, destination);
  return root;
}

/** A child logger for one stage of the pipeline. */
export function stageLogger(stage: string): Logger {
  return rootLogger().child({ stage });
}

/** Sets the level of the root logger (e.g. from --verbose / --quiet). */
export function setLogLevel(next: string): void {
  level = next;
  if (root) root.level = next;
}
