import { describe, expect, it } from 'vitest';
import { autoDetect } from './auto-detect.js';
import { parsePage } from './dom.js';

const review = (id: number, who: string, stars: number, date: string, text: string) => `
  <li class="review-item" data-review-id="rv${id}">
    <div class="review-head"><a class="user-name" href="/users/${who.toLowerCase()}">${who}</a> <span class="user-location">Berlin, DE</span>
      <span class="review-stars" aria-label="${stars} out of 5 stars">${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}</span>
      <span class="review-date">${date}</span></div>
    <h4 class="review-title">About the blender</h4>
    <div class="review-text"><p>${text}</p></div>
    <div class="review-actions"><button>Helpful</button> <a href="#">Report</a></div>
  </li>`;

describe('autoDetect', () => {
  it('finds repeated review blocks and maps their fields', () => {
    const page = parsePage(
      `<html><body><header><nav><a href="/">Home</a><a href="/shop">Shop</a></nav></header>
        <h2>Customer reviews</h2><ul class="reviews">
        ${review(1, 'Ann', 5, 'March 3, 2025', 'Crushes ice in seconds and is easy to clean afterwards.')}
        ${review(2, 'Bob', 2, 'February 20, 2025', 'Loud, and the lid cracked after a month of daily smoothies.')}
        ${review(3, 'Cy', 4, 'January 2, 2025', 'Good value for the price, though the jug is a bit small.')}
        </ul><footer>© Shop</footer></body></html>`,
      { url: 'https://shop.example/blender' },
    );
    const result = autoDetect(page);
    expect(result.items).toEqual([
      {
        body: 'Crushes ice in seconds and is easy to clean afterwards.',
        title: 'About the blender',
        author: 'Ann',
        authorUrl: 'https://shop.example/users/ann',
        authorLocation: 'Berlin, DE',
        rating: { value: 5, best: 5, worst: 1 },
        publishedAt: '2025-03-03',
        siteId: 'rv1',
      },
      expect.objectContaining({ author: 'Bob', rating: { value: 2, best: 5, worst: 1 }, publishedAt: '2025-02-20', siteId: 'rv2' }),
      expect.objectContaining({ author: 'Cy', rating: { value: 4, best: 5, worst: 1 }, publishedAt: '2025-01-02' }),
    ]);
    expect(result.blocks).toHaveLength(3);
  });

  it('ignores product grids (ratings without prose) and single blocks', () => {
    const grid = parsePage(
      `<div class="grid">${[1, 2, 3].map((i) => `<div class="card"><a href="/p/${i}">Blender ${i}</a><span class="stars-4">4.0</span><span>£${i}9.99</span></div>`).join('')}</div>`,
      { url: 'https://shop.example/' },
    );
    expect(autoDetect(grid).items).toEqual([]);
    const single = parsePage(
      `<ul>${review(1, 'Ann', 5, 'March 3, 2025', 'Crushes ice in seconds and is easy to clean afterwards.')}</ul>`,
      { url: 'https://shop.example/' },
    );
    expect(autoDetect(single).items).toEqual([]);
  });

  it('takes the whole text of a "Read more" review, not its cut preview', () => {
    const collapsed = (id: number, who: string, preview: string, whole: string) => `
      <div class="review" data-review-id="c${id}"><a class="user-name" href="/u/${id}">${who}</a>
        <span class="review-stars" aria-label="4 out of 5 stars">★★★★☆</span><span class="review-date">May 2, 2025</span>
        <span class="comment"><span class="toggle">${preview}</span><span class="toggle hidden">${whole}</span>
        <a href="javascript:;" class="read-more">Read more</a></span></div>`;
    const page = parsePage(
      `<div class="reviews">
        ${collapsed(1, 'Dee', 'The grinder is quiet and the burrs are easy to take<br> out for…', 'The grinder is quiet and the burrs are easy to take<br> out for cleaning. The hopper lid rattles a little.')}
        ${collapsed(2, 'Eli', 'Decent grinder, although the dial skips between settings…', 'A different text that only shares nothing with the preview at all.')}
        ${collapsed(3, 'Flo', 'Short and complete review of the grinder, nothing cut off here.', 'Short and complete review of the grinder, nothing cut off here. And more.')}
      </div>`,
      { url: 'https://shop.example/grinder' },
    );
    const bodies = autoDetect(page).items.map((i) => i.body);
    // The hidden whole text replaces a preview it continues; an unrelated hidden text or an uncut preview does not.
    expect(bodies).toEqual([
      'The grinder is quiet and the burrs are easy to take\nout for cleaning. The hopper lid rattles a little.',
      'Decent grinder, although the dial skips between settings…',
      'Short and complete review of the grinder, nothing cut off here.',
    ]);
  });
});
