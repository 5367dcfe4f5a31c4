import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.js';

// Saved real pages live beside the project (../shared); they are read in place, never copied.
const WEB = new URL('../../../shared/fixtures/web/', import.meta.url);
const html = (name: string): string => readFileSync(new URL(`html/${name}`, WEB), 'utf8');

describe('extractPage on saved real pages (no page-specific code)', () => {
  it('reads the 100 JSON-LD reviews and the 4.6/174 aggregate of a recipe page', () => {
    const page = extractPage(html('recipe_realmomnutrition_jsonld-100-reviews.html'), {
      url: 'https://www.realmomnutrition.com/easy-lemonade/',
    });
    expect(page.strategies).toEqual(['json-ld']);
    expect(page.items).toHaveLength(100);
    for (const item of page.items) {
      expect(item.author).toBeTruthy();
      expect(item.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(item.rating?.best).toBe(5);
    }
    expect(page.items[0]).toMatchObject({
      author: 'Justina',
      title: 'Quick and Easy',
      body: 'I would increase sugar slightly next time, but will definitely make again!',
      rating: { value: 4, best: 5, worst: 1 },
      publishedAt: '2025-01-23T22:27:30.000Z',
      itemName: 'Easy Lemonade (Made with Fresh + Bottled Lemon Juice)',
    });
    // Most of these reviews are ratings without text; they still count.
    expect(page.items.filter((i) => i.body).length).toBe(6);
    expect(page.aggregate).toMatchObject({ ratingValue: 4.6, reviewCount: 174, best: 5 });
    expect(page.looksLikeReviews).toBe(true);
    expect(page.blocked).toBe(false);
  });

  it('reads the 13 German reviews and keeps their language', () => {
    const page = extractPage(html('recipe_madamecuisine-de_jsonld-13-reviews_german.html'), {
      url: 'https://www.madamecuisine.de/shakshuka-schakschuka/',
    });
    expect(page.items).toHaveLength(13);
    expect(page.items.every((i) => i.lang === 'de' && i.body.length > 0 && i.rating?.value === 5)).toBe(true);
    expect(page.items[0]?.author).toBe('Alf');
    expect(page.items[0]?.publishedAt).toBe('2024-11-19');
    expect(page.items.map((i) => i.body)).toContain('Schmeckt sehr lecker');
    expect(page.aggregate).toMatchObject({ ratingValue: 4.64, ratingCount: 495, reviewCount: 13 });
  });

  it('reads a 10-point aggregate from the Chinese recipe page', () => {
    const page = extractPage(html('recipe_xiachufang_chinese_aggregaterating-10pt.html'), {
      url: 'https://www.xiachufang.com/recipe/100403615/',
    });
    expect(page.items).toHaveLength(0);
    expect(page.aggregate).toEqual({ ratingValue: 8.2, best: 10, worst: 1, reviewCount: 6323, itemName: '焗饭' });
    expect(page.looksLikeReviews).toBe(true);
  });

  it("reads IMDb's one review (a headline without body) and its aggregate", () => {
    const page = extractPage(html('imdb_title_trimmed.html'), { url: 'https://www.imdb.com/title/tt0091042/' });
    expect(page.items).toEqual([
      {
        body: 'Smart A*s v. The Establishment -- Ferris Bueller Rules!',
        author: 'mdm-11',
        itemName: "Ferris Bueller's Day Off",
        lang: 'en',
      },
    ]);
    expect(page.aggregate).toMatchObject({ ratingValue: 7.8, best: 10, itemName: "Ferris Bueller's Day Off" });
  });

  it("reads Google Play's aggregate (and the reviews kept in positional page state)", () => {
    const page = extractPage(html('google-play_app_dunzo-delivery-partner.html'), {
      url: 'https://play.google.com/store/apps/details?id=runner.dunzo.com.dunzo_runner',
    });
    expect(page.aggregate?.ratingValue).toBeCloseTo(3.69, 2);
    expect(page.aggregate).toMatchObject({ best: 5, ratingCount: 4542, itemName: 'Dunzo Delivery Partner' });
    expect(page.strategies).toEqual(['embedded-json']);
    expect(page.items.length).toBeGreaterThanOrEqual(20);
    expect(page.items[0]).toMatchObject({ author: 'Saifudheen K', rating: { value: 1, best: 5 }, publishedAt: '2021-07-06T14:17:48.000Z' });
  });

  it('reads the Yelp business page reviews, with reviewer locations, from embedded JSON', () => {
    const page = extractPage(html('yelp_biz_thanh-son-tofu-garden-grove.html'), {
      url: 'https://www.yelp.com/biz/thanh-son-tofu-garden-grove-3',
    });
    expect(page.strategies).toEqual(['embedded-json']);
    expect(page.items).toHaveLength(22);
    for (const item of page.items) {
      expect(item.authorLocation).toMatch(/, [A-Z]{2}$/);
      expect(item.rating?.best).toBe(5);
      expect(item.publishedAt).toMatch(/^20\d{2}-\d{2}-\d{2}$/);
      expect(item.authorUrl).toMatch(/^https:\/\/www\.yelp\.com\/user_details\?userid=/);
      expect(item.body).not.toMatch(/&amp;|&#39;|<br/);
    }
    expect(page.items[0]).toMatchObject({
      author: 'Sandra L.',
      authorLocation: 'Orange County, CA',
      publishedAt: '2020-12-09',
      siteId: 'OcEneH8BXu1z8-fpFFyrAg',
      itemName: 'Thanh Son Tofu',
    });
    expect(page.items[0]?.body).toContain("I'm not a huge tofu person");
    expect(page.profileLinks).toHaveLength(20);
  });

  it("detects the Amazon book page's 5 review cards without a recipe", () => {
    const page = extractPage(html('amazon-co-uk_product_book.html'), { url: 'https://www.amazon.co.uk/dp/1849757097' });
    expect(page.strategies).toEqual(['auto-detect']);
    expect(page.items.map((i) => i.author)).toEqual(['The Renaissance Girl', 'Foodista', 'Sylvia A Dodson', 'Susan Walker', 'Yvonne']);
    expect(page.items.map((i) => i.rating?.value)).toEqual([5, 3, 5, 5, 5]);
    expect(page.items[0]).toMatchObject({
      title: 'Particularly beautiful is his take on a red onion tarte-tatin!',
      publishedAt: '2016-04-08',
      siteId: 'R1L12MZN23ZJSE',
    });
    expect(page.items[0]?.body).toMatch(/^Mat makes food we all want to eat/);
    expect(page.items[3]?.body).toBe('Really good recipes');
    expect(page.profileLinks.every((u) => u.startsWith('https://www.amazon.co.uk/gp/profile/'))).toBe(true);
    expect(page.aggregate).toMatchObject({ ratingValue: 4.4, best: 5, ratingCount: 16 });
    expect(page.profile).toBeUndefined();
  });

  it("reads the Yelp reviewer page's review list, profile and pagination", () => {
    const url = 'https://www.yelp.com/user_details_reviews_self?userid=5prk8CtPPBHNpa6BOja2ug';
    const page = extractPage(html('yelp_user_reviews_page_1_of_15.html'), { url });
    expect(page.items.length).toBeGreaterThanOrEqual(10);
    for (const item of page.items) {
      expect(item.rating).toEqual({ value: 5, best: 5, worst: 1 });
      expect(item.publishedAt).toMatch(/^2020-\d{2}-\d{2}$/);
      expect(item.author).toBe('Samuelze K.');
    }
    expect(page.items[0]?.body).toMatch(/^Some people\nstand\nout/);
    expect(page.items[0]?.publishedAt).toBe('2020-12-17');
    // Reviews shown cut ("…" and Read more) are read whole from the hidden full text beside them.
    expect(page.items.filter((i) => /…$/.test(i.body))).toEqual([]);
    expect(page.items.find((i) => i.publishedAt === '2020-09-19')?.body.length).toBeGreaterThan(300);
    expect(page.profile).toMatchObject({ name: 'Samuelze K.', location: 'Palos Verdes Estates, CA', reviewCount: 148 });
    expect(page.nextPages[0]).toBe(`${url}&rec_pagestart=10`);
    expect(page.nextPages).toContain(`${url}&rec_pagestart=80`);
  });

  it("reads the Hacker News thread's comments with their parents", () => {
    const page = extractPage(html('hackernews_item_comments.html'), {
      url: 'https://news.ycombinator.com/item?id=4705067',
      referenceDate: '2012-10-27T12:00:00Z',
    });
    expect(page.strategies).toEqual(['thread']);
    const comments = page.items.filter((i) => i.siteId !== '4705067');
    expect(comments).toHaveLength(45);
    const byId = new Map(page.items.map((i) => [i.siteId, i]));
    expect(byId.get('4705763')).toMatchObject({
      author: 'seldo',
      body: 'TEST! TEST! TEST!',
      publishedAt: '2012-10-27T08:00:00.000Z',
      parentSiteId: '4705067',
    });
    expect(byId.get('4705841')).toMatchObject({ author: 'cperciva', parentSiteId: '4705763' });
    expect(byId.get('4706034')).toMatchObject({ author: 'antirez', parentSiteId: '4705841', publishedAt: '2012-10-27T11:36:00.000Z' });
    // Every parent is an item of the page.
    for (const c of comments) expect(byId.has(c.parentSiteId)).toBe(true);
    expect(comments.filter((c) => c.parentSiteId === '4705067').length).toBeGreaterThan(3);
    expect(page.profileLinks).toContain('https://news.ycombinator.com/user?id=cperciva');
  });

  it('keeps extraction fast on megabyte pages', () => {
    const big = html('amazon-co-uk_product_book.html');
    extractPage(big, { url: 'https://www.amazon.co.uk/dp/1849757097' });
    const start = performance.now();
    extractPage(big, { url: 'https://www.amazon.co.uk/dp/1849757097' });
    // Tens of milliseconds on a workstation; the bound only catches accidental quadratic work.
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe('extractPage on small pages', () => {
  it('merges the same review found by JSON-LD and microdata into one item', () => {
    const page = extractPage(
      `<html lang="en"><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"Product","name":"Kettle","review":[{"@type":"Review","author":"Ann","reviewBody":"Boils fast and looks great on the counter.","reviewRating":{"@type":"Rating","ratingValue":5}}]}
      </script></head><body>
        <div itemscope itemtype="https://schema.org/Review"><span itemprop="author">Ann</span>
          <meta itemprop="datePublished" content="2024-05-01"><p itemprop="reviewBody">Boils fast and looks great on the counter.</p></div>
      </body></html>`,
      { url: 'https://shop.example/kettle' },
    );
    expect(page.items).toEqual([
      {
        body: 'Boils fast and looks great on the counter.',
        author: 'Ann',
        rating: { value: 5, best: 5, worst: 1 },
        itemName: 'Kettle',
        publishedAt: '2024-05-01',
        lang: 'en',
      },
    ]);
    expect(page.strategies).toEqual(['json-ld', 'microdata']);
  });

  it('uses the configured recipe and its next-page selector', () => {
    const page = extractPage(
      `<div class="r"><b class="who">Ann</b><span class="stars">★★★★☆</span><p class="txt">Good value for the price.</p></div>
       <div class="r"><b class="who">Bob</b><span class="stars">★★☆☆☆</span><p class="txt">Broke after a week of use.</p></div>
       <a class="more" href="?page=2">more</a>`,
      {
        url: 'https://shop.example/reviews',
        recipe: {
          container: '.r',
          author: '.who',
          body: '.txt',
          rating: { selector: '.stars', scale: 5, mode: 'value' },
          nextPage: 'a.more',
        },
      },
    );
    expect(page.strategies).toEqual(['css-recipe']);
    expect(page.items.map((i) => [i.author, i.rating?.value])).toEqual([
      ['Ann', 4],
      ['Bob', 2],
    ]);
    expect(page.nextPages).toEqual(['https://shop.example/reviews?page=2']);
  });

  it('flags block pages and review pages that need a browser', () => {
    const blocked = extractPage(
      '<html><head><title>Just a moment...</title></head><body><div id="challenge-running">Checking your browser before accessing the site.</div></body></html>',
      { url: 'https://shop.example/p' },
    );
    expect(blocked).toMatchObject({ blocked: true, items: [], looksLikeReviews: false });

    const shell = extractPage(
      '<html><body><h2>Customer reviews</h2><div id="reviews-container" class="reviews-widget"><span class="spinner">Loading reviews…</span></div></body></html>',
      { url: 'https://shop.example/p' },
    );
    expect(shell).toMatchObject({ blocked: false, items: [], looksLikeReviews: true });

    const plain = extractPage('<html><body><h1>About us</h1><p>We make kettles since 1990.</p></body></html>', {
      url: 'https://shop.example/about',
    });
    expect(plain.looksLikeReviews).toBe(false);
  });

  it('parses a feed handed to it as a page', () => {
    const page = extractPage(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Hello</title><link>https://blog.example/1</link><description>&lt;p&gt;First post&lt;/p&gt;</description></item></channel></rss>',
      { url: 'https://blog.example/feed' },
    );
    expect(page.strategies).toEqual(['feed']);
    expect(page.items).toEqual([{ body: 'First post', title: 'Hello', url: 'https://blog.example/1', siteId: 'https://blog.example/1' }]);
  });
});
