import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RADAR, radar, tempDir } from '../../test/cli.js';

/** Runs `radar score ARGS` with stdin left open: each text is sent only after the answer to the one before has come back. */
async function conversation(args: string[], texts: string[]): Promise<Record<string, unknown>[]> {
  const child = spawn(process.execPath, [RADAR, 'score', ...args], {
    cwd: tempDir(),
    env: { ...process.env, RADAR_LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const answers: Record<string, unknown>[] = [];
  let buffered = '';
  let next: ((line: string) => void) | undefined;
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    buffered += d;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      next?.(line);
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    for (const text of texts) {
      const answer = new Promise<string>((resolve) => (next = resolve));
      child.stdin.write(`${text}\n`);
      answers.push(JSON.parse(await answer) as Record<string, unknown>);
    }
  } finally {
    child.stdin.end();
    clearTimeout(timer);
  }
  await new Promise((resolve) => child.on('close', resolve));
  return answers;
}

function lines(out: string): Record<string, unknown>[] {
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('radar score', () => {
  it('scores plain lines and JSONL, one JSON object per input line, in order', async () => {
    const input = [
      'The kettle boils fast and looks lovely.',
      JSON.stringify({ id: 'r2', text: 'Terrible support, they never answered my emails.' }),
      JSON.stringify({ id: 7, text: 'Кофемолка отличная, очень довольна!', lang: 'ru' }),
      '',
      'Not bad at all, but the lid is flimsy.',
    ].join('\n');
    const r = await radar(['score'], { input });
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual([1, 'r2', 7, 4, 5]);
    const [first, second] = out as {
      sentiment: { label: string; score: number };
      aspects: { term: string; polarity: string; start?: number; end?: number }[];
      lang: string;
    }[];
    expect(first!.sentiment.label).toBe('positive');
    expect(second!.sentiment.label).toBe('negative');
    expect(second!.sentiment.score).toBeLessThan(0);
    expect(first!.lang).toBe('en');
    for (const o of out as { sentiment: { score: number; label: string }; aspects: unknown[]; attributes: unknown[] }[]) {
      expect(o.sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(o.sentiment.score).toBeLessThanOrEqual(1);
      expect(['positive', 'neutral', 'negative']).toContain(o.sentiment.label);
      expect(Array.isArray(o.aspects)).toBe(true);
      expect(Array.isArray(o.attributes)).toBe(true);
    }
  });

  it('gives aspects with offsets into the input text', async () => {
    const text = 'The price is great but the customer service was rude.';
    const r = await radar(['score'], { input: JSON.stringify({ id: 'a', text }) });
    const [o] = lines(r.stdout) as { aspects: { term: string; polarity: string; start: number; end: number }[] }[];
    expect(o!.aspects.length).toBeGreaterThanOrEqual(2);
    for (const a of o!.aspects) expect(text.slice(a.start, a.end).toLowerCase()).toBe(a.term.toLowerCase());
    const price = o!.aspects.find((a) => a.term.toLowerCase() === 'price');
    const service = o!.aspects.find((a) => /service/.test(a.term.toLowerCase()));
    expect(price?.polarity).toBe('positive');
    expect(service?.polarity).toBe('negative');
  });

  it('reports an unreadable JSON line in place, keeps going, and exits 1', async () => {
    const r = await radar(['score'], { input: '{"id":"ok","text":"Great grinder."}\n{"id": broken\n{"id":"ok2","text":"Awful."}\n' });
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out).toHaveLength(3);
    expect(out[1]!.error).toMatch(/line 2: not valid JSON/);
    expect(out[2]!.id).toBe('ok2');
    expect(r.stderr).toContain('line 2');
  });

  it('answers each line as it arrives, before stdin ends, on one thread and on two', async () => {
    const texts = ['The strap snapped on day two.', JSON.stringify({ id: 'q', text: 'Lovely soft wool, very warm.' }), 'Arrived on time.'];
    for (const args of [[], ['--threads', '2']]) {
      const answers = await conversation(args, texts);
      expect(
        answers.map((a) => a.id),
        args.join(' '),
      ).toEqual([1, 'q', 3]);
      expect((answers[0]!.sentiment as { label: string }).label).toBe('negative');
      expect((answers[1]!.sentiment as { label: string }).label).toBe('positive');
    }
  });

  it('streams 10,000 lines with nothing but JSON on stdout', async () => {
    const texts = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({
        id: `t${i}`,
        text: i % 2 ? `Love this mug number ${i}, it keeps coffee hot.` : `Broke after ${i % 50} days, waste of money.`,
      }),
    );
    const r = await radar(['score'], { input: `${texts.join('\n')}\n`, timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(10_000);
    out.forEach((l, i) => {
      const o = JSON.parse(l) as { id: string; sentiment: { label: string } };
      expect(o.id).toBe(`t${i}`);
    });
    const labels = out.map((l) => (JSON.parse(l) as { sentiment: { label: string } }).sentiment.label);
    expect(labels.filter((l, i) => (i % 2 ? l === 'positive' : l === 'negative')).length).toBeGreaterThan(9_000);
  });
});
