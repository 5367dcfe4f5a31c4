/**
 * `radar score`: stdin → stdout, one JSON object per input line, in order, streaming. Input lines
 * are plain texts or JSONL objects {"id","text","lang"?}. Nothing but JSON is written to stdout.
 */
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import type { CommandSpec } from '../command.js';
import { loadProject, say } from '../context.js';

/** Parses one input line into id, text and declared language. */
export function parseScoreLine(
  line: string,
  lineNo: number,
): { id: unknown; text: string; lang?: string } | { id: unknown; error: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { id: lineNo, text: line };
  let obj: unknown;
  try {
    obj = JSON.parse(trimmed);
  } catch (err) {
    return {
      id: lineNo,
      error: `line ${lineNo}: not valid JSON (${(err as Error).message}); send one text per line or one {"id","text"} object per line`,
    };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    return { id: lineNo, error: `line ${lineNo}: expected a JSON object with "text"` };
  const rec = obj as { id?: unknown; text?: unknown; lang?: unknown };
  const id = rec.id ?? lineNo;
  if (typeof rec.text !== 'string') return { id, error: `line ${lineNo}: "text" must be a string` };
  return { id, text: rec.text, lang: typeof rec.lang === 'string' ? rec.lang : undefined };
}

type ParsedLine = ReturnType<typeof parseScoreLine>;

/**
 * The lines of stdin in batches of what has arrived, at most `max` lines each; reading pauses while
 * several batches wait, so a large input never piles up in memory.
 */
async function* lineBatches(max: number): AsyncGenerator<string[]> {
  const queue: string[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    queue.push(line);
    if (queue.length >= max * 4) rl.pause();
    wake?.();
  });
  rl.on('close', () => {
    ended = true;
    wake?.();
  });
  for (;;) {
    if (!queue.length && !ended) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    if (!queue.length) return;
    const batch = queue.splice(0, max);
    rl.resume();
    yield batch;
  }
}

export const score: CommandSpec = {
  name: 'score',
  summary: 'score texts from stdin (lines or JSONL) and print one JSON analysis per line',
  options: [
    {
      flags: '--threads <n>',
      description: 'score on n worker threads (1–64, or "auto" for one per core); output and its order are the same as on one',
    },
  ],
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
      const { projectPipelineOptions } = await import('../../pipeline/analyze.js');
      pipelineOptions = projectPipelineOptions(config);
    }
    const out = ctx.stdout;
    let lineNo = 0;
    let errors = 0;
    // Respect backpressure so 10,000 lines never pile up in memory.
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    };
    const failed = (parsed: { id: unknown; error: string }) => {
      errors++;
      say(ctx, `radar score: ${parsed.error}`);
      return JSON.stringify({ id: parsed.id, error: parsed.error });
    };
    const batches = lineBatches(threads === 1 ? 256 : 128 * threads);
    if (threads === 1) {
      const { createPipeline } = await import('../../analyzers/pipeline.js');
      const pipeline = createPipeline(pipelineOptions);
      // A batch is what has arrived (one line when typed, a few hundred when piped); its results go
      // out in one write.
      for await (const lines of batches) {
        let chunk = '';
        for (const line of lines) {
          const parsed = parseScoreLine(line, ++lineNo);
          chunk += `${'error' in parsed ? failed(parsed) : JSON.stringify({ id: parsed.id, ...pipeline.analyze(parsed.text, parsed.lang ? { lang: parsed.lang } : undefined) })}\n`;
        }
        await write(chunk);
      }
    } else {
      const { createTextAnalyzer } = await import('../../analyzers/pool.js');
      const analyzer = await createTextAnalyzer(pipelineOptions, threads);
      try {
        // A batch is analysed on the threads while the one before it is written.
        let writing: Promise<void> = Promise.resolve();
        for await (const lines of batches) {
          const parsed: ParsedLine[] = lines.map((line) => parseScoreLine(line, ++lineNo));
          const texts = parsed.flatMap((p) => ('error' in p ? [] : [{ text: p.text, ...(p.lang ? { lang: p.lang } : {}) }]));
          const analysed = analyzer.analyzeManyJson(texts);
          const before = writing;
          writing = (async () => {
            const results = await analysed;
            await before;
            let k = 0;
            let chunk = '';
            for (const p of parsed) chunk += `${'error' in p ? failed(p) : `{"id":${JSON.stringify(p.id)},${results[k++]!.slice(1)}`}\n`;
            await write(chunk);
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
