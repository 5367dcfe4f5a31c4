/** `radar analyze`: analyse every stored document that has no current analysis. */
import type { CommandSpec } from '../command.js';
import { loadProject, say, withStore } from '../context.js';

export const analyze: CommandSpec = {
  name: 'analyze',
  summary: 'analyse stored documents (language, sentiment, aspects, attributes, intents)',
  options: [{ flags: '--force', description: 're-analyse every document, even those already current' }],
  async run(_args, options, ctx) {
    const { config } = await loadProject(ctx);
    const { analyzeStore } = await import('../../jobs/analyze-store.js');
    const outcome = await withStore(config, (store) => analyzeStore(config, store, { force: !!options.force }));
    say(ctx, `${outcome.analyzed} documents analysed, ${outcome.current} already current (analyzer ${outcome.version})`);
    return 0;
  },
};
