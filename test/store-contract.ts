/**
 * The store contract: one suite of expectations every Store implementation must meet. The
 * embedded store runs it in embedded-store.test.ts, MongoDB in mongo-store.int.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis, PersonaSet, RadarDocument } from '../domain/types.js';
import type { AlertMessage, AlertRecord } from '../domain/alerts.js';
import { buildDocument, type DocumentInput } from '../domain/document.js';
import type { Store } from '../storage/store.js';
import { forgottenAuthors, rememberForgotten, withForgetLock } from '../storage/forget.js';

const policy = { salt: 'contract-salt', storeAuthorNames: false, redactPII: true };

/** A review built the way crawlers build them. */
export function review(over: Partial<DocumentInput> & { siteId: string; body: string }): RadarDocument {
  return buildDocument(
    {
      kind: 'review',
      origin: 'crawl',
      sourceId: 'shop-kettle',
      site: 'shop.example',
      url: 'http://shop.example/kettle',
      brand: 'acme',
      product: 'kettle',
      author: 'Reviewer One',
      fetchedAt: '2025-01-01T00:00:00.000Z',
      ...over,
    },
    policy,
  );
}

async function all(store: Store, query?: Parameters<Store['findDocuments']>[0], opts?: Parameters<Store['findDocuments']>[1]) {
  const out: RadarDocument[] = [];
  for await (const d of store.findDocuments(query, opts)) out.push(d);
  return out;
}

function analysisOf(doc: RadarDocument, version = 'v1'): Analysis {
  return {
    _id: doc._id,
    docId: doc._id,
    version,
    contentHash: doc.contentHash,
    analyzedAt: '2025-01-02T00:00:00.000Z',
    lang: 'en',
    supported: true,
    sentiment: { label: 'positive', score: 0.5, confidence: 0.8 },
    sentences: [],
    aspects: [],
    attributes: [],
    intents: [],
    phrases: ['quick boil'],
    signals: {},
  };
}

function alertOf(id: string, rule: string, createdAt: string): AlertRecord {
  return {
    _id: id,
    rule,
    ruleType: 'reviews',
    createdAt,
    key: `review:${id}`,
    kind: 'low-rating-review',
    title: `1★ review ${id}`,
    detail: 'Rated 1 of 5.',
    severity: 'warning',
    product: 'kettle',
    docIds: [`doc-${id}`],
    view: { page: 'reviews', filters: { product: 'kettle' } },
  };
}

function messageOf(id: string, alertIds: string[], over: Partial<AlertMessage> = {}): AlertMessage {
  return {
    _id: id,
    rule: 'bad-reviews',
    channel: 'hook',
    batch: `batch-${id}`,
    alertIds,
    status: 'pending',
    createdAt: '2025-03-01T10:00:00.000Z',
    attempts: 0,
    nextAttemptAt: '2025-03-01T10:00:00.000Z',
    ...over,
  };
}

