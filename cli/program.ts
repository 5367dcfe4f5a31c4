/**
 * The `radar` program: a table of commands, each in its own file, and one top-level catch that
 * maps errors to exit codes (0 ok, 1 runtime failure, 2 usage, 78 invalid configuration).
 */

import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { CommandSpec } from './command.js';
import type { CliContext } from './context.js';
import { ExitCode, RadarError, ConfigError } from '../domain/errors.js';
import { setLogLevel } from '../log/logger.js';
import { analyze } from './commands/analyze.js';
import { crawl } from './commands/crawl.js';
import { demo } from './commands/demo.js';
import { init } from './commands/init.js';
import { report } from './commands/report.js';
import { score } from './commands/score.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { forget } from './commands/forget.js';
import { runs } from './commands/runs.js';
import { schedule } from './commands/schedule.js';
import { worker } from './commands/worker.js';
import { jobs } from './commands/jobs.js';
import { serve } from './commands/serve.js';
import { validate } from './commands/validate.js';
import { alerts } from './commands/alerts.js';
import { configCommand } from './commands/config.js';

/** Every command, in the order `radar --help` lists them. */
export const COMMANDS: CommandSpec[] = [
  init,
  configCommand,
  demo,
  crawl,
  analyze,
  report,
  score,
  importCommand,
  exportCommand,
  forget,
  runs,
  alerts,
  validate,
  schedule,
  worker,
  jobs,
  serve,
];

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

/** Builds the commander program; `onRun` receives the chosen command's promise. */
export function buildProgram(ctx: CliContext, onRun: (p: Promise<number | void>) => void): Command {
  const program = new Command('radar')
    .description(
      "Review Radar: listen to what customers say about your products and your competitors', and turn it into attitudinal personas backed by evidence.",
    )
    .version(version(), '-V, --version')
    .option('-c, --config <path>', 'project file (default: ./radar.yaml)')
    .option('-v, --verbose', 'log more (debug level)')
    .option('-q, --quiet', 'print only results')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  for (const spec of COMMANDS) {
    const cmd = program.command(spec.name).description(spec.summary).exitOverride();
    for (const a of spec.args ?? []) cmd.argument(a);
    for (const o of spec.options ?? []) {
      const opt = new Option(o.flags, o.description);
      if (o.default !== undefined) opt.default(o.default);
      if (o.choices) opt.choices(o.choices);
      cmd.addOption(opt);
    }
    if (spec.help) cmd.addHelpText('after', spec.help);
    cmd.action((...received: unknown[]) => {
      const command = received[received.length - 1] as Command;
      const options = command.opts();
      const args = received.slice(0, -2).filter((a): a is string => typeof a === 'string');
      const globals = program.opts<{ config?: string; verbose?: boolean; quiet?: boolean }>();
      ctx.configPath = globals.config;
      ctx.verbose = !!globals.verbose;
      ctx.quiet = !!globals.quiet;
      // Commands print their own summaries; the log speaks up for warnings unless asked for more.
      setLogLevel(ctx.verbose ? 'debug' : ctx.quiet ? 'error' : (process.env.RADAR_LOG_LEVEL ?? spec.logLevel ?? 'warn'));
      onRun(spec.run(args, options, ctx));
    });
  }
  return program;
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], ctx: CliContext): Promise<number> {
  let running: Promise<number | void> | undefined;
  const program = buildProgram(ctx, (p) => {
    running = p;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (!running) return ExitCode.ok;
    const code = await running;
    return typeof code === 'number' ? code : ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (err instanceof ConfigError) {
      ctx.stderr.write(`radar: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof RadarError) {
      ctx.stderr.write(`radar: ${err.message}\n`);
      return err.exitCode;
    }
    ctx.stderr.write(`radar: ${(err as Error).message ?? String(err)}\n`);
    if (ctx.verbose && (err as Error).stack) ctx.stderr.write(`${(err as Error).stack}\n`);
    return ExitCode.failure;
  }
}
