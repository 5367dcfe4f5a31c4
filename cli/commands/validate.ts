/**
 * `radar validate`: the analyzers' accuracy and speed on labelled sets the user holds, beside the
 * `sentiment` package (and VADER) measured in the same run, against the published bars.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';
import { say } from '../context.js';

export const validate: CommandSpec = {
  name: 'validate',
  summary: 'measure sentiment accuracy and speed on labelled data, beside the sentiment package',
  help: `
Looks for these folders under --data (the layout of ../shared/data; see its README for formats):
  en-uci-sentences/  en-clothing-reviews/  en-vader-ground-truth/  en-airline-tweets/
  zh-reviews/  fa-product-sentences/  ru-sentirueval2015-absa/  en-semeval2014-absa/
Each English training set is scored by a model trained without it (on the other training sets
found; leave one domain out), so no figure comes from a model that saw the set. The other sets
are evaluation only and are scored whole with the shipped model.

Examples:
  radar validate --data ../shared/data
  radar validate --data ../shared/data --only uci,clothing --json > figures.json
  radar validate --data ../shared/data --check      # exit 1 when a bar is missed`,
  options: [
    { flags: '--data <dir>', description: 'folder holding the labelled sets', default: 'data' },
    { flags: '--only <names>', description: 'comma-separated parts of set names to measure (e.g. uci,zh)' },
    { flags: '--json', description: 'print the figures as JSON instead of a table' },
    { flags: '--out <file>', description: 'also write the figures as JSON to this file' },
    { flags: '--check', description: 'exit 1 when any measured bar is missed' },
  ],
  async run(_args, options, ctx) {
    const { runValidation, renderValidation } = await import('../../analyzers/evaluation/validate.js');
    const only =
      typeof options.only === 'string'
        ? options.only
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
    const report = await runValidation(resolve(String(options.data)), { only, progress: (m) => say(ctx, m) });
    if (options.out) writeFileSync(String(options.out), `${JSON.stringify(report, null, 2)}\n`);
    ctx.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderValidation(report)}\n`);
    if (!report.metrics.length) {
      say(ctx, `radar validate: no labelled set found under ${report.dataDir} (looked for ${report.missing.join(', ')})`);
      return 1;
    }
    return options.check && report.metrics.some((m) => m.met === false) ? 1 : 0;
  },
};
