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

type ParsedLine = ReturnType<typeof parseScoreLine>;

export const score: CommandSpec = {
  name: 'score',
  summary: 'score texts from stdin (lines or JSONL) and print one JSON analysis per line',
  options: [{ flags: '--threads <n>', description: 'score on n worker threads (1–64, or "auto" for one per core); output and its order are the same as on one' }],
  help: `
Examples:
  echo "The grinder is loud but the coffee is great" | radar score
  radar score < reviews.jsonl > scored.jsonl      # {"id":"r1","text":"...","lang":"en"} per line
  radar score --threads auto < big.jsonl > scored.jsonl`,
  async run(_args, options, ctx) {
    const { parseThreads } = await import('../../analyzers/pool.js');
    const threads = parseThreads(options.threads);
    let pipelineOptions = {};
    if (ctx.configPath || existsSync('radar.yaml')) {
      const { config } = await loadProject(ctx);
      const { projectPipelineOptions } = await import('../../jobs/analyze-store.js');
      pipelineOptions = projectPipelineOptions(config);
    }
    const out = ctx.stdout;
    let lineNo = 0;
    let errors = 0;
    // Respect backpressure so 10,000 lines never pile up in memory.
    const write = async (record: string) => {
      if (!out.write(`${record}\n`)) await new Promise((resolve) => out.once('drain', resolve));
    };
    const failed = (parsed: { id: unknown; error: string }) => {
      errors++;
      say(ctx, `radar score: ${parsed.error}`);
      return JSON.stringify({ id: parsed.id, error: parsed.error });
    };
    if (threads === 1) {
      const { createPipeline } = await import('../../analyzers/pipeline.js');
      const pipeline = createPipeline(pipelineOptions);
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        lineNo++;
        const parsed = parseScoreLine(line, lineNo);
        await write('error' in parsed ? failed(parsed) : JSON.stringify({ id: parsed.id, ...pipeline.analyze(parsed.text, parsed.lang ? { lang: parsed.lang } : undefined) }));
      }
    } else {
      const { createTextAnalyzer } = await import('../../analyzers/pool.js');
      const analyzer = await createTextAnalyzer(pipelineOptions, threads);
      try {
        // Lines are taken in batches of what has arrived (one line at a time when typed, many when
        // piped); a batch is analysed on the threads while the one before it is written.
        const maxBatch = 128 * threads;
        const queue: string[] = [];
        let ended = false;
        let wake: (() => void) | undefined;
        const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
        rl.on('line', (line) => {
          queue.push(line);
          if (queue.length >= maxBatch * 4) rl.pause();
          wake?.();
        });
        rl.on('close', () => {
          ended = true;
          wake?.();
        });
        let writing: Promise<void> = Promise.resolve();
        for (;;) {
          if (!queue.length && !ended) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          if (!queue.length) break;
          const parsed: ParsedLine[] = queue.splice(0, maxBatch).map((line) => parseScoreLine(line, ++lineNo));
          rl.resume();
          const texts = parsed.flatMap((p) => ('error' in p ? [] : [{ text: p.text, ...(p.lang ? { lang: p.lang } : {}) }]));
          const analysed = analyzer.analyzeManyJson(texts);
          const before = writing;
          writing = (async () => {
            const results = await analysed;
            await before;
            let k = 0;
            for (const p of parsed) await write('error' in p ? failed(p) : `{"id":${JSON.stringify(p.id)},${results[k++]!.slice(1)}`);
          })();
          // A failure surfaces at the next await of `writing`; until then it is not unhandled.
          writing.catch(() => undefined);
          // At most two batches in flight: wait for the one before this to be written.
          await before;
        }
        await writing;
      } finally {
        await analyzer.close();
      }
    }
    if (errors) {
      say(ctx, `radar score: ${errors} of ${lineNo} lines could not be read (see the "error" objects in the output)`);
      return 1;
    }
    return 0;
  },
};
