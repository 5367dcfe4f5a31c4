/**
 * `radar score`: stdin → stdout, one JSON object per input line, in order, streaming. Input lines
 * are plain texts or JSONL objects {"id","text","lang"?}. Nothing but JSON is written to stdout.
 */
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import type { CommandSpec } from '../command.js';
import { loadProject, say } from '../context.js';

/** Parses one input line into id, text and declared language. */
export function parseScoreLine(line: string, lineNo: number): { id: unknown; text: string; lang?: string } | { id: unknown; error: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { id: lineNo, text: line };
  let obj: unknown;
  try {
    obj = JSON.parse(trimmed);
  } catch (err) {
    return { id: lineNo, error: `line ${lineNo}: not valid JSON (${(err as Error).message}); send one text per line or one {"id","text"} object per line` };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { id: lineNo, error: `line ${lineNo}: expected a JSON object with "text"` };
  const rec = obj as { id?: unknown; text?: unknown; lang?: unknown };
  const id = rec.id ?? lineNo;
  if (typeof rec.text !== 'string') return { id, error: `line ${lineNo}: "text" must be a string` };
  return { id, text: rec.text, lang: typeof rec.lang === 'string' ? rec.lang : undefined };
}

export const score: CommandSpec = {
  name: 'score',
  summary: 'score texts from stdin (lines or JSONL) and print one JSON analysis per line',
  help: `
Examples:
  echo "The grinder is loud but the coffee is great" | radar score
  radar score < reviews.jsonl > scored.jsonl      # {"id":"r1","text":"...","lang":"en"} per line`,
  async run(_args, _options, ctx) {
    const { createPipeline } = await import('../../analyzers/pipeline.js');
    let pipelineOptions = {};
    if (ctx.configPath || existsSync('radar.yaml')) {
      const { config } = await loadProject(ctx);
      pipelineOptions = { aspects: config.analysis.aspects, competitors: config.brands.map((b) => ({ id: b.id, names: [b.name, ...b.aliases] })) };
    }
    const pipeline = createPipeline(pipelineOptions);
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNo = 0;
    let errors = 0;
    const out = ctx.stdout;
    for await (const line of rl) {
      lineNo++;
      const parsed = parseScoreLine(line, lineNo);
      let record: string;
      if ('error' in parsed) {
        errors++;
        say(ctx, `radar score: ${parsed.error}`);
        record = JSON.stringify({ id: parsed.id, error: parsed.error });
      } else {
        const analysis = pipeline.analyze(parsed.text, parsed.lang ? { lang: parsed.lang } : undefined);
        record = JSON.stringify({ id: parsed.id, ...analysis });
      }
      // Respect backpressure so 10,000 lines never pile up in memory.
      if (!out.write(`${record}\n`)) await new Promise((resolve) => out.once('drain', resolve));
    }
    if (errors) {
      say(ctx, `radar score: ${errors} of ${lineNo} lines could not be read (see the "error" objects in the output)`);
      return 1;
    }
    return 0;
  },
};
