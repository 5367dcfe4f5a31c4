/**
 * `radar score` on input it must not trust: a text far longer than a review (cut at the cap,
 * flagged in the output, named on stderr) and bytes that are not UTF-8 (a warning naming the line).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../../test/cli.js';

type Scored = { id: unknown; sentences: { end: number }[]; signals: { truncated?: { analysedChars: number; textChars: number } } };
const scored = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Scored);

const SENTENCE = 'The burr grinder is loud in the morning but the espresso it makes is wonderful. ';

describe('radar score with bounded inputs', () => {
  it('cuts a text longer than --max-chars near the limit, flags it in the output and names its line', async () => {
    const long = SENTENCE.repeat(400); // 32,000 characters
    const input = [
      'A short review: the kettle is fine.',
      JSON.stringify({ id: 'long-one', text: long }),
      'Another short one, nothing to add.',
    ].join('\n');
    for (const threads of ['1', '2']) {
      const run = await radar(['score', '--max-chars', '5000', '--threads', threads], { input });
      expect(run.code, run.stderr).toBe(0);
      const [first, second, third] = scored(run.stdout);
      expect(first!.signals.truncated).toBeUndefined();
      expect(third!.signals.truncated).toBeUndefined();
      expect(second!.id).toBe('long-one');
      const cut = second!.signals.truncated!;
      expect(cut.textChars).toBe(long.length);
      expect(cut.analysedChars).toBeLessThanOrEqual(5000);
      expect(cut.analysedChars).toBeGreaterThan(4800);
      // Offsets stay within what was analysed, and it ends at a word boundary.
      expect(Math.max(...second!.sentences.map((s) => s.end))).toBeLessThanOrEqual(cut.analysedChars);
      expect(long[cut.analysedChars]).toBe(' ');
      expect(run.stderr).toMatch(/warning: line 2: the text has 32,000 characters; only about the first 5,000 were analysed/);
    }
  });

  it('applies analysis.maxTextChars of radar.yaml, and the built-in cap of 50,000 to a 5 MB line', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'radar.yaml'), 'brands:\n  - id: brewlab\n    name: Brewlab\nanalysis:\n  maxTextChars: 2000\n');
    const fromConfig = await radar(['score'], { cwd, input: SENTENCE.repeat(100) });
    expect(scored(fromConfig.stdout)[0]!.signals.truncated?.analysedChars).toBeLessThanOrEqual(2000);
    const huge = SENTENCE.repeat(Math.ceil((5 * 1024 * 1024) / SENTENCE.length));
    const builtIn = await radar(['score'], { input: `${huge}\n` });
    expect(builtIn.code).toBe(0);
    const [only] = scored(builtIn.stdout);
    expect(only!.signals.truncated).toEqual({ analysedChars: expect.any(Number), textChars: huge.length });
    expect(only!.signals.truncated!.analysedChars).toBeLessThanOrEqual(50_000);
    expect((await radar(['score', '--max-chars', '10'], { input: 'x' })).code).toBe(2);
  });

  it('warns about each line that is not valid UTF-8, naming the line and the byte, and still scores it', async () => {
    const input = Buffer.concat([
      Buffer.from('The kettle is lovely.\n'),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0x0a]), // "Café crème" in Latin-1
      Buffer.from('Caf\u00e9 cr\u00e8me in proper UTF-8, and an emoji \u{1F600}.\n'),
      Buffer.from([0x4f, 0x6b, 0x20, 0xed, 0xa0, 0x80, 0x0a]), // an encoded surrogate: not UTF-8 either
    ]);
    const run = await radar(['score'], { input });
    expect(run.code, run.stderr).toBe(0);
    expect(scored(run.stdout).map((s) => s.id)).toEqual([1, 2, 3, 4]);
    expect(run.stderr).toContain('warning: line 2 is not valid UTF-8 (byte 4)');
    expect(run.stderr).toContain('warning: line 4 is not valid UTF-8 (byte 4)');
    expect(run.stderr).not.toMatch(/line [13] /);
  });
});
