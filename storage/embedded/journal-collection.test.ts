import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalCollection } from './journal-collection.js';

interface Note {
  _id: string;
  text: string;
  tags?: string[];
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Text with two-, three- and four-byte characters, so some land across the loader's chunk edges.
const phrase = 'Größe passt, цвет как на фото, 質感很好 👍 ';

describe('journal collection', () => {
  it('reloads batches bigger than a read chunk, multi-byte text intact', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-journal-'));
    const col = new JournalCollection<Note>(dir, 'notes');
    await col.load();
    // Three batches of ~6 MB each: every journal line spans the loader's 8 MB reads somewhere.
    const batches = [0, 1, 2].map((b) =>
      Array.from({ length: 400 }, (_, i) => ({ _id: `n${b}-${i}`, text: `${b}:${i} ${phrase.repeat(250 + ((b * 37 + i) % 11))}` })),
    );
    for (const batch of batches) await col.write(batch);
    await col.write([], ['n1-7']);
    await col.close();
    expect(statSync(join(dir, 'notes.journal.jsonl')).size).toBeGreaterThan(16 * 1024 * 1024);

    const again = new JournalCollection<Note>(dir, 'notes');
    await again.load();
    expect(again.size).toBe(1199);
    expect(again.get('n1-7')).toBeUndefined();
    for (const batch of batches) for (const n of batch) if (n._id !== 'n1-7') expect(again.get(n._id)?.text).toBe(n.text);
    await again.close();
  });

  it('finds records by index after a compaction, whether they came from the snapshot or the journal', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-journal-'));
    const open = async () => {
      const c = new JournalCollection<Note>(dir, 'notes');
      // Indexes are declared before the first load, as the store declares them.
      c.addIndex('tag', (n) => n.tags?.[0]);
      await c.load();
      return c;
    };
    const col = await open();
    await col.write([
      { _id: 'a', text: 'kettle', tags: ['dana'] },
      { _id: 'b', text: 'lid', tags: ['sam'] },
    ]);
    await col.compact();
    await col.write([{ _id: 'c', text: 'handle', tags: ['dana'] }]);
    await col.close();
    const again = await open();
    expect(
      again
        .lookup('tag', 'dana')
        .map((n) => n._id)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(again.lookup('tag', 'sam').map((n) => n._id)).toEqual(['b']);
    // A snapshot record replaced in the journal is found under its new key only.
    await again.write([{ _id: 'b', text: 'lid', tags: ['kim'] }]);
    expect(again.lookup('tag', 'sam')).toEqual([]);
    expect(again.lookup('tag', 'kim').map((n) => n._id)).toEqual(['b']);
    await again.close();
  });

  it('keeps a last line that lacks only its newline, and cuts one that is torn', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-journal-'));
    const col = new JournalCollection<Note>(dir, 'notes');
    await col.load();
    await col.write([{ _id: 'a', text: 'first' }]);
    await col.close();
    const journal = join(dir, 'notes.journal.jsonl');
    appendFileSync(journal, JSON.stringify({ p: [{ _id: 'b', text: 'no newline' }] }));
    const whole = new JournalCollection<Note>(dir, 'notes');
    await whole.load();
    expect(whole.get('b')?.text).toBe('no newline');
    await whole.close();

    appendFileSync(journal, `\n{"p":[{"_id":"c","text":"cut of`);
    const sizeBefore = statSync(journal).size;
    const torn = new JournalCollection<Note>(dir, 'notes');
    await torn.load();
    expect([torn.get('a')?.text, torn.get('b')?.text, torn.get('c')]).toEqual(['first', 'no newline', undefined]);
    expect(statSync(journal).size).toBeLessThan(sizeBefore);
    expect(readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
    await torn.close();
  });

  it('refuses a journal damaged in the middle, naming the line, and changes nothing on disk', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-journal-'));
    const col = new JournalCollection<Note>(dir, 'notes');
    await col.load();
    for (const id of ['a', 'b', 'c', 'd']) await col.write([{ _id: id, text: `note ${id}` }]);
    await col.close();
    const journal = join(dir, 'notes.journal.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[1] = lines[1]!.slice(0, 12);
    writeFileSync(journal, lines.join('\n'));
    const before = readFileSync(journal);
    const damaged = new JournalCollection<Note>(dir, 'notes');
    await expect(damaged.load()).rejects.toThrow(
      /notes\.journal\.jsonl:2: unreadable record with more records after it.*restore the file from a backup/,
    );
    expect(readFileSync(journal).equals(before)).toBe(true);
  });

  it('hands out frozen records when asked, so a reader cannot change the store', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-journal-'));
    const col = new JournalCollection<Note>(dir, 'notes', { frozen: true });
    await col.load();
    await col.write([{ _id: 'a', text: 'kept', tags: ['x'] }]);
    const rec = col.get('a')!;
    expect(() => {
      rec.text = 'changed';
    }).toThrow(TypeError);
    expect(() => rec.tags!.push('y')).toThrow(TypeError);
    expect(col.get('a')).toEqual({ _id: 'a', text: 'kept', tags: ['x'] });
    await col.close();
  });
});
