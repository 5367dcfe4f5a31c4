import { describe, expect, it } from 'vitest';
import { extractFromJson } from './json-items.js';

const ctx = { url: 'https://api.example/v1/thread' };

describe('extractFromJson: items by key names and value shape', () => {
  it('finds an item array at any depth and maps fields by name in other languages', () => {
    const value = {
      pagina: {
        datos: {
          opiniones: [
            { autor: { nombre: 'Lucía' }, texto: 'La cafetera calienta rápido y no hace ruido.', fecha: '2025-03-02T09:00:00Z', id: 'a1' },
            { autor: { nombre: 'Tomás' }, texto: 'Se rompió el asa a la segunda semana de uso.', fecha: '2025-03-05T18:30:00Z', id: 'a2' },
          ],
        },
      },
    };
    const found = extractFromJson(value, ctx);
    expect(found.items.map((i) => i.body)).toEqual([
      'La cafetera calienta rápido y no hace ruido.',
      'Se rompió el asa a la segunda semana de uso.',
    ]);
    expect(found.paths).toEqual(['$.pagina.datos.opiniones[0]', '$.pagina.datos.opiniones[1]']);
    expect(found.items[0]).toMatchObject({ author: 'Lucía', publishedAt: '2025-03-02T09:00:00.000Z', siteId: 'a1' });
  });

  it('reads the text of a record whose text key has an unusual name, by its shape', () => {
    const posts = [
      {
        id: 1,
        username: 'kettle_fan',
        created_at: '2024-01-02T10:00:00Z',
        rendered: '<p>Descaling every month keeps the element clean and quiet.</p>',
      },
      {
        id: 2,
        username: 'tea_time',
        created_at: '2024-01-03T11:00:00Z',
        rendered: '<p>Mine started leaking at the seam after a year of daily use.</p>',
      },
      { id: 3, username: 'mod', created_at: '2024-01-04T12:00:00Z', rendered: '' },
    ];
    const found = extractFromJson({ stream: { posts } }, ctx);
    expect(found.items.map((i) => [i.author, i.body])).toEqual([
      ['kettle_fan', 'Descaling every month keeps the element clean and quiet.'],
      ['tea_time', 'Mine started leaking at the seam after a year of daily use.'],
    ]);
  });

  it('unwraps records kept one or more objects down, with the id from the wrapper', () => {
    const items = ['Great demo, the battery life numbers surprised me.', 'ok', 'Audio was too quiet in the second half.'].map(
      (text, n) => ({
        kind: 'thread',
        id: `t${n}`,
        snippet: { top: { meta: { authorDisplayName: `viewer${n}`, textOriginal: text, publishedAt: `2024-05-0${n + 1}T08:00:00Z` } } },
      }),
    );
    const found = extractFromJson({ items }, ctx);
    // The short "ok" is kept: it sits where the other texts are.
    expect(found.items.map((i) => [i.siteId, i.body])).toEqual([
      ['t0', 'Great demo, the battery life numbers surprised me.'],
      ['t1', 'ok'],
      ['t2', 'Audio was too quiet in the second half.'],
    ]);
    expect(found.paths[0]).toBe('$.items[0].snippet.top.meta');
  });

  it('follows replies as items with their parent, however short they are', () => {
    const tree = [
      {
        data: {
          id: 'c1',
          author: 'ana',
          body: 'Does the grinder fit under a standard kitchen cabinet?',
          created_utc: 1700000000,
          replies: {
            data: {
              children: [{ data: { id: 'c2', author: 'ben', body: 'yes', created_utc: 1700000300, replies: '' } }],
            },
          },
        },
      },
      {
        data: { id: 'c3', author: 'cy', body: 'The hopper holds about two hundred grams of beans.', created_utc: 1700000600, replies: '' },
      },
    ];
    const found = extractFromJson({ listing: { children: tree } }, ctx);
    expect(found.items.map((i) => [i.siteId, i.parentSiteId])).toEqual([
      ['c1', undefined],
      ['c3', undefined],
      ['c2', 'c1'],
    ]);
  });

  it('reads a listing of link submissions by their headlines, each with its author and date', () => {
    const post = (id: string, who: string, title: string, at: number) => ({
      kind: 'post',
      data: { id, author: who, title, url: `https://news.example/${id}`, selftext: '', created_utc: at, score: 12, num_comments: 3 },
    });
    const listing = {
      kind: 'Listing',
      data: {
        children: [
          post('a1', 'mo', 'City council approves the new cycle lanes', 1712000000),
          post('a2', 'ny', 'Local bakery wins the regional bread prize', 1712003600),
          post('a3', 'oz', 'Library extends its weekend opening hours', 1712007200),
        ],
      },
    };
    const found = extractFromJson(listing, ctx);
    expect(found.items.map((i) => [i.author, i.title, i.body])).toEqual([
      ['mo', 'City council approves the new cycle lanes', ''],
      ['ny', 'Local bakery wins the regional bread prize', ''],
      ['oz', 'Library extends its weekend opening hours', ''],
    ]);
    // One link submission above its comments is not an item of its own.
    const single = { kind: 'Listing', data: { children: [post('b1', 'pa', 'A single link at the top of a thread', 1712000000)] } };
    expect(extractFromJson(single, ctx).items).toEqual([]);
  });

  it('keeps the owner’s reply on the review, not as a review', () => {
    const reviews = [
      {
        rating: 2,
        text: 'The parcel arrived a week late and the box was dented.',
        author: { name: 'Priya' },
        date: '2024-06-01',
        ownerResponse: { text: 'We are sorry about the delay and have sent a voucher.', date: '2024-06-03' },
      },
      { rating: 5, text: 'Lovely soft towels, they wash well and keep their colour.', author: { name: 'Omar' }, date: '2024-06-02' },
      { rating: 4, author: { name: 'Jun' }, date: '2024-06-04' },
    ];
    const found = extractFromJson({ reviews }, ctx);
    expect(found.items).toHaveLength(3);
    expect(found.items[0]?.reply).toEqual({ body: 'We are sorry about the delay and have sent a voucher.', publishedAt: '2024-06-03' });
    // A rating with no text is a rating-only review.
    expect(found.items[2]).toMatchObject({ body: '', rating: { value: 4, best: 5 }, author: 'Jun' });
  });

  it('reads a truncated text whole from the fuller field beside it', () => {
    const long = 'Switched from the old model and the new lid finally seals properly, no more drips on the counter.';
    const posts = [
      { user: { name: 'kim' }, created: '2024-02-02', text: `${long.slice(0, 40)}…`, extended: { full_text: long } },
      { user: { name: 'lee' }, created: '2024-02-03', text: 'Handle gets hot after a few minutes on the stove.' },
    ];
    expect(extractFromJson({ results: posts }, ctx).items[0]?.body).toBe(long);
  });

  it('reads rich-text payloads: text and names kept as {simpleText} or {runs: [{text}]}', () => {
    const renderer = (id: string, who: string, parts: string[], ago: string) => ({
      commentRenderer: {
        commentId: id,
        authorText: { simpleText: who },
        contentText: { runs: parts.map((text) => ({ text })) },
        publishedTimeText: { runs: [{ text: ago }] },
        voteCount: { simpleText: '3' },
      },
    });
    const value = {
      continuationItems: [
        renderer('k1', '@maker', ['The hinge ', 'squeaks after a month.'], '2 weeks ago'),
        renderer('k2', '@fixer', ['A drop of oil fixed mine.'], '1 week ago'),
      ],
    };
    const found = extractFromJson(value, { ...ctx, referenceDate: new Date('2025-01-15T00:00:00Z') });
    expect(found.items.map((i) => [i.siteId, i.author, i.body])).toEqual([
      ['k1', '@maker', 'The hinge squeaks after a month.'],
      ['k2', '@fixer', 'A drop of oil fixed mine.'],
    ]);
    expect(found.items[0]?.publishedAt?.slice(0, 10)).toBe('2025-01-01');
  });

  it('keeps the business’s reply held in a positional row', () => {
    const row = (id: string, who: string, stars: number, text: string, at: number, reply?: string) => [
      id,
      [who, [null, 2]],
      stars,
      null,
      text,
      [at, 0],
      3,
      reply ? ['Kettle Co', reply, [at + 86400, 0]] : null,
    ];
    const rows = [
      row(
        'gp:A1b2C3d4E5',
        'Rin',
        2,
        'The lid hinge snapped after two weeks of normal use.',
        1714000000,
        'Sorry to hear that, a new lid is on its way to you.',
      ),
      row('gp:F6g7H8i9J0', 'Sol', 5, 'Boils fast and the cord is long enough for my kitchen.', 1714100000),
      row('gp:K1l2M3n4O5', 'Tey', 4, 'Good kettle, a little loud when it reaches the boil.', 1714200000),
    ];
    const found = extractFromJson({ data: [rows] }, ctx);
    expect(found.items).toHaveLength(3);
    expect(found.items[0]?.reply).toMatchObject({ body: 'Sorry to hear that, a new lid is on its way to you.', author: 'Kettle Co' });
    expect(found.items[1]?.reply).toBeUndefined();
  });

  it('takes the kind of record that reads as items from a list of several kinds', () => {
    const mutations = [1, 2, 3].flatMap((n) => [
      {
        entityKey: `k${n}`,
        payload: {
          commentPayload: {
            properties: {
              commentId: `c${n}`,
              content: { content: `Comment ${n} on the unboxing: the box was smaller than I expected.` },
              publishedTime: `${n} days ago`,
            },
            author: { displayName: `@watcher${n}` },
          },
        },
      },
      { entityKey: `t${n}`, payload: { toolbarState: { likeState: 'INDIFFERENT', heartState: 'UNHEARTED' } } },
      { entityKey: `s${n}`, payload: { surfacePayload: { voiceReplyEnabled: false } } },
    ]);
    const found = extractFromJson({ frameworkUpdates: { mutations } }, { ...ctx, referenceDate: new Date('2025-03-10T00:00:00Z') });
    expect(found.items.map((i) => [i.siteId, i.author])).toEqual([
      ['c1', '@watcher1'],
      ['c2', '@watcher2'],
      ['c3', '@watcher3'],
    ]);
    expect(found.items[0]?.publishedAt?.slice(0, 10)).toBe('2025-03-09');
  });

  it('follows JSON kept inside a JSON string', () => {
    const inner = JSON.stringify({
      comments: [
        { author: 'ivy', message: 'The app crashes when I rotate the phone.', time: '2024-04-01T10:00:00Z' },
        { author: 'jo', message: 'Works fine here after the latest update.', time: '2024-04-02T10:00:00Z' },
      ],
    });
    expect(extractFromJson({ payload: inner }, ctx).items.map((i) => i.author)).toEqual(['ivy', 'jo']);
  });

  it('leaves arrays of things that are not items: variants, menus, images, translations', () => {
    const value = {
      variants: [
        { sku: 'K-1', name: 'Kettle, steel', description: 'Brushed steel body with a blue light ring.', price: 30 },
        { sku: 'K-2', name: 'Kettle, white', description: 'Matt white body with a soft-touch handle.', price: 32 },
      ],
      menu: [
        { label: 'Kitchen appliances and small electricals', url: '/kitchen' },
        { label: 'Garden furniture and outdoor lighting', url: '/garden' },
      ],
      images: [
        { src: '/a.jpg', alt: 'The kettle on a wooden kitchen counter beside a mug' },
        { src: '/b.jpg', alt: 'The kettle lid open, showing the limescale filter' },
      ],
      translations: [
        { lang: 'de', text: 'Ein Wasserkocher aus Edelstahl mit blauem Leuchtring.' },
        { lang: 'fr', text: 'Une bouilloire en acier avec un anneau lumineux bleu.' },
      ],
      posters: [{ description: 'Original poster, most recent poster', user: { name: 'admin' } }],
    };
    const found = extractFromJson(value, ctx);
    expect(found.items).toEqual([]);
    expect(found.notes.join('\n')).toMatch(/records left/);
  });
});

describe('extractFromJson on hostile input: bounded, never a crash', () => {
  it('reads 100,000 levels of nesting without overflowing the stack', () => {
    let deep: unknown = { text: 'bottom of the pit, a very long way down', author: 'x', date: '2024-01-01' };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    const found = extractFromJson(deep, ctx);
    expect(found.truncated).toBe(true);
    expect(found.items).toEqual([]);
    expect(found.notes.join('\n')).toMatch(/stopped reading/);
  });

  it('gives a bounded result on a huge array', () => {
    const huge = Array.from({ length: 300_000 }, (_, i) => ({
      author: `u${i}`,
      text: `Comment number ${i} about the blender lid.`,
      date: '2024-01-01',
    }));
    const found = extractFromJson({ comments: huge }, ctx);
    // Read up to a bound, and said to be cut.
    expect(found.items.length).toBeGreaterThan(1000);
    expect(found.items.length).toBeLessThan(300_000);
    expect(found.truncated).toBe(true);
  });

  it('refuses a huge array of non-items after a sample', () => {
    const noise = Array.from({ length: 500_000 }, (_, i) => ({ id: i, x: i * 2 }));
    const found = extractFromJson({ points: noise }, ctx);
    expect(found.items).toEqual([]);
  });
});
