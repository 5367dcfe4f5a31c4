/** `radar analyze`: analyse every stored document that has no current analysis. */
import type { CommandSpec } from '../command.js';
import { loadProject, say, withWritableStore } from '../context.js';

export const analyze: CommandSpec = {
  name: 'analyze',
  summary: 'analyse stored documents (language, sentiment, aspects, attributes, intents)',
  options: [
    { flags: '--force', description: 're-analyse every document, even those already current' },
    {
      flags: '--threads <n>',
      description: 'analyse on n worker threads (1–64, or "auto" for one per core); the results are the same as on one',
    },
  ],
  async run(_args, options, ctx) {
    const { parseThreads } = await import('../../analyzers/pool.js');
    const threads = parseThreads(options.threads);
    const { config } = await loadProject(ctx);
    const { analyzeStore } = await import('../../pipeline/analyze.js');
    const outcome = await withWritableStore(ctx, config, (store) => analyzeStore(config, store, { force: !!options.force, threads }), {
      existing: true,
    });
    say(
      ctx,
      `${outcome.analyzed} documents analysed, ${outcome.current} already current (analyzer ${outcome.version}${outcome.threads > 1 ? `, ${outcome.threads} threads` : ''})`,
    );
    return 0;
  },
};
