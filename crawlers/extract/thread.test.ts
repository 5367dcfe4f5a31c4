import { describe, expect, it } from 'vitest';
import { parsePage } from './dom.js';
import { extractThread } from './thread.js';

const comment = (id: string, who: string, when: string, text: string, replies = '') => `
  <li class="comment" id="comment-${id}">
    <div class="comment-body">
      <div class="comment-meta"><a class="author" href="/member/${who}">${who}</a> · <time>${when}</time></div>
      <div class="comment-text"><p>${text}</p></div>
      <a class="reply" href="#reply-${id}">Reply</a>
    </div>
    ${replies ? `<ul class="children">${replies}</ul>` : ''}
  </li>`;

describe('extractThread', () => {
  it('reads nested comment trees with relative times', () => {
    const html = `<html><body><h1>Which kettle?</h1><ol class="comments">
      ${comment('1', 'ann', '3 hours ago', 'Get one with a steel lid, plastic ones smell.', comment('2', 'bob', '2 hours ago', 'Agreed, mine smelled for weeks.', comment('3', 'ann', '1 hour ago', 'Told you!')))}
      ${comment('4', 'cy', 'vor 30 Minuten', 'Ich nehme immer den Wasserkocher von Oma.')}
    </ol></body></html>`;
    const page = parsePage(html, { url: 'https://forum.example/t/kettles', referenceDate: '2025-03-15T12:00:00Z' });
    const { items } = extractThread(page);
    expect(items).toEqual([
      {
        body: 'Get one with a steel lid, plastic ones smell.',
        author: 'ann',
        authorUrl: 'https://forum.example/member/ann',
        publishedAt: '2025-03-15T09:00:00.000Z',
        siteId: 'comment-1',
      },
      {
        body: 'Agreed, mine smelled for weeks.',
        author: 'bob',
        authorUrl: 'https://forum.example/member/bob',
        publishedAt: '2025-03-15T10:00:00.000Z',
        siteId: 'comment-2',
        parentSiteId: 'comment-1',
      },
      {
        body: 'Told you!',
        author: 'ann',
        authorUrl: 'https://forum.example/member/ann',
        publishedAt: '2025-03-15T11:00:00.000Z',
        siteId: 'comment-3',
        parentSiteId: 'comment-2',
      },
      {
        body: 'Ich nehme immer den Wasserkocher von Oma.',
        author: 'cy',
        authorUrl: 'https://forum.example/member/cy',
        publishedAt: '2025-03-15T11:30:00.000Z',
        siteId: 'comment-4',
      },
    ]);
  });

  it('reads flat threads indented with margins', () => {
    const row = (id: string, depth: number, who: string, text: string) =>
      `<div class="post" style="margin-left: ${depth * 24}px"><span class="username"><a href="/u/${who}">${who}</a></span> <span class="age"><a href="/post?id=${id}">${depth + 1} days ago</a></span><div class="msg">${text}</div></div>`;
    const page = parsePage(
      `<div class="thread">${row('100', 0, 'dee', 'Anyone tried the new model?')}${row('101', 1, 'eve', 'Yes, battery is much better.')}${row('102', 2, 'dee', 'Good to hear, thanks.')}${row('103', 0, 'fay', 'Waiting for reviews first.')}</div>`,
      { url: 'https://board.example/t/9', referenceDate: '2025-03-15T12:00:00Z' },
    );
    const { items } = extractThread(page);
    expect(items.map((i) => [i.siteId, i.parentSiteId, i.author, i.body])).toEqual([
      ['100', undefined, 'dee', 'Anyone tried the new model?'],
      ['101', '100', 'eve', 'Yes, battery is much better.'],
      ['102', '101', 'dee', 'Good to hear, thanks.'],
      ['103', undefined, 'fay', 'Waiting for reviews first.'],
    ]);
    expect(items[0]?.url).toBe('https://board.example/post?id=100');
  });

  it('finds nothing on pages without comments', () => {
    const page = parsePage('<html><body><h1>Kettles</h1><p>We sell kettles.</p><a href="/user/login">Log in</a></body></html>', {
      url: 'https://shop.example/',
    });
    expect(extractThread(page).items).toEqual([]);
  });
});
