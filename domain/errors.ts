/**
 * The few error classes of Review Radar. Each carries the exit code the CLI maps it to, a kind set
 * where it happens (the job layer decides retries from the kind, never from message text), and a
 * message a user can act on.
 */

/** Exit codes (PRODUCT.md): 0 success, 1 runtime failure, 2 usage error, 78 invalid configuration. */
export const ExitCode = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

/**
 * What went wrong, as a word a program can branch on:
 * - `usage`, `config`, `input`: the command line, radar.yaml or the data given is wrong;
 * - `store`: the database cannot be reached or used;
 * - `http-4xx`: the site refused the page for good (404, 410, 403…);
 * - `http-retry`: the site asked to come back later (429, 503, 5xx, 408);
 * - `too-large`: the page is larger than `crawl.maxPageBytes`;
 * - `unsupported`: the response is not a page the crawler reads (an image, a download);
 * - `blocked`: the page is a block or captcha page;
 * - `robots`: robots.txt disallows the page, or could not be read;
 * - `refused`: the address may not be reached (a private network, cloud metadata);
 * - `network`: the connection failed or timed out;
 * - `interrupted`: a signal or the worker stopped the work before it finished;
 * - `unknown`: none of the above.
 */
export type ErrorKind =
  | 'usage'
  | 'config'
  | 'input'
  | 'store'
  | 'http-4xx'
  | 'http-retry'
  | 'too-large'
  | 'unsupported'
  | 'blocked'
  | 'robots'
  | 'refused'
  | 'network'
  | 'interrupted'
  | 'unknown';

/** Kinds a later attempt cannot fix: the job fails at once instead of retrying. */
export const PERMANENT_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'usage',
  'config',
  'input',
  'http-4xx',
  'too-large',
  'unsupported',
  'refused',
]);

/** Whether an error of this kind is worth another attempt later. */
export function isRetryableKind(kind: ErrorKind): boolean {
  return !PERMANENT_KINDS.has(kind);
}

/** Base class: an error whose message is meant for the user. */
export class RadarError extends Error {
  /** Exit code the CLI uses for it. */
  readonly exitCode: number = ExitCode.failure;
  /** What went wrong, for programs. */
  readonly kind: ErrorKind = 'unknown';
}

/** A wrong command line: unknown option, missing argument, conflicting flags. */
export class UsageError extends RadarError {
  override readonly exitCode: number = ExitCode.usage;
  override readonly kind: ErrorKind = 'usage';
  override name = 'UsageError';
}

/** An invalid or missing project file; `problems` lists every problem as `path: message`. */
export class ConfigError extends RadarError {
  override readonly exitCode: number = ExitCode.config;
  override readonly kind: ErrorKind = 'config';
  override name = 'ConfigError';
  /** Creates the error from the list of problems. */
  constructor(
    readonly problems: string[],
    readonly file?: string,
  ) {
    super(`invalid configuration${file ? ` in ${file}` : ''}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** The store cannot be reached or used (dead database, locked embedded store, damaged files). */
export class StoreError extends RadarError {
  override readonly kind: ErrorKind = 'store';
  override name = 'StoreError';
}

/** Bad input data (an unreadable import file, a page that cannot be parsed). */
export class InputError extends RadarError {
  override readonly kind: ErrorKind = 'input';
  override name = 'InputError';
}

/** One page (or robots.txt) of a crawl could not be fetched or used; the kind says why. */
export class PageError extends RadarError {
  override name = 'PageError';
  /** Creates the error with its kind. */
  constructor(
    override readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Work stopped by a signal or by its worker before it finished. */
export class InterruptedError extends RadarError {
  override readonly kind: ErrorKind = 'interrupted';
  override name = 'CrawlInterrupted';
}

/** The kind of any error: ours carry it; others are `unknown`. */
export function errorKind(err: unknown): ErrorKind {
  return err instanceof RadarError ? err.kind : 'unknown';
}
