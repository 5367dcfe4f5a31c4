/**
 * The shape of one CLI command: its name, help text, arguments and options, and an action that
 * lazily imports whatever heavy modules it needs (so `radar --help` and `radar score` start fast).
 */
import type { CliContext } from './context.js';

/** One option of a command, in commander's flag syntax. */
export interface OptionSpec {
  /** Flags, e.g. "--render <mode>". */
  flags: string;
  /** Help text. */
  description: string;
  /** Default value. */
  default?: string | boolean | string[];
  /** Allowed values (checked by commander). */
  choices?: string[];
}

/** A command of the `radar` CLI. */
export interface CommandSpec {
  /** Command name. */
  name: string;
  /** One-line summary for `radar --help`. */
  summary: string;
  /** Longer help (examples). */
  help?: string;
  /** Positional arguments, e.g. ["[file]"]. */
  args?: string[];
  /** Options. */
  options?: OptionSpec[];
  /** Default log level of the command (long-running services log at "info"); default "warn". */
  logLevel?: 'info' | 'warn';
  /** Runs the command; returns the exit code (0 unless said otherwise). */
  run(args: string[], options: Record<string, unknown>, ctx: CliContext): Promise<number | void>;
}
