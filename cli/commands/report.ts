/** `radar report`: build personas and write the report (HTML, Markdown, JSON, …). */
import type { CommandSpec } from '../command.js';
import { loadProject, say, withWritableStore } from '../context.js';
import { UsageError } from '../../domain/errors.js';

const FORMATS = ['html', 'md', 'json', 'csv', 'pdf'] as const;

/** Parses "--format html,md" into a list of known formats. */
export function parseFormats(value: string | undefined, fallback: string[]): (typeof FORMATS)[number][] {
  const list = (value ? value.split(',') : fallback).map((f) => f.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new UsageError(`--format: unknown format ${bad.join(', ')}; choose from ${FORMATS.join(', ')}`);
  return list as (typeof FORMATS)[number][];
}

export const report: CommandSpec = {
  name: 'report',
  summary: 'build personas and write the report',
  options: [
    { flags: '--format <list>', description: `comma-separated formats: ${FORMATS.join(', ')} (default from radar.yaml)` },
    { flags: '--out <dir>', description: 'output folder (default from radar.yaml: radar-report)' },
  ],
  async run(_args, options, ctx) {
    const { config } = await loadProject(ctx);
    const formats = parseFormats(options.format as string | undefined, config.report.formats);
    const { reportProject } = await import('../../pipeline/report.js');
    const result = await withWritableStore(
      ctx,
      config,
      (store) => reportProject(config, store, { formats, outDir: options.out as string | undefined }),
      { existing: true },
    );
    for (const file of result.files) ctx.stdout.write(`${file}\n`);
    say(ctx, `report written: ${result.files[0] ?? result.outDir} (${result.documents} documents, ${result.personas} personas)`);
    if (result.alerts) {
      const { rules, delivery } = result.alerts;
      const found = rules.reduce((n, r) => n + r.recorded, 0);
      say(
        ctx,
        `alerts: ${found} new finding${found === 1 ? '' : 's'}; ${delivery.sent} message${delivery.sent === 1 ? '' : 's'} sent${delivery.retrying ? `, ${delivery.retrying} to retry` : ''}${delivery.failed ? `, ${delivery.failed} failed` : ''} (radar alerts list)`,
      );
      for (const r of rules.filter((x) => x.error)) say(ctx, `alert rule ${r.rule} could not be evaluated: ${r.error}`);
    }
    return 0;
  },
};
