/**
 * `radar score`: stdin → stdout, one JSON object per input line, in order, streaming. Input lines
 * are plain texts or JSONL objects {"id","text","lang"?}. Nothing but JSON is written to stdout.
 */
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../utf8.js';
import { existsSync } from 'node:fs';
import type { CommandSpec } from '../command.js';
import { loadProject, say, wholeNumber } from '../context.js';
import type { PipelineOptions } from '../../analyzers/pipeline.js';
import { DEFAULT_MAX_TEXT_CHARS } from '../../domain/limits.js';

/** Warnings shown on stderr before only their number is. */
const MAX_WARNINGS = 20;

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

/** One line of input: its text, and where it broke UTF-8 (byte offset), if it did. */
interface InputLine {
  text: string;
  badByte?: number;
}

function decodeLine(bytes: Buffer): InputLine {
  const end = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const line = bytes.subarray(0, end);
  if (isUtf8(line)) return { text: line.toString('utf8') };
  return { text: line.toString('utf8'), badByte: firstInvalidUtf8(line) };
}

/**
 * The lines of stdin, read as bytes so that a line that is not valid UTF-8 is known (and said),
 * in batches of what has arrived, at most `max` lines each; reading pauses while several batches
 * wait, so a large input never piles up in memory.
 */
async function* lineBatches(max: number): AsyncGenerator<InputLine[]> {
  const queue: InputLine[] = [];
  let partial: Buffer[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const input = process.stdin;
  input.on('data', (chunk: Buffer) => {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      queue.push(decodeLine(partial.length ? Buffer.concat([...partial, piece]) : piece));
      partial = [];
      from = nl + 1;
    }
    if (from < chunk.length) partial.push(chunk.subarray(from));
    if (queue.length >= max * 4) input.pause();
    wake?.();
  });
  input.on('end', () => {
    if (partial.length) queue.push(decodeLine(Buffer.concat(partial)));
    partial = [];
    ended = true;
    wake?.();
  });
  input.on('error', () => {
    ended = true;
    wake?.();
  });
  for (;;) {
    if (!queue.length && !ended) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    // Woken by a chunk that ended no line: wait for more.
    if (!queue.length && !ended) continue;
    if (!queue.length) return;
    const batch = queue.splice(0, max);
    input.resume();
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
    {
      flags: '--max-chars <n>',
      description: `analyse at most n characters of a text (100–10,000,000; default analysis.maxTextChars, else ${DEFAULT_MAX_TEXT_CHARS.toLocaleString('en-US')}); longer texts are cut, flagged "signals.truncated" and named on stderr`,
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
    const maxChars = options.maxChars === undefined ? undefined : wholeNumber(options.maxChars, '--max-chars', 100, 10_000_000);
    let pipelineOptions: PipelineOptions = {};
    if (ctx.configPath || existsSync('radar.yaml')) {
      const { config } = await loadProject(ctx);
      const { projectPipelineOptions } = await import('../../pipeline/analyze.js');
      pipelineOptions = projectPipelineOptions(config);
    }
    if (maxChars !== undefined) pipelineOptions = { ...pipelineOptions, maxTextChars: maxChars };
    const cap = pipelineOptions.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
    const out = ctx.stdout;
    let lineNo = 0;
    let errors = 0;
    let warnings = 0;
    const warn = (message: string) => {
      // The first few are shown; a file of a million bad lines must not flood the terminal.
      if (++warnings <= MAX_WARNINGS) say(ctx, `radar score: warning: ${message}`);
    };
    /** Parses the next line, warning about bytes that are not UTF-8 and texts longer than the cap. */
    const read = (line: InputLine): ParsedLine => {
      const n = ++lineNo;
      if (line.badByte !== undefined)
        warn(`line ${n} is not valid UTF-8 (byte ${line.badByte + 1}); what is not was read as "\uFFFD" — re-save the input as UTF-8`);
      const parsed = parseScoreLine(line.text, n);
      if (!('error' in parsed) && parsed.text.length > cap)
        warn(
          `line ${n}: the text has ${parsed.text.length.toLocaleString('en-US')} characters; only about the first ${cap.toLocaleString('en-US')} were analysed (--max-chars, analysis.maxTextChars)`,
        );
      return parsed;
    };
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
          const parsed = read(line);
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
          const parsed: ParsedLine[] = lines.map(read);
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
    if (warnings > MAX_WARNINGS) say(ctx, `radar score: ${warnings} warnings in all (the first ${MAX_WARNINGS} are shown above)`);
    if (errors) {
      say(ctx, `radar score: ${errors} of ${lineNo} lines could not be read (see the "error" objects in the output)`);
      return 1;
    }
    return 0;
  },
};
