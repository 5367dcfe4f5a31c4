/**
 * JSONL rows whose values have the wrong JSON type: nothing is coerced into text or ids
 * ("[object Object]", "true", "5"), no two rows collapse into one document unseen, and the
 * summary counts what was stored.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { radar, tempDir } from '../../test/cli.js';

function project(): string {
  const cwd = tempDir('radar-import-jsonl-');
  writeFileSync(join(cwd, 'radar.yaml'), 'project: kettles\nbrands:\n  - id: brewlab\n    name: Brewlab\n    own: true\n');
  return cwd;
}

const lines = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('radar import of JSONL values of the wrong type', () => {
  it('makes a per-row problem of objects, lists and booleans, of numbers as text, and of ids too large to read exactly', async () => {
    const cwd = project();
    writeFileSync(
      join(cwd, 'rows.jsonl'),
      [
        lines([
          { id: { shop: 1 }, text: 'The kettle boils a full jug in three minutes.' },
          { id: { shop: 2 }, text: 'The lid snapped off on the second day.' },
          { id: ['a'], text: 'The handle stays cool even at a rolling boil.' },
          { id: 'ok-1', text: { body: 'nested' } },
          { id: 'ok-2', text: true },
          { id: 'ok-3', text: 5 },
          { id: 'ok-4', text: 'Quiet, quick, and the base cleans easily.', title: ['Great'] },
          { id: 'ok-5', text: 'Decent value for the money spent.', author: { name: 'Kim' } },
          { id: 41, text: 'A number as an id is fine: the shop exports them that way.' },
        ]),
        // Two ids beyond what a JSON number holds exactly: both read as 12345678901234567000.
        '{"id":12345678901234567891,"text":"First of two long ids."}',
        '{"id":12345678901234567892,"text":"Second of two long ids."}',
      ].join('\n'),
    );
    const run = await radar(['import', 'rows.jsonl', '--brand', 'brewlab'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    for (const problem of [
      'row 1: "id" is an object, not an id',
      'row 2: "id" is an object, not an id',
      'row 3: "id" is a list, not an id',
      'row 4: "text" is an object, not text',
      'row 5: "text" is the value true, not text',
      'row 6: "text" is the number 5, not text',
      'row 7: "title" is a list, not text',
      'row 8: "author" is an object, not an author name',
      'row 10: "id" is a number too large to read exactly',
      'row 11: "id" is a number too large to read exactly',
    ])
      expect(run.stderr).toContain(problem);
    expect(run.stderr).toMatch(/: 1 of 11 rows imported into import-rows \(1 new, 0 updated, 0 unchanged\); 10 rows skipped/);
    const exported = (await radar(['export'], { cwd })).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { body: string; url: string });
    expect(exported.map((d) => d.body)).toEqual(['A number as an id is fine: the shop exports them that way.']);
    expect(JSON.stringify(exported)).not.toContain('[object Object]');
  });

  it('keeps the first of several rows with the same id, names the others, and counts only what was stored', async () => {
    const cwd = project();
    writeFileSync(
      join(cwd, 'rows.jsonl'),
      lines([
        { id: 'r-7', text: 'Pours cleanly without a single drip.' },
        { id: 'r-8', text: 'The switch light died within a month.' },
        { id: 'r-7', text: 'A different review that happens to reuse the id.' },
        { id: 7, text: 'Another one with the same id as a number.' },
        { id: '7', text: 'And once more as a string.' },
      ]),
    );
    const run = await radar(['import', 'rows.jsonl', '--brand', 'brewlab'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('row 3: id "r-7" was already used by row 1');
    expect(run.stderr).toContain('row 5: id "7" was already used by row 4');
    expect(run.stderr).toMatch(/: 3 of 5 rows imported into import-rows \(3 new, 0 updated, 0 unchanged\); 2 rows skipped/);
    const bodies = (await radar(['export'], { cwd })).stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { body: string }).body)
      .sort();
    expect(bodies).toEqual(
      ['Another one with the same id as a number.', 'Pours cleanly without a single drip.', 'The switch light died within a month.'].sort(),
    );
  });
});
