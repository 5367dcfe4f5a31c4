/**
 * The one logger (pino). It writes to stderr only, so stdout stays clean for JSONL output;
 * pretty-printed when stderr is a terminal. Each stage takes a child: `logger.child({ stage: 'crawl' })`.
 */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

const level = process.env.RADAR_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');

const destination = process.stderr.isTTY
  ? pretty({ destination: 2, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname', sync: true })
  : pino.destination({ dest: 2, sync: true });

/** The root logger; level from RADAR_LOG_LEVEL (default "info", silent under vitest). */
export const logger: Logger = pino({ level, base: undefined }, destination);

/** A child logger for one stage of the pipeline. */
export function stageLogger(stage: string): Logger {
  return logger.child({ stage });
}

/** Sets the level of the root logger (e.g. from --verbose / --quiet). */
export function setLogLevel(next: string): void {
  logger.level = next;
}
