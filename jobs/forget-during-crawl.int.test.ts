/**
 * `radar forget` while a crawl of the same site is running (MongoDB, where both can run at once):
 * the crawl must not store the person again from the pages it has still to fetch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { radar } from '../test/cli.js';
import { testMongoUri, testRedisUrl } from '../test/services.js';
import { startReviewSite, type ReviewSite } from '../test/review-site.js';
import { cleanProject, eventually, startRadar, writeProject, type TestProject } from '../test/test-kit.js';

const mongoUri = testMongoUri();
const redisUrl = testRedisUrl();

describe.skipIf(!mongoUri || !redisUrl)('radar forget during a crawl', () => {
  let site: ReviewSite | undefined;
  let project: TestProject | undefined;
  afterEach(async () => {
    await site?.close();
    if (project) await cleanProject(project, mongoUri);
    site = undefined;
    project = undefined;
  });

  it('keeps the forgotten reviewer out of every page the crawl fetches afterwards', async () => {
    // user3 wrote review 3 (page 1) and review 40 (page 9).
    site = await startReviewSite({ products: [{ id: 'kettle', pages: 10, perPage: 5 }], delayMs: 400 });
    project = writeProject({ redisUrl: redisUrl!, mongoUri: mongoUri!, sources: [{ id: 'kettle', url: site.reviewsUrl('kettle') }] });
    const mongo = await MongoClient.connect(mongoUri!);
    try {
      const docs = mongo.db(project.database).collection<{ siteId?: string; authorKey?: string }>('documents');
      const crawl = startRadar(['crawl'], { cwd: project.dir });
      await eventually(async () => (await docs.countDocuments({ siteId: /#kettle-r3$/ })) === 1, 30_000, 'page 1 to be stored');
      const forgot = await radar(['forget', '--name', `${site.url}/u/user3`, '--site', '127.0.0.1'], { cwd: project.dir });
      expect(forgot.code, forgot.stderr).toBe(0);
      expect((await crawl.exited).code).toBe(0);
      const stored = (await docs.find({}, { projection: { siteId: 1 } }).toArray()).map((d) => d.siteId!.split('#')[1]!);
      expect(stored).not.toContain('kettle-r3');
      expect(stored).not.toContain('kettle-r40');
      expect(stored).toHaveLength(48);
      expect(
        await mongo
          .db(project.database)
          .collection('authors')
          .countDocuments({ profileUrl: { $regex: '/u/user3$' } }),
      ).toBe(0);
    } finally {
      await mongo.close();
    }
  }, 60_000);
});
