/**
 * `--threads`: analysing on worker threads gives exactly what one thread gives — the same analyses
 * stored by `radar analyze`, the same bytes from `radar score`, in the same order.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../../test/cli.js';

const OPENINGS = ['The kettle', 'This grinder', 'The Brewlab jug', 'My new frother', 'The Steamway one'];
const VERDICTS = [
  'boils fast and looks lovely on the counter.',
  'stopped working after two weeks, and support never answered.',
  'is fine, nothing special, does the job.',
  'is way too expensive for what it is, but the build is solid.',
  'was a gift for my dad, he uses it every morning.',
  'is quieter than the Steamway I had before.',
];
const OTHER = [
  'Чайник отличный, очень довольна!',
  '这个水壶很好用，烧水很快。',
  'کتری خیلی خوب است و سریع جوش می‌آید.',
  'Der Wasserkocher ist laut, aber schnell.',
];

/** A few hundred varied texts, written for this test. */
function texts(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    i % 9 === 8 ? OTHER[i % OTHER.length]! : `${OPENINGS[i % OPENINGS.length]} ${VERDICTS[(i * 7) % VERDICTS.length]} (${i})`,
  );
}

function jsonl(out: string): Record<string, unknown>[] {
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('--threads', () => {
  it('radar score: the same output, byte for byte and in order, on two threads as on one; unreadable lines reported in place', async () => {
    const lines = texts(700).map((text, i) => (i === 350 ? '{"id": broken' : i % 2 ? JSON.stringify({ id: `t${i}`, text }) : text));
    const input = `${lines.join('\n')}\n`;
    const one = await radar(['score'], { input, timeoutMs: 60_000 });
    const two = await radar(['score', '--threads', '2'], { input, timeoutMs: 60_000 });
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('line 351: not valid JSON');
    expect(jsonl(two.stdout)).toHaveLength(700);
    expect(two.stdout).toBe(one.stdout);
  });

  it('radar analyze: stores the same analyses on two threads as on one, and a second run finds them current', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'radar.yaml'),
      'project: threads\nbrands:\n  - id: brewlab\n    name: Brewlab\n    own: true\n  - id: steamway\n    name: Steamway\n',
    );
    writeFileSync(
      join(cwd, 'answers.csv'),
      `text,id\n${texts(400)
        .map((t, i) => `"${t.replace(/"/g, '""')}",a${i}`)
        .join('\n')}\n`,
    );
    const imported = await radar(['import', 'answers.csv', '--brand', 'brewlab', '--map', 'text=body'], { cwd });
    expect(imported.code, imported.stderr).toBe(0);
    const threaded = await radar(['analyze', '--threads', '2'], { cwd, timeoutMs: 60_000 });
    expect(threaded.code, threaded.stderr).toBe(0);
    expect(threaded.stdout + threaded.stderr).toMatch(/400 documents analysed, 0 already current \(analyzer [^,]+, 2 threads\)/);
    const strip = (rows: Record<string, unknown>[]) =>
      rows.map((r) => ({ ...r, analysis: { ...(r.analysis as object), analyzedAt: undefined } }));
    const fromTwo = strip(jsonl((await radar(['export'], { cwd })).stdout));
    expect(fromTwo).toHaveLength(400);
    expect(fromTwo.every((r) => r.analysis && (r.analysis as { sentiment?: unknown }).sentiment)).toBe(true);
    expect((await radar(['analyze', '--force'], { cwd, timeoutMs: 60_000 })).code).toBe(0);
    const fromOne = strip(jsonl((await radar(['export'], { cwd })).stdout));
    expect(fromTwo).toEqual(fromOne);
    const again = await radar(['analyze', '--threads', 'auto'], { cwd });
    expect(again.stdout + again.stderr).toMatch(/0 documents analysed, 400 already current/);
  });

  it('rejects a thread count it cannot use, saying what it takes, with exit 2', async () => {
    for (const bad of ['0', '1.5', 'many', '65']) {
      const r = await radar(['score', '--threads', bad], { input: 'Great kettle.\n' });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--threads must be a whole number from 1 to 64, or "auto"/);
    }
  });
});
