import { describe, expect, it } from 'vitest';
import { parsePage, resolveUrl } from './dom.js';
import { pageFeatures } from './features.js';
import { findNextPages, pageNumberOf } from './pagination.js';
import { isProfileUrl } from './profile-links.js';

const next = (body: string, url = 'https://shop.example/reviews') =>
  findNextPages(parsePage(`<html><head></head><body>${body}</body></html>`, { url }));

describe('findNextPages', () => {
  it('follows rel=next', () => {
    expect(
      findNextPages(
        parsePage('<html><head><link rel="next" href="/reviews?page=2"></head><body></body></html>', {
          url: 'https://shop.example/reviews',
        }),
      ),
    ).toEqual(['https://shop.example/reviews?page=2']);
  });

  it('does not take a blog\'s "next post" link for the next page', () => {
    const nav = '<div class="nav-next"><a href="/another-recipe/" rel="next"><small>Next</small> Crispy Broccoli</a></div>';
    expect(next(nav, 'https://blog.example/lemonade/')).toEqual([]);
    expect(next('<a rel="next" href="/lemonade/comment-page-2/">Crispy</a>', 'https://blog.example/lemonade/')).toEqual([
      'https://blog.example/lemonade/comment-page-2/',
    ]);
  });

  it.each(['Next', 'Next ›', '›', '»', 'Weiter', 'Далее', '下一页', 'Suivant'])('follows a "%s" link', (label) => {
    expect(next(`<div class="pagination"><a href="/reviews/page/2">${label}</a></div>`)).toEqual(['https://shop.example/reviews/page/2']);
  });

  it('adds further page-number links in pagers, skipping the current and earlier pages', () => {
    const pager = `<div class="pager"><a href="?p=1">1</a><span class="current">2</span><a href="?p=3">3</a><a href="?p=4">4</a><a href="?p=3" class="next">›</a></div>`;
    expect(next(pager, 'https://shop.example/reviews?p=2')).toEqual([
      'https://shop.example/reviews?p=3',
      'https://shop.example/reviews?p=4',
    ]);
  });

  it('ignores carousel arrows, other sites and javascript links', () => {
    expect(
      next(
        '<div class="carousel"><a href="/slide/2">›</a></div><a href="https://other.example/?page=2">Next</a><a href="javascript:void(0)">Next</a>',
      ),
    ).toEqual([]);
  });

  it('reads page numbers from URLs', () => {
    expect(pageNumberOf('https://x.example/r?page=3')).toBe(3);
    expect(pageNumberOf('https://x.example/r/page/4/')).toBe(4);
    expect(pageNumberOf('https://x.example/r?foo=1&p=5')).toBe(5);
    expect(pageNumberOf('https://x.example/r')).toBeUndefined();
  });
});

describe('isProfileUrl', () => {
  it.each([
    'https://x.example/user/ann',
    'https://x.example/users/123',
    'https://x.example/profile/ann-k',
    'https://x.example/reviewers/99',
    'https://x.example/member/ann',
    'https://x.example/u/ann',
    'https://news.example/user?id=ann',
    'https://x.example/user_details?userid=abc',
    'https://x.example/gp/profile/amzn1.account.X/ref=y',
    'https://x.example/@ann',
  ])('%s is a profile', (url) => expect(isProfileUrl(url)).toBe(true));

  it.each([
    'https://x.example/user/login',
    'https://x.example/users/sign_in',
    'https://x.example/profile/edit',
    'https://x.example/u/',
    'https://x.example/help/customer/display.html',
    'https://x.example/biz/cafe',
    'https://x.example/%zz/login',
    // Addresses the URL parser refuses or rewrites are read as it reads them.
    'http://x.example:99999/user/ann',
    'http://1.2.3.256/user/ann',
    'https://x.example/user/%2e%2e/about',
    'http://xn--x/user/ann',
  ])('%s is not a profile', (url) => expect(isProfileUrl(url)).toBe(false));

  it('reads a profile link with a broken escape in its path instead of failing the page', () => {
    expect(isProfileUrl('https://x.example/%E0%A4%A/user/ann')).toBe(true);
    const page = parsePage('<html><body><div><a href="/%zz/user/ann">ann</a><p>Kettle boils fast and quietly.</p></div></body></html>', {
      url: 'https://x.example/t/1',
    });
    expect([...pageFeatures(page).author.values()]).toEqual([{ name: 'ann', url: 'https://x.example/%zz/user/ann' }]);
  });
});

describe('resolveUrl', () => {
  it.each([
    ['/member/u12', 'https://forum.example/t/1', 'https://forum.example/member/u12'],
    ['/a/./b/../c', 'https://forum.example/t/1', 'https://forum.example/a/c'],
    ['/x y', 'https://forum.example/t/1', 'https://forum.example/x%20y'],
    ['/p', 'https://ann:secret@forum.example:8443/t/1', 'https://ann:secret@forum.example:8443/p'],
    ['/p', 'HTTP://Forum.Example:80/t/1', 'http://forum.example/p'],
    ['//cdn.example/i.png', 'https://forum.example/t/1', 'https://cdn.example/i.png'],
    ['reply/2', 'https://forum.example/t/1', 'https://forum.example/t/reply/2'],
    ['javascript:void(0)', 'https://forum.example/t/1', undefined],
    ['/p', 'file:///etc/passwd', undefined],
  ])('resolves %s against %s as the URL parser does', (href, base, want) => expect(resolveUrl(href, base)).toBe(want));
});
