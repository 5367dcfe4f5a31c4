import { describe, expect, it } from 'vitest';
import { parsePage } from './dom.js';
import { detectProfile, findDomAggregate, findLoadMore, isBlockedPage, looksLikeReviewPage } from './page-signals.js';

const page = (html: string, url = 'https://shop.example/p/1') => parsePage(html, { url });

describe('isBlockedPage', () => {
  it.each([
    '<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
    '<html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>',
    '<html><head><title>Robot Check</title></head><body><form action="/errors/validateCaptcha"><p>Type the characters you see in this image:</p></form></body></html>',
    "<html><head><title>Access Denied</title></head><body>You don't have permission to access this server.</body></html>",
    '<html><body><div id="px-captcha"></div><p>Press & Hold to confirm you are a human (and not a bot).</p></body></html>',
    '<html><head><title>Ой!</title></head><body>Подтвердите, что вы не робот</body></html>',
    '<html><body><p>请输入验证码</p></body></html>',
  ])('flags %s', (html) => expect(isBlockedPage(page(html))).toBe(true));

  it('does not flag real pages that carry a captcha in a comment form', () => {
    const body = `<h1>Kettle review</h1>${'<p>The kettle is great, it boils quickly and quietly. '.repeat(200)}</p><form><div class="g-recaptcha"></div></form>`;
    expect(isBlockedPage(page(`<html><head><title>Kettle</title></head><body>${body}</body></html>`))).toBe(false);
  });
});

describe('looksLikeReviewPage', () => {
  it.each([
    '<h2>Bewertungen</h2>',
    '<h3>Отзывы покупателей</h3>',
    '<div id="reviews"></div>',
    '<div class="product-reviews-container"></div>',
    '<span>Based on 1,204 reviews</span>',
    '<p>Loading reviews…</p>',
    '<span>128 条评论</span>',
  ])('%s', (body) => expect(looksLikeReviewPage(page(`<html><body>${body}</body></html>`))).toBe(true));

  it('is false for pages without review cues', () => {
    expect(looksLikeReviewPage(page('<html><body><h1>Contact</h1><p>Call us.</p></body></html>'))).toBe(false);
  });
});

describe('findLoadMore', () => {
  it('finds "load more" buttons in several languages, not pagination links', () => {
    expect(findLoadMore(page('<button class="btn load-more" type="button">Show more reviews</button>'))).toBe('button.btn.load-more');
    expect(findLoadMore(page('<a id="more" href="#">Mehr Bewertungen anzeigen</a>'))).toBe('#more');
    expect(findLoadMore(page('<div role="button" data-hook="x">Показать ещё</div>'))).toBe('div[data-hook="x"]');
    expect(findLoadMore(page('<a href="/reviews?page=2">Load more</a>'))).toBeUndefined();
  });
});

describe('detectProfile', () => {
  it('reads the facts of a reviewer profile', () => {
    const profile = detectProfile(
      page(
        '<div class="member-details"><h1>Ann K.</h1><span class="member-location">Leeds, UK</span><span class="review-count">42 reviews</span><p>Member since March 2019</p></div><div>…</div>',
        'https://reviews.example/member/ann-k',
      ),
      [],
    );
    expect(profile).toEqual({ name: 'Ann K.', location: 'Leeds, UK', reviewCount: 42, memberSince: 'March 2019', reviews: [] });
    expect(detectProfile(page('<h1>Kettle</h1>'), [])).toBeUndefined();
  });
});

describe('findDomAggregate', () => {
  it('reads a star summary and its count from markup', () => {
    const html = '<div class="summary"><div class="average-rating"><span>4.3 out of 5</span></div><span>1,024 global ratings</span></div>';
    expect(findDomAggregate(page(html))).toEqual({ ratingValue: 4.3, best: 5, worst: 1, ratingCount: 1024 });
  });
});