/** Registers the contract suite for a store factory. `open` must return an empty store; `reopen` the same data. */
export function storeContract(name: string, factory: { open(): Promise<Store>; reopen(): Promise<Store>; destroy(): Promise<void> }) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.open();
    });
    afterEach(async () => {
      await store.close();
      await factory.destroy();
    });

    it('stores nothing new when the same pages are crawled twice', async () => {
      const docs = [
        review({ siteId: 'r1', body: 'Boils a full litre in under three minutes, very happy with it.' }),
        review({ siteId: 'r2', body: 'The lid started to wobble after two months of daily use.' }),
      ];
      const first = await store.upsertDocuments(docs);
      expect(first.inserted.sort()).toEqual(docs.map((d) => d._id).sort());
      const again = await store.upsertDocuments(docs.map((d) => ({ ...d, fetchedAt: '2025-02-01T00:00:00.000Z' })));
      expect(again).toEqual({ inserted: [], updated: [], unchanged: 2, linked: [] });
      expect(await store.countDocuments()).toBe(2);
    });

    it('updates an edited review in place and keeps its first-seen date', async () => {
      const original = review({ siteId: 'r1', body: 'Works fine so far, will report back.' });
      await store.upsertDocuments([original]);
      const edited = review({
        siteId: 'r1',
        body: 'Update: the heating element died after six weeks.',
        rating: { value: 1, best: 5, worst: 1 },
        fetchedAt: '2025-03-01T00:00:00.000Z',
      });
      expect(edited._id).toBe(original._id);
      const result = await store.upsertDocuments([edited]);
      expect(result.updated).toEqual([original._id]);
      const [stored] = await all(store);
      expect(stored?.body).toBe('Update: the heating element died after six weeks.');
      expect(stored?.firstSeenAt).toBe('2025-01-01T00:00:00.000Z');
      expect(stored?.updatedAt).toBe('2025-03-01T00:00:00.000Z');
      expect(await store.countDocuments()).toBe(1);
    });

    it('links the same review found on two sources instead of counting it twice', async () => {
      const body = 'Bought this for my father and he uses it every single morning now.';
      const a = review({ siteId: 'a1', body });
      const b = review({ siteId: 'b9', body: `${body}  `, sourceId: 'marketplace-kettle', url: 'http://market.example/k' });
      await store.upsertDocuments([a]);
      const result = await store.upsertDocuments([b]);
      expect(result.linked).toEqual([b._id]);
      expect(await store.countDocuments()).toBe(1);
      expect(await store.countDocuments({ includeDuplicates: true })).toBe(2);
      const [dup] = await all(store, { ids: [b._id], includeDuplicates: true });
      expect(dup?.dupOf).toBe(a._id);
    });

    it('keeps two different reviewers who wrote the same words on the same site as two opinions', async () => {
      const words = 'Does exactly what it says, boils fast and looks good on the counter.';
      const a = review({ siteId: 'p1', body: words, author: 'First Person' });
      const b = review({ siteId: 'p2', body: words, author: 'Second Person', sourceId: 'shop-kettle-page-two' });
      await store.upsertDocuments([a]);
      const result = await store.upsertDocuments([b]);
      expect(result.linked).toEqual([]);
      expect(await store.countDocuments()).toBe(2);
    });

    it('filters by brand (own reviews and mentions naming it), product, kind, source and dates', async () => {
      const r1 = review({ siteId: 'r1', body: 'Great kettle.', publishedAt: '2025-01-10T08:00:00.000Z' });
      const r2 = review({
        siteId: 'r2',
        body: 'Poor grinder.',
        brand: 'rival',
        product: 'grinder',
        sourceId: 'rival-grinder',
        publishedAt: '2025-02-10T08:00:00.000Z',
      });
      const m1 = buildDocument(
        {
          kind: 'mention',
          origin: 'crawl',
          sourceId: 'feed',
          site: 'social.example',
          url: 'http://social.example/p/1',
          siteId: 'p1',
          brand: 'rival',
          brands: ['rival', 'acme'],
          body: 'acme or rival? thinking about it',
          fetchedAt: '2025-01-01T00:00:00.000Z',
          publishedAt: '2025-03-01T00:00:00.000Z',
        },
        policy,
      );
      await store.upsertDocuments([r1, r2, m1]);
      expect((await all(store, { brand: 'acme' })).map((d) => d._id).sort()).toEqual([r1._id, m1._id].sort());
      expect((await all(store, { brand: 'rival', kind: 'review' })).map((d) => d._id)).toEqual([r2._id]);
      expect((await all(store, { product: 'grinder' })).map((d) => d._id)).toEqual([r2._id]);
      expect((await all(store, { sourceId: 'feed' })).map((d) => d._id)).toEqual([m1._id]);
      expect((await all(store, { publishedFrom: '2025-02-01T00:00:00.000Z' })).map((d) => d._id).sort()).toEqual([r2._id, m1._id].sort());
      expect((await all(store, { publishedTo: '2025-02-01T00:00:00.000Z' })).map((d) => d._id)).toEqual([r1._id]);
      const newest = await all(store, {}, { sort: 'publishedAt', limit: 2 });
      expect(newest.map((d) => d._id)).toEqual([m1._id, r2._id]);
      expect(await store.countDocuments({ brand: 'acme' })).toBe(2);
    });

    it('keeps author profiles keyed by pseudonym with their first-seen date', async () => {
      await store.upsertAuthors([
        {
          _id: 'k1',
          site: 'shop.example',
          location: 'Leeds, UK',
          firstSeenAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
        },
      ]);
      await store.upsertAuthors([
        {
          _id: 'k1',
          site: 'shop.example',
          location: 'York, UK',
          reviewCount: 4,
          firstSeenAt: '2025-05-01T00:00:00.000Z',
          updatedAt: '2025-05-01T00:00:00.000Z',
        },
      ]);
      const [a] = await store.getAuthors(['k1', 'missing']);
      expect(a).toMatchObject({ _id: 'k1', location: 'York, UK', reviewCount: 4, firstSeenAt: '2025-01-01T00:00:00.000Z' });
    });

    it('replaces a document analysis and reads analyses back by document', async () => {
      const d = review({ siteId: 'r1', body: 'Quiet and quick.' });
      await store.upsertDocuments([d]);
      await store.putAnalyses([analysisOf(d, 'v1')]);
      await store.putAnalyses([analysisOf(d, 'v2')]);
      const got = await store.getAnalyses([d._id, 'nope']);
      expect(got).toHaveLength(1);
      expect(got[0]?.version).toBe('v2');
      expect(got[0]?.phrases).toEqual(['quick boil']);
    });

    it('drops the analysis of a document removed meanwhile, so a forgotten author is not stored again', async () => {
      const mine = review({ siteId: 'r1', body: 'My kettle, my words, please remove them later.', author: 'Gone Soon' });
      const other = review({ siteId: 'r2', body: 'Still here and still boiling water daily.', author: 'Staying' });
      await store.upsertDocuments([mine, other]);
      await store.forgetAuthor(mine.authorKey!);
      // An analysis run that read both documents before the removal stores its results after it.
      await store.putAnalyses([analysisOf(mine), analysisOf(other)]);
      expect((await store.getAnalyses([mine._id, other._id])).map((a) => a.docId)).toEqual([other._id]);
    });

    it('lists crawl runs newest first, per source', async () => {
      const base = {
        status: 'ok' as const,
        errors: [],
        stats: {
          pagesFetched: 1,
          pagesFailed: 0,
          pagesBlocked: 0,
          pagesSkipped: 0,
          documentsFound: 1,
          documentsNew: 1,
          documentsUpdated: 0,
          documentsUnchanged: 0,
        },
      };
      await store.saveRun({ ...base, _id: 'run-1', sourceId: 'a', startedAt: '2025-01-01T00:00:00.000Z' });
      await store.saveRun({ ...base, _id: 'run-2', sourceId: 'b', startedAt: '2025-01-02T00:00:00.000Z' });
      await store.saveRun({ ...base, _id: 'run-3', sourceId: 'a', startedAt: '2025-01-03T00:00:00.000Z', status: 'partial' });
      expect((await store.listRuns()).map((r) => r._id)).toEqual(['run-3', 'run-2', 'run-1']);
      expect((await store.listRuns({ sourceId: 'a', limit: 1 })).map((r) => [r._id, r.status])).toEqual([['run-3', 'partial']]);
    });

    it('removes everything of an author on request and says how much', async () => {
      const mine = review({ siteId: 'r1', body: 'Call me on +44 20 7946 0958 if you want to buy mine.', author: 'Forget Me' });
      const other = review({ siteId: 'r2', body: 'Solid, no complaints at all.', author: 'Someone Else' });
      expect(mine.body).not.toContain('7946');
      await store.upsertDocuments([mine, other]);
      await store.putAnalyses([analysisOf(mine), analysisOf(other)]);
      const key = mine.authorKey!;
      await store.upsertAuthors([
        { _id: key, site: 'shop.example', firstSeenAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
      ]);
      const set: PersonaSet = {
        _id: 'set-1',
        project: 'p',
        createdAt: '2025-01-05T00:00:00.000Z',
        version: '1',
        personas: [
          {
            id: 'p1',
            label: 'Testers',
            size: 2,
            share: 1,
            shareByBrand: {},
            members: [key, other.authorKey!],
            details: {
              quotes: [
                { docId: mine._id, text: 'x' },
                { docId: other._id, text: 'y' },
              ],
              evidence: [mine._id, other._id],
            },
          },
        ],
      };
      await store.savePersonaSet(set);
      const result = await store.forgetAuthor(key);
      expect(result).toEqual({ documents: 1, analyses: 1, authors: 1, personaSets: 1 });
      expect((await all(store, {}, {})).map((d) => d._id)).toEqual([other._id]);
      expect(await store.getAnalyses([mine._id])).toEqual([]);
      const [after] = await store.latestPersonaSets('p', 1);
      expect(after?.personas[0]?.members).toEqual([other.authorKey]);
      expect(after?.personas[0]?.size).toBe(1);
      expect(JSON.stringify(after)).not.toContain(mine._id);
      expect(await store.forgetAuthor(key)).toEqual({ documents: 0, analyses: 0, authors: 0, personaSets: 0 });
    });

    it('deletes documents past retention with their analyses', async () => {
      const old = review({ siteId: 'old', body: 'Old news.', fetchedAt: '2024-01-01T00:00:00.000Z' });
      const fresh = review({ siteId: 'new', body: 'Fresh take.', fetchedAt: '2025-06-01T00:00:00.000Z' });
      await store.upsertDocuments([old, fresh]);
      await store.putAnalyses([analysisOf(old), analysisOf(fresh)]);
      expect(await store.deleteDocumentsBefore('2025-01-01T00:00:00.000Z')).toBe(1);
      expect((await all(store)).map((d) => d._id)).toEqual([fresh._id]);
      expect(await store.getAnalyses([old._id])).toEqual([]);
    });

    it('prunes the profiles and persona quotes that deleted documents leave behind', async () => {
      const old = review({ siteId: 'old', body: 'Old news, the lid cracked.', author: 'Gone Soon', fetchedAt: '2024-01-01T00:00:00.000Z' });
      const fresh = review({ siteId: 'new', body: 'Fresh take, lovely lid.', author: 'Still Here', fetchedAt: '2025-06-01T00:00:00.000Z' });
      await store.upsertDocuments([old, fresh]);
      const profile = (key: string) => ({
        _id: key,
        site: 'shop.example',
        location: 'Leeds, UK',
        firstSeenAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      });
      await store.upsertAuthors([
        profile(old.authorKey!),
        profile(fresh.authorKey!),
        { ...profile('just-fetched'), updatedAt: '2025-06-01T00:00:00.000Z' },
      ]);
      await store.savePersonaSet({
        _id: 'set-r',
        project: 'p',
        createdAt: '2025-06-05T00:00:00.000Z',
        version: '1',
        personas: [
          {
            id: 'p1',
            label: 'Lids',
            size: 2,
            share: 1,
            shareByBrand: {},
            members: [old.authorKey!, fresh.authorKey!],
            details: {
              quotes: [
                { docId: old._id, text: 'Old news, the lid cracked.' },
                { docId: fresh._id, text: 'Fresh take.' },
              ],
              evidence: [old._id, fresh._id],
            },
          },
        ],
      });
      await store.deleteDocumentsBefore('2025-01-01T00:00:00.000Z');
      // A profile without documents fetched within the retention period stays until it is as old.
      expect(await store.pruneOrphans('2025-01-02T00:00:00.000Z')).toEqual({ authors: 1, personaSets: 1 });
      expect((await store.getAuthors([old.authorKey!, fresh.authorKey!, 'just-fetched'])).map((a) => a._id).sort()).toEqual(
        [fresh.authorKey!, 'just-fetched'].sort(),
      );
      expect(await store.pruneOrphans('2025-07-01T00:00:00.000Z')).toEqual({ authors: 1, personaSets: 0 });
      const [set] = await store.latestPersonaSets('p', 1);
      expect(JSON.stringify(set)).not.toContain('lid cracked');
      expect(JSON.stringify(set)).not.toContain(old._id);
      expect(JSON.stringify(set)).toContain(fresh._id);
      expect(await store.pruneOrphans()).toEqual({ authors: 0, personaSets: 0 });
    });

    it('keeps persona sets per project, newest first, and small meta values', async () => {
      for (const [id, at] of [
        ['s1', '2025-01-01'],
        ['s2', '2025-02-01'],
        ['s3', '2025-03-01'],
      ] as const) {
        await store.savePersonaSet({ _id: id, project: 'p', createdAt: `${at}T00:00:00.000Z`, version: '1', personas: [] });
      }
      await store.savePersonaSet({ _id: 'x', project: 'other', createdAt: '2026-01-01T00:00:00.000Z', version: '1', personas: [] });
      expect((await store.latestPersonaSets('p', 2)).map((s) => s._id)).toEqual(['s3', 's2']);
      await store.setMeta('authorSalt', 'abc');
      expect(await store.getMeta('authorSalt')).toBe('abc');
      expect(await store.getMeta('missing')).toBeUndefined();
    });

    it('claims a meta value once: racing claims all get the first stored value, and a later claim changes nothing', async () => {
      const got = await Promise.all(['v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map((v) => store.claimMeta('once', v)));
      const winner = await store.getMeta('once');
      expect(winner).toMatch(/^v[1-6]$/);
      expect(got).toEqual(Array(6).fill(winner));
      expect(await store.claimMeta('once', 'late')).toBe(winner);
      expect(await store.getMeta('once')).toBe(winner);
    });

    it('lists and deletes meta values, and removals at once all land on the forgotten list and run one at a time', async () => {
      await store.setMeta('pre:a', '1');
      await store.setMeta('pre:b', '2');
      await store.setMeta('other', '3');
      expect([...(await store.listMeta('pre:')).entries()].sort()).toEqual([
        ['pre:a', '1'],
        ['pre:b', '2'],
      ]);
      expect(await store.deleteMeta('pre:a', 'not-1')).toBe(false);
      expect(await store.deleteMeta('pre:a', '1')).toBe(true);
      expect(await store.deleteMeta('pre:a')).toBe(false);
      expect([...(await store.listMeta('pre:')).keys()]).toEqual(['pre:b']);
      // Six removals at once: every key ends up on the forgotten list.
      const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((k) => k.padEnd(20, '0'));
      await Promise.all(keys.map((k) => rememberForgotten(store, k)));
      expect([...(await forgottenAuthors(store))].sort()).toEqual(keys);
      // And removals under the forget lock run one at a time.
      let inside = 0;
      let most = 0;
      await Promise.all(
        [1, 2, 3].map(() =>
          withForgetLock(store, async () => {
            most = Math.max(most, ++inside);
            await new Promise((ok) => setTimeout(ok, 30));
            inside--;
          }),
        ),
      );
      expect(most).toBe(1);
    });

    it('after a restart (and a compaction, where the store compacts), still links duplicates and forgets an author', async () => {
      const body = 'Bought it for the allotment shed and it has survived a whole winter out there.';
      const mine = review({ siteId: 'r1', body, author: 'Forget Me Later' });
      const other = review({ siteId: 'r2', body: 'Quiet enough for a flat with thin walls.', author: 'Someone Else' });
      await store.upsertDocuments([mine, other]);
      await (store as Store & { compact?: () => Promise<void> }).compact?.();
      await store.close();
      store = await factory.reopen();
      const copy = review({
        siteId: 'm7',
        body,
        author: 'Forget Me Later',
        sourceId: 'marketplace-kettle',
        url: 'http://market.example/k',
      });
      expect((await store.upsertDocuments([copy])).linked).toEqual([copy._id]);
      expect(await store.countDocuments()).toBe(2);
      expect((await store.forgetAuthor(mine.authorKey!)).documents).toBe(2);
      expect((await all(store, {}, {})).map((d) => d._id)).toEqual([other._id]);
    });

    it('keeps each alert finding once: adding it again (a retried job) stores nothing and changes nothing', async () => {
      const a = alertOf('a1', 'bad-reviews', '2025-03-01T10:00:00.000Z');
      const b = alertOf('a2', 'bad-reviews', '2025-03-01T11:00:00.000Z');
      const c = alertOf('a3', 'health', '2025-03-01T12:00:00.000Z');
      expect((await store.addAlerts([a, b, a])).sort()).toEqual(['a1', 'a2']);
      expect(await store.addAlerts([{ ...a, title: 'changed' }, c])).toEqual(['a3']);
      // Racing writers of the same findings: each id is stored by exactly one of them.
      const raced = await Promise.all([1, 2, 3].map(() => store.addAlerts([alertOf('r1', 'x', '2025-03-02T00:00:00.000Z')])));
      expect(raced.flat()).toEqual(['r1']);
      expect((await store.listAlerts({ rule: 'bad-reviews' })).map((x) => [x._id, x.title])).toEqual([
        ['a2', '1★ review a2'],
        ['a1', '1★ review a1'],
      ]);
      expect((await store.listAlerts({ limit: 2 })).map((x) => x._id)).toEqual(['r1', 'a3']);
      expect((await store.listAlerts({ ids: ['a1', 'a3', 'nope'] })).map((x) => x._id)).toEqual(['a3', 'a1']);
    });

    it('puts findings in a digest batch once: a later batch never takes them over', async () => {
      await store.addAlerts(['a1', 'a2', 'a3'].map((id, i) => alertOf(id, 'bad-reviews', `2025-03-01T1${i}:00:00.000Z`)));
      expect((await store.batchAlerts(['a1', 'a2', 'missing'], 'b1')).sort()).toEqual(['a1', 'a2']);
      expect(await store.batchAlerts(['a2', 'a3'], 'b2')).toEqual(['a3']);
      expect((await store.listAlerts({ batch: 'b1' })).map((x) => x._id)).toEqual(['a2', 'a1']);
      expect((await store.listAlerts({ batched: false })).map((x) => x._id)).toEqual([]);
      await store.addAlerts([alertOf('a4', 'bad-reviews', '2025-03-02T00:00:00.000Z')]);
      expect((await store.listAlerts({ batched: false })).map((x) => x._id)).toEqual(['a4']);
      expect((await store.listAlerts({ batched: true })).map((x) => x._id)).toEqual(['a3', 'a2', 'a1']);
    });

    it('delivers an outbox message through one sender at a time, and takes it over only when its lease ran out', async () => {
      expect(
        await store.addAlertMessages([messageOf('m1', ['a1', 'a2']), messageOf('m2', ['a3'], { createdAt: '2025-03-01T11:00:00.000Z' })]),
      ).toEqual(['m1', 'm2']);
      expect(await store.addAlertMessages([messageOf('m1', ['zzz'])])).toEqual([]);
      expect((await store.listAlertMessages({ alertIds: ['a2'] })).map((m) => [m._id, m.alertIds])).toEqual([['m1', ['a1', 'a2']]]);
      // Not due yet: nobody takes it.
      expect(
        await store.claimAlertMessage('m1', { now: '2025-03-01T09:00:00.000Z', lease: 'x', leaseUntil: '2025-03-01T09:01:00.000Z' }),
      ).toBeUndefined();
      const now = '2025-03-01T10:00:00.000Z';
      const until = '2025-03-01T10:01:00.000Z';
      const claims = await Promise.all(['s1', 's2', 's3'].map((lease) => store.claimAlertMessage('m1', { now, lease, leaseUntil: until })));
      const winners = claims.filter((c) => c !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]!.status).toBe('sending');
      const lease = winners[0]!.lease!;
      // A sender that lost the race cannot record an outcome.
      expect(await store.finishAlertMessage('m1', 'someone-else', { status: 'sent', attempts: 1, nextAttemptAt: now, sentAt: now })).toBe(
        false,
      );
      // The holder died: after its lease the message is taken over.
      expect(await store.claimAlertMessage('m1', { now: '2025-03-01T10:00:30.000Z', lease: 'late', leaseUntil: until })).toBeUndefined();
      const taken = await store.claimAlertMessage('m1', {
        now: '2025-03-01T10:02:00.000Z',
        lease: 'next',
        leaseUntil: '2025-03-01T10:03:00.000Z',
      });
      expect(taken?.lease).toBe('next');
      expect(await store.finishAlertMessage('m1', lease, { status: 'sent', attempts: 1, nextAttemptAt: now, sentAt: now })).toBe(false);
      expect(
        await store.finishAlertMessage('m1', 'next', {
          status: 'retry',
          attempts: 1,
          nextAttemptAt: '2025-03-01T10:10:00.000Z',
          lastError: 'HTTP 503',
        }),
      ).toBe(true);
      const [retry] = await store.listAlertMessages({ status: ['retry'] });
      expect(retry).toMatchObject({ _id: 'm1', status: 'retry', attempts: 1, lastError: 'HTTP 503' });
      expect(retry!.lease).toBeUndefined();
      const again = await store.claimAlertMessage('m1', {
        now: '2025-03-01T10:10:00.000Z',
        lease: 'third',
        leaseUntil: '2025-03-01T10:11:00.000Z',
      });
      expect(again?.attempts).toBe(1);
      expect(
        await store.finishAlertMessage('m1', 'third', {
          status: 'sent',
          attempts: 2,
          nextAttemptAt: now,
          sentAt: '2025-03-01T10:10:01.000Z',
        }),
      ).toBe(true);
      const [sent] = await store.listAlertMessages({ status: ['sent'] });
      expect(sent).toMatchObject({ _id: 'm1', attempts: 2, sentAt: '2025-03-01T10:10:01.000Z' });
      expect(sent!.lastError).toBeUndefined();
      // Sent is final.
      expect(
        await store.claimAlertMessage('m1', { now: '2026-01-01T00:00:00.000Z', lease: 'z', leaseUntil: '2026-01-01T00:01:00.000Z' }),
      ).toBeUndefined();
      expect((await store.listAlertMessages({ limit: 5 })).map((m) => m._id)).toEqual(['m2', 'm1']);
      expect((await store.listAlertMessages({ rule: 'other' })).length).toBe(0);
    });

    it('keeps its data across close and reopen', async () => {
      const d = review({ siteId: 'r1', body: 'Still here after a restart.' });
      await store.upsertDocuments([d]);
      await store.putAnalyses([analysisOf(d)]);
      await store.close();
      store = await factory.reopen();
      expect((await all(store)).map((x) => x.body)).toEqual(['Still here after a restart.']);
      expect(await store.getAnalyses([d._id])).toHaveLength(1);
    });

    it('keeps alert history and the outbox across close and reopen', async () => {
      await store.addAlerts([alertOf('a1', 'bad-reviews', '2025-03-01T10:00:00.000Z')]);
      await store.addAlertMessages([messageOf('m1', ['a1'])]);
      await store.batchAlerts(['a1'], 'b1');
      await store.close();
      store = await factory.reopen();
      expect(await store.addAlerts([alertOf('a1', 'bad-reviews', '2025-03-01T10:00:00.000Z')])).toEqual([]);
      expect((await store.listAlerts({ batch: 'b1' })).map((a) => a._id)).toEqual(['a1']);
      expect((await store.listAlertMessages({ status: ['pending'] })).map((m) => m._id)).toEqual(['m1']);
    });
  });
}
