import { describe, expect, it } from 'vitest';
import { review, storeContract } from '../test/store-contract.js';
import { MongoStore } from './mongo-store.js';
import { randomName, testMongoUri } from '../test/services.js';
import { StoreError } from '../domain/errors.js';

const uri = testMongoUri();

if (uri) {
  let database = '';
  storeContract('mongodb', {
    open: async () => {
      database = randomName('radar_contract');
      return MongoStore.open(uri, { database });
    },
    reopen: async () => MongoStore.open(uri, { database }),
    destroy: async () => {
      const s = await MongoStore.open(uri, { database });
      await s.dropDatabase();
      await s.close();
    },
  });

  describe('mongodb store: concurrent writers', () => {
    it('two processes upserting the same new reviews at once store each exactly once', async () => {
      const db = randomName('radar_race');
      const a = await MongoStore.open(uri, { database: db });
      const b = await MongoStore.open(uri, { database: db });
      try {
        const docs = Array.from({ length: 50 }, (_, i) =>
          review({ siteId: `race-${i}`, body: `Review ${i}: the grinder holds its setting between beans of every roast.` }),
        );
        const [ra, rb] = await Promise.all([a.upsertDocuments(docs), b.upsertDocuments(docs)]);
        expect(ra.inserted.length + rb.inserted.length).toBe(50);
        expect(ra.unchanged + rb.unchanged).toBe(50);
        expect(await a.countDocuments()).toBe(50);
      } finally {
        await a.dropDatabase();
        await a.close();
        await b.close();
      }
    });
  });

  describe('mongodb store: processes starting together', () => {
    it('several processes opening a new database at once all get a working store', async () => {
      const db = randomName('radar_open_race');
      // Workers started together each set up the schema and indexes of the same fresh database.
      const stores = await Promise.all(Array.from({ length: 4 }, () => MongoStore.open(uri, { database: db })));
      try {
        await stores[0]!.upsertDocuments([
          review({ siteId: 'open-race', body: 'The kettle pours a slow, even stream and keeps the water hot.' }),
        ]);
        for (const s of stores) expect(await s.countDocuments()).toBe(1);
      } finally {
        await stores[0]!.dropDatabase();
        for (const s of stores) await s.close();
      }
    });
  });

  describe('mongodb store: failure modes', () => {
    it('fails within 5 s on a dead address, naming the host and never the password', async () => {
      const started = Date.now();
      const err = await MongoStore.open('mongodb://radar:s3cret-pass@127.0.0.1:9/?directConnection=true', {
        database: 'x',
        timeoutMs: 1500,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toContain('127.0.0.1:9');
      expect((err as Error).message).not.toContain('s3cret');
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
} else {
  describe.skip('mongodb store (set RADAR_TEST_MONGODB_URI)', () => {
    it('skipped', () => undefined);
  });
}
