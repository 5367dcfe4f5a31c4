import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Analysis, RadarDocument } from '../domain/types.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';
import { buildDocument } from '../domain/document.js';
import { sweepRetention } from './retention.js';

const policy = { salt: 'retention-salt', storeAuthorNames: false, redactPII: true };
const NOW = new Date('2026-03-01T00:00:00.000Z');

function review(siteId: string, body: string, author: string, fetchedAt: string): RadarDocument {
  return buildDocument(
    {
      kind: 'review',
      origin: 'crawl',
      sourceId: 'shop-grinder',
      site: 'shop.example',
      url: `http://shop.example/grinder#${siteId}`,
      siteId,
      brand: 'acme',
      product: 'grinder',
      author,
      body,
      fetchedAt,
    },
    policy,
  );
}

function analysisOf(doc: RadarDocument): Analysis {
  return {
    _id: doc._id,
    docId: doc._id,
    version: 'v1',
    contentHash: doc.contentHash,
    analyzedAt: doc.fetchedAt,
    lang: 'en',
    supported: true,
    sentiment: { label: 'negative', score: -0.4, confidence: 0.7 },
    sentences: [],
    aspects: [],
    attributes: [],
    intents: [],
    phrases: [],
    signals: {},
  };
}

describe('retention (privacy.retentionDays)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes what was stored longer ago than the limit — documents, analyses, profiles left without documents, persona quotes — and keeps no copy on disk', async () => {
    dir = mkdtempSync(join(tmpdir(), 'radar-retention-'));
    const old = review('r1', 'The burr carrier wobbled from the first week.', 'Olwen Pryce', '2025-12-01T00:00:00.000Z');
    const recent = review('r2', 'Grinds evenly for pour-over, quiet enough at dawn.', 'Tomasz Nowak', '2026-02-20T00:00:00.000Z');
    const profile = (key: string, at: string) => ({
      _id: key,
      site: 'shop.example',
      location: 'Cardiff, Wales',
      firstSeenAt: at,
      updatedAt: at,
    });
    let store = await EmbeddedStore.open(dir);
    await store.upsertDocuments([old, recent]);
    await store.putAnalyses([analysisOf(old), analysisOf(recent)]);
    // A profile fetched last week whose reviews are elsewhere stays as long as a review would.
    await store.upsertAuthors([
      profile(old.authorKey!, '2025-12-01T00:00:00.000Z'),
      profile(recent.authorKey!, '2026-02-20T00:00:00.000Z'),
      profile('profile-only', '2026-02-22T00:00:00.000Z'),
    ]);
    await store.savePersonaSet({
      _id: 'set-1',
      project: 'p',
      createdAt: '2026-02-21T00:00:00.000Z',
      version: '2',
      personas: [
        {
          id: 'p1',
          label: 'Grind fussers',
          size: 2,
          share: 1,
          shareByBrand: {},
          members: [old.authorKey!, recent.authorKey!],
          details: {
            quotes: [
              { docId: old._id, text: old.body },
              { docId: recent._id, text: recent.body },
            ],
            evidence: [old._id, recent._id],
          },
        },
      ],
    });

    expect(await sweepRetention({ privacy: { retentionDays: 0 } } as never, store, NOW)).toBe(0);
    expect(await sweepRetention({ privacy: { retentionDays: 60 } } as never, store, NOW)).toBe(1);
    await store.close();

    store = await EmbeddedStore.open(dir);
    try {
      const ids: string[] = [];
      for await (const d of store.findDocuments({})) ids.push(d._id);
      expect(ids).toEqual([recent._id]);
      expect((await store.getAnalyses([old._id, recent._id])).map((a) => a.docId)).toEqual([recent._id]);
      expect((await store.getAuthors([old.authorKey!, recent.authorKey!, 'profile-only'])).map((a) => a._id)).toEqual([
        recent.authorKey,
        'profile-only',
      ]);
      const [set] = await store.latestPersonaSets('p', 1);
      expect(JSON.stringify(set)).not.toContain('burr carrier');
      expect(JSON.stringify(set)).toContain(recent._id);
    } finally {
      await store.close();
    }
    const onDisk = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    expect(onDisk).not.toContain('burr carrier');
    expect(onDisk).not.toContain(old.authorKey!);
    expect(onDisk).toContain('pour-over');
  });
});
