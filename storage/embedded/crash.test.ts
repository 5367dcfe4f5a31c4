import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from './embedded-store.js';
import { StoreError } from '../../domain/errors.js';

const BATCH = 200;
const storeModule = resolve('dist/storage/embedded/embedded-store.js');

// A writer that upserts batches forever and reports each completed batch on stdout.
const writer = `
const { EmbeddedStore } = await import(${JSON.stringify(storeModule)});
const store = await EmbeddedStore.open(process.argv[1]);
for (let b = 0; ; b++) {
  const docs = [];
  for (let i = 0; i < ${BATCH}; i++) {
    const id = 'b' + b + '-' + i;
    docs.push({ _id: id, kind: 'review', origin: 'crawl', sourceId: 's', url: 'u', body: 'text of ' + id + ' '.repeat(200),
      fetchedAt: '2025-01-01T00:00:00Z', firstSeenAt: '2025-01-01T00:00:00Z', contentHash: id, textKey: id });
  }
  await store.upsertDocuments(docs);
  process.stdout.write('batch ' + b + '\\n');
}
`;

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function count(store: EmbeddedStore): Promise<Map<string, number>> {
  const perBatch = new Map<string, number>();
  for await (const d of store.findDocuments({ includeDuplicates: true })) {
    const b = d._id.split('-')[0]!;
    perBatch.set(b, (perBatch.get(b) ?? 0) + 1);
  }
  return perBatch;
}

describe('embedded store crash safety', () => {
  it('keeps every completed batch and no partial one after kill -9 during writes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-crash-'));
    const child = spawn(process.execPath, ['--input-type=module', '-e', writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let done = 0;
    await new Promise<void>((ok) => {
      child.stdout.on('data', (chunk: Buffer) => {
        done = Math.max(
          done,
          ...chunk
            .toString()
            .trim()
            .split('\n')
            .map((l) => Number(l.split(' ')[1]) + 1),
        );
        if (done >= 5) ok();
      });
    });
    child.kill('SIGKILL');
    await new Promise((ok) => child.on('exit', ok));

    // The dead writer's lock is stale and is taken over; the data is readable.
    const store = await EmbeddedStore.open(dir);
    const perBatch = await count(store);
    expect(perBatch.size).toBeGreaterThanOrEqual(5);
    for (const [, n] of perBatch) expect(n).toBe(BATCH);
    await store.close();
  });

  it('drops a torn last journal line and keeps everything before it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-torn-'));
    const store = await EmbeddedStore.open(dir);
    await store.setMeta('a', '1');
    await store.setMeta('b', '2');
    await store.close();
    const journal = readdirSync(dir).find((f) => f.startsWith('meta.journal'))!;
    appendFileSync(join(dir, journal), '{"p":[{"_id":"c","value":"3"}'); // a write cut off mid-line
    const again = await EmbeddedStore.open(dir);
    expect([await again.getMeta('a'), await again.getMeta('b'), await again.getMeta('c')]).toEqual(['1', '2', undefined]);
    await again.setMeta('d', '4'); // the journal is usable after the cut
    await again.close();
    const third = await EmbeddedStore.open(dir);
    expect(await third.getMeta('d')).toBe('4');
    await third.close();
  });

  it('refuses a second process while the first holds the store, saying which process', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-lock-'));
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { EmbeddedStore } = await import(${JSON.stringify(storeModule)}); await EmbeddedStore.open(process.argv[1]); process.stdout.write('open\\n'); setInterval(() => {}, 1000);`,
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((ok) => child.stdout.once('data', () => ok()));
    try {
      const err = await EmbeddedStore.open(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toContain(`in use by process ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
      await new Promise((ok) => child.on('exit', ok));
    }
  });
});
