/**
 * The MongoDB store under load and under faults, through the real `radar` binary and the real
 * test server: thousands of documents analysed and re-analysed, a re-import that rewrites more
 * than a hundred stored records, and a server that stops answering.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { radar, tempDir } from '../test/cli.js';
import { randomName, testMongoUri } from '../test/services.js';
import { startFreezingProxy } from '../test/freezing-proxy.js';
import { MongoStore } from '../storage/mongo-store.js';
import { StoreError } from '../domain/errors.js';
import { review } from '../test/store-contract.js';

const uri = testMongoUri();

const TOPICS = ['grinder', 'kettle lid', 'handle', 'price', 'delivery', 'noise', 'steam wand', 'water tank', 'descaling', 'manual'];
const VERDICTS = ['works well', 'broke quickly', 'feels sturdy', 'rattles', 'is worth it', 'disappoints', 'stays quiet', 'leaks'];

/** JSONL rows of made-up reviews, each with its own id, author and town. */
function rows(count: number, edit = ''): string {
  return Array.from({ length: count }, (_, i) => {
    const text = `${edit}Week ${i % 40}: the ${TOPICS[i % TOPICS.length]} ${VERDICTS[(i * 3) % VERDICTS.length]}, review ${i}.`;
    return JSON.stringify({
      id: `row-${i}`,
      text,
      rating: (i % 5) + 1,
      author: `buyer-${i}`,
      location: `Town ${i % 23}${edit ? ' North' : ''}`,
    });
  }).join('\n');
}

function project(database: string, extra = ''): string {
  const cwd = tempDir('radar-mongo-load-');
  writeFileSync(
    join(cwd, 'radar.yaml'),
    `project: load\nbrands:\n  - id: acme\n    name: Acme\n    own: true\nstorage:\n  database: ${database}\n${extra}`,
  );
  return cwd;
}

describe.skipIf(!uri)('radar on the MongoDB store: no hang', () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const database of databases) {
      const store = await MongoStore.open(uri!, { database });
      await store.dropDatabase();
      await store.close();
    }
  });

  it('analyses and force-re-analyses 2,000 imported documents', async () => {
    const database = randomName('radar_load');
    databases.push(database);
    const cwd = project(database);
    const env = { RADAR_MONGODB_URI: uri! };
    writeFileSync(join(cwd, 'reviews.jsonl'), rows(2000));
    const imported = await radar(['import', 'reviews.jsonl', '--brand', 'acme'], { cwd, env, timeoutMs: 300_000 });
    expect(imported.code, imported.stderr).toBe(0);
    const first = await radar(['analyze'], { cwd, env, timeoutMs: 300_000 });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^2000 documents analysed, 0 already current/m);
    const before = new Date().toISOString();
    const again = await radar(['analyze', '--force'], { cwd, env, timeoutMs: 300_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^2000 documents analysed, 0 already current/m);

    const store = await MongoStore.open(uri!, { database });
    try {
      const ids: string[] = [];
      for await (const d of store.findDocuments({ includeDuplicates: true })) ids.push(d._id);
      expect(ids).toHaveLength(2000);
      const analyses = await store.getAnalyses(ids);
      expect(analyses).toHaveLength(2000);
      expect(analyses.filter((a) => a.analyzedAt < before)).toEqual([]);
    } finally {
      await store.close();
    }
    // Nothing left the database stuck: the next command answers at once.
    const current = await radar(['analyze'], { cwd, env, timeoutMs: 120_000 });
    expect(current.stderr).toMatch(/^0 documents analysed, 2000 already current/m);
  }, 900_000);

  it('re-imports 150 edited reviews with new author locations, updating every one', async () => {
    const database = randomName('radar_reimport');
    databases.push(database);
    const cwd = project(database);
    const env = { RADAR_MONGODB_URI: uri! };
    writeFileSync(join(cwd, 'reviews.jsonl'), rows(150));
    expect((await radar(['import', 'reviews.jsonl', '--brand', 'acme'], { cwd, env })).code).toBe(0);
    // The same ids with edited texts and moved authors: every document and profile is rewritten.
    writeFileSync(join(cwd, 'reviews.jsonl'), rows(150, 'Edited. '));
    const again = await radar(['import', 'reviews.jsonl', '--brand', 'acme'], { cwd, env, timeoutMs: 180_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/\(0 new, 150 updated, 0 unchanged\)/);
    const exported = await radar(['export'], { cwd, env });
    const bodies = exported.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { body: string }).body);
    expect(bodies).toHaveLength(150);
    expect(bodies.every((b) => b.startsWith('Edited.'))).toBe(true);
  }, 300_000);
});

describe.skipIf(!uri)('radar on a MongoDB server that stops answering', () => {
  it('fails every store operation within storage.timeoutSecs, naming the server', async () => {
    const target = new URL(uri!);
    const proxy = await startFreezingProxy(target.hostname, Number(target.port));
    const database = randomName('radar_frozen');
    const store = await MongoStore.open(`mongodb://127.0.0.1:${proxy.port}/?directConnection=true`, {
      database,
      replyTimeoutMs: 1500,
    });
    try {
      const doc = review({ siteId: 'frozen-1', body: 'The kettle clicks off on its own before the water boils.' });
      await store.upsertDocuments([doc]);
      proxy.freeze();
      const operations: [string, () => Promise<unknown>][] = [
        ['countDocuments', () => store.countDocuments()],
        [
          'findDocuments',
          async () => {
            for await (const d of store.findDocuments()) void d;
          },
        ],
        ['upsertDocuments', () => store.upsertDocuments([review({ siteId: 'frozen-2', body: 'Second review, never stored.' })])],
        ['getAnalyses', () => store.getAnalyses([doc._id])],
        ['getMeta', () => store.getMeta('anything')],
        ['forgetAuthor', () => store.forgetAuthor(doc.authorKey!)],
      ];
      for (const [name, operation] of operations) {
        const started = Date.now();
        const err = await operation().catch((e: unknown) => e);
        const took = Date.now() - started;
        expect(err, name).toBeInstanceOf(StoreError);
        expect((err as Error).message, name).toContain(`127.0.0.1:${proxy.port}`);
        expect((err as Error).message, name).toMatch(/did not answer|cannot reach|no connection came free/);
        // One reply timeout, a retried read's second one, and the driver's reconnect: never an endless wait.
        expect(took, name).toBeLessThan(15_000);
      }
    } finally {
      await store.close().catch(() => undefined);
      await proxy.close();
      const cleanup = await MongoStore.open(uri!, { database });
      await cleanup.dropDatabase();
      await cleanup.close();
    }
  }, 180_000);

  it('radar analyze against a server that accepts connections but never answers exits 1 within seconds, naming it', async () => {
    const target = new URL(uri!);
    const proxy = await startFreezingProxy(target.hostname, Number(target.port));
    proxy.freeze();
    try {
      const cwd = project(randomName('radar_frozen_cli'), '  timeoutSecs: 2\n');
      const started = Date.now();
      const run = await radar(['analyze'], { cwd, env: { RADAR_MONGODB_URI: `mongodb://127.0.0.1:${proxy.port}/` }, timeoutMs: 60_000 });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`127.0.0.1:${proxy.port}`);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await proxy.close();
    }
  }, 90_000);
});
