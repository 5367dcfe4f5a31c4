/**
 * Store ingest benchmark: documents/s through `upsertDocuments` (planning, duplicate linking,
 * durable write) into the embedded store and into MongoDB, each beside the floor of its own
 * medium measured in the same run — appending the same JSON lines with an fsync per batch, and the
 * driver's bare `insertMany`. Also the embedded store's reopen time and a brand query at that size.
 */
import { appendFileSync, closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RadarDocument } from '../domain/types.js';
import { buildDocument } from '../domain/document.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';

/** One benchmark figure (see bench/run.ts). */
export interface IngestFigure {
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number };
  higherIsBetter: boolean;
  note?: string;
}

const WORDS = [
  'kettle',
  'boils',
  'quickly',
  'lid',
  'wobbles',
  'price',
  'fair',
  'support',
  'slow',
  'gift',
  'mum',
  'loves',
  'quiet',
  'handle',
  'hot',
  'descaling',
  'easy',
  'cheap',
  'sturdy',
  'pretty',
];

/** Deterministic synthetic review documents. */
export function syntheticDocs(n: number, offset = 0): RadarDocument[] {
  const out: RadarDocument[] = [];
  let seed = 7 + offset;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = offset; i < offset + n; i++) {
    const words = Array.from({ length: 40 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
    out.push(
      buildDocument(
        {
          kind: 'review',
          origin: 'crawl',
          sourceId: `src-${i % 12}`,
          site: 'bench.example',
          url: `http://bench.example/p/${i % 500}`,
          siteId: `r${i}`,
          brand: `brand-${i % 3}`,
          product: `product-${i % 9}`,
          author: `user ${i % 20000}`,
          rating: { value: 1 + (i % 5), best: 5, worst: 1 },
          title: `Review ${i}`,
          body: `${words} number ${i}.`,
          publishedAt: new Date(Date.UTC(2025, 0, 1) + (i % 500) * 86_400_000).toISOString(),
          fetchedAt: '2026-01-01T00:00:00.000Z',
        },
        { salt: 'bench', storeAuthorNames: false, redactPII: true },
      ),
    );
  }
  return out;
}

/** Embedded store: ingest rate, reopen time and a brand query at `n` documents. */
export async function benchEmbeddedIngest(n: number, batch = 1000): Promise<IngestFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'radar-ingest-'));
  const floorFile = join(dir, 'floor.jsonl');
  try {
    const store = await EmbeddedStore.open(join(dir, 'store'));
    let ms = 0;
    let floorMs = 0;
    const fd = openSync(floorFile, 'a');
    for (let i = 0; i < n; i += batch) {
      const docs = syntheticDocs(Math.min(batch, n - i), i);
      const t0 = performance.now();
      await store.upsertDocuments(docs);
      ms += performance.now() - t0;
      const t1 = performance.now();
      writeSync(fd, `${JSON.stringify({ p: docs })}\n`);
      fsyncSync(fd);
      floorMs += performance.now() - t1;
    }
    closeSync(fd);
    await store.close();
    const t2 = performance.now();
    const again = await EmbeddedStore.open(join(dir, 'store'));
    const count = await again.countDocuments({ brand: 'brand-1' });
    const reopenAndQuery = performance.now() - t2;
    const t3 = performance.now();
    await again.countDocuments({ brand: 'brand-2', product: 'product-5' });
    const query = performance.now() - t3;
    await again.close();
    appendFileSync(floorFile, '');
    return [
      {
        name: `embedded store ingest (${n} documents)`,
        value: (n / ms) * 1000,
        unit: 'docs/s',
        baseline: { name: 'appending the same JSON + fsync', value: (n / floorMs) * 1000 },
        higherIsBetter: true,
      },
      {
        name: `embedded store reopen + brand count (${n} documents)`,
        value: reopenAndQuery,
        unit: 'ms',
        baseline: { name: 'brand+product count, warm', value: query },
        higherIsBetter: false,
        note: `${count} documents of brand-1`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** MongoDB: ingest rate through the store against the driver's bare insertMany. */
export async function benchMongoIngest(uri: string, n: number, batch = 1000): Promise<IngestFigure[]> {
  const { MongoStore } = await import('../storage/mongo-store.js');
  const { MongoClient } = await import('mongodb');
  const database = `radar_bench_${Date.now().toString(36)}`;
  const store = await MongoStore.open(uri, { database });
  const client = await new MongoClient(uri).connect();
  try {
    let ms = 0;
    let bareMs = 0;
    const bare = client.db(`${database}_bare`).collection<RadarDocument>('documents');
    for (let i = 0; i < n; i += batch) {
      const docs = syntheticDocs(Math.min(batch, n - i), i);
      const t0 = performance.now();
      await store.upsertDocuments(docs);
      ms += performance.now() - t0;
      const t1 = performance.now();
      await bare.insertMany(
        docs.map((d) => ({ ...d })),
        { ordered: false },
      );
      bareMs += performance.now() - t1;
    }
    return [
      {
        name: `MongoDB store ingest (${n} documents, FerretDB/SQLite)`,
        value: (n / ms) * 1000,
        unit: 'docs/s',
        baseline: { name: 'driver insertMany, same server', value: (n / bareMs) * 1000 },
        higherIsBetter: true,
      },
    ];
  } finally {
    await store.dropDatabase();
    await client.db(`${database}_bare`).dropDatabase();
    await client.close();
    await store.close();
  }
}
