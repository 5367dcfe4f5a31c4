/**
 * The few error classes of Review Radar. Each carries the exit code the CLI maps it to and a
 * message a user can act on.
 */

/** Exit codes (PRODUCT.md): 0 success, 1 runtime failure, 2 usage error, 78 invalid configuration. */
export const ExitCode = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

/** Base class: an error whose message is meant for the user. */
export class RadarError extends Error {
  /** Exit code the CLI uses for it. */
  readonly exitCode: number = ExitCode.failure;
}

/** A wrong command line: unknown option, missing argument, conflicting flags. */
export class UsageError extends RadarError {
  override readonly exitCode: number = ExitCode.usage;
  override name = 'UsageError';
}

/** An invalid or missing project file; `problems` lists every problem as `path: message`. */
export class ConfigError extends RadarError {
  override readonly exitCode: number = ExitCode.config;
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
  override name = 'StoreError';
}

/** Bad input data (an unreadable import file, a page that cannot be parsed). */
export class InputError extends RadarError {
  override name = 'InputError';
}
