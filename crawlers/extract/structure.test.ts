/**
 * Threads and reviews found by structure, on small pages written for these tests: the rules must
 * hold in any language and without any site's class names.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.js';

const url = 'https://forum.example/t/42';
const opts = { url, referenceDate: '2025-06-01T12:00:00Z' };

describe('threads by structure', () => {
  it('reads a forum page: opening post counted, profile boxes, signatures, quotes and "who is online" left out', () => {
    const post = (n: number, who: string, when: string, text: string, extra = '') => `
      <div class="p-${n}x">
        <div class="head"><span class="when">${when}</span></div>
        <div class="box"><a class="name" href="/member/${who}">${who}</a><dl><dt>Joined</dt><dd>Mar 2019</dd><dt>Posts</dt><dd>1,234</dd></dl></div>
        <div class="main">${extra}<div class="msg">${text}</div><div class="signature">Sent from my kitchen table</div></div>
      </div>`;
    const html = `<html lang="ru"><body><h1>Чайник течёт</h1><div class="list">
      ${post(1, 'ivan', '04.03.2024, 10:15', 'Новый чайник протекает у основания после недели использования.')}
      ${post(2, 'olga', '04.03.2024, 11:40', 'У меня так же было, помогла замена уплотнителя.', '<blockquote class="quote"><cite>ivan</cite> Новый чайник протекает у основания</blockquote>')}
      ${post(3, 'petr', '05.03.2024, 09:05', 'Гарантия покрывает такой случай, обращайтесь в сервис.')}
      </div>
      <div class="online"><h3>Сейчас на форуме</h3><a href="/member/anna">anna</a>, <a href="/member/boris">boris</a>, <a href="/member/vera">vera</a></div>
      </body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => i.author)).toEqual(['ivan', 'olga', 'petr']);
    expect(page.items[1]?.body).toBe('У меня так же было, помогла замена уплотнителя.');
    expect(page.items.every((i) => !/Sent from|Joined|Posts/.test(i.body))).toBe(true);
    expect(page.items[0]?.publishedAt).toBe('2024-03-04T10:15:00');
  });

  it('reads a nested comment tree of one-line comments with relative times, in a fragment without <html>', () => {
    const c = (id: string, who: string, ago: string, text: string, kids = '') =>
      `<div class="c" id="c${id}"><a href="/user/${who}">${who}</a> <span class="age">${ago}</span><div class="t">${text}</div>${kids ? `<div class="kids">${kids}</div>` : ''}</div>`;
    const fragment = `<h3>Kommentare (4)</h3>
      ${c('1', 'jonas', 'vor 3 Stunden', 'Welcher Akku ist verbaut?', c('2', 'mia', 'vor 2 Stunden', 'Ein 5000 mAh Akku.', c('3', 'jonas', 'vor 1 Stunde', 'Danke!')))}
      ${c('4', 'lena', 'vor 5 Minuten', 'Gibt es das Gerät auch in Grün?')}`;
    const page = extractPage(fragment, opts);
    expect(page.items.map((i) => [i.author, i.parentSiteId])).toEqual([
      ['jonas', undefined],
      ['mia', 'c1'],
      ['jonas', 'c2'],
      ['lena', undefined],
    ]);
    expect(page.items[2]?.body).toBe('Danke!');
  });

  it('reads posts that sign themselves in attributes (custom elements, data attributes)', () => {
    const post = (id: string, who: string, when: string, text: string, kids = '') =>
      `<talk-post thing="${id}" author="${who}" created="${when}"><div slot="text"><p>${text}</p></div>${kids}</talk-post>`;
    const html = `<html><body><main>
      ${post('p1', 'wren', '2024-09-01T08:00:00Z', 'Which filter fits the older model of this purifier?', post('p2', 'yuki', '2024-09-01T09:30:00Z', 'The round one, part number on the box.'))}
      ${post('p3', 'zane', '2024-09-02T10:00:00Z', 'Replacement filters are cheaper in packs of three.')}
      </main></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.publishedAt, i.parentSiteId !== undefined])).toEqual([
      ['wren', '2024-09-01T08:00:00.000Z', false],
      ['yuki', '2024-09-01T09:30:00.000Z', true],
      ['zane', '2024-09-02T10:00:00.000Z', false],
    ]);
  });

  it('reads one-line board replies: a tag, a handle, a text and a day without a year', () => {
    const push = (tag: string, who: string, text: string, when: string) =>
      `<div class="push"><span class="push-tag">${tag} </span><span class="push-userid">${who}</span><span class="push-content">: ${text}</span><span class="push-ipdatetime"> ${when}</span></div>`;
    const html = `<html lang="zh-Hant"><body><div id="main-content">文章內容：新買的電鍋很好用。
      ${push('推', 'rain88', '看起來不錯耶', '05/20 21:03')}
      ${push('噓', 'cloudy', '價格太貴了吧', '05/20 21:15')}
      ${push('→', 'rain88', '等特價再買', '05/21 08:40')}
      </div></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.publishedAt])).toEqual([
      ['rain88', '2025-05-20T21:03:00'],
      ['cloudy', '2025-05-20T21:15:00'],
      ['rain88', '2025-05-21T08:40:00'],
    ]);
    expect(page.items[1]?.body).toContain('價格太貴了吧');
  });

  it('reads board posts whose author links are profile queries and dates have two-digit years', () => {
    const post = (n: number, who: string, when: string, text: string) => `
      <table class="ipbtable"><tr><td class="row2"><span class="normalname"><a href="/forum/index.php?showuser=${n}">${who}</a></span></td>
      <td class="row2"><span class="postdetails">${when}</span></td></tr>
      <tr><td class="row1">Группа: Участники<br>Сообщений: ${n * 7}</td><td class="row1"><div class="postcolor">${text}</div></td></tr></table>`;
    const html = `<html lang="ru"><body>
      ${post(101, 'sergey', '12.03.23, 10:12', 'Подскажите, как обновить прошивку на этой модели?')}
      ${post(102, 'marina', '12.03.23, 11:40', 'Через меню настроек, раздел обновление системы.')}
      ${post(103, 'sergey', '13.03.23, 09:02', 'Спасибо, всё получилось с первого раза.')}
      </body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.publishedAt])).toEqual([
      ['sergey', '2023-03-12T10:12:00'],
      ['marina', '2023-03-12T11:40:00'],
      ['sergey', '2023-03-13T09:02:00'],
    ]);
    expect(page.items[1]?.body).toBe('Через меню настроек, раздел обновление системы.');
  });

  it('does not let a box of two rated teasers hide a thread of many posts', () => {
    const teaser = (who: string, stars: number) =>
      `<div class="teaser"><span class="by">${who}</span><span class="stars" aria-label="${stars} out of 5 stars"></span><span class="date">2024-04-0${stars}</span><p>A short teaser of the review by ${who}, cut to a line…</p></div>`;
    const comment = (n: number) =>
      `<div class="cmt"><a href="/user/u${n}">u${n}</a><time datetime="2024-04-1${n}T10:00:00Z">April 1${n}</time><p>Comment ${n}: the filter needs changing more often than the manual says.</p></div>`;
    const html = `<html><body><aside class="summary">${teaser('ada', 5)}${teaser('bo', 2)}</aside>
      <section class="comments">${[1, 2, 3, 4, 5, 6].map(comment).join('')}</section></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => i.author)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
  });

  it('reads a comment tree whose posts sign themselves, with the text inside an edit form and a link post above', () => {
    const c = (id: string, who: string, text: string, kids = '') =>
      `<div class="thing comment" id="thing_${id}" data-author="${who}"><div class="entry"><p class="tagline"><a href="/user/${who}" class="author">${who}</a> <span class="score">5 points</span> <time datetime="2024-02-0${id.length}T10:00:00+00:00">1 year ago</time></p><form class="usertext"><input type="hidden" name="id" value="${id}"><div class="md"><p>${text}</p></div></form></div><div class="child">${kids}</div></div>`;
    const link = `<div class="thing link" data-author="op"><p class="title"><a href="https://news.example/x">Article about kettles</a></p><p class="tagline">submitted <time datetime="2024-02-01T09:00:00+00:00">1 year ago</time> by <a href="/user/op" class="author">op</a></p></div>`;
    const html = `<html><body>${link}<div class="comments">${c('a', 'ann', 'Steel ones last longer in my experience.', c('ab', 'bob', 'Mine rusted at the seam though.'))}${c('b', 'cal', 'The glass ones are easier to descale.')}<div class="thing more"><a href="#">load more comments (3 replies)</a></div>
      <form class="reply"><textarea name="text"></textarea><button>save</button></form></div></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.parentSiteId, i.body])).toEqual([
      ['ann', undefined, 'Steel ones last longer in my experience.'],
      ['bob', 'thing_a', 'Mine rusted at the seam though.'],
      ['cal', undefined, 'The glass ones are easier to descale.'],
    ]);
  });

  it('reads Persian comments dated in the Solar Hijri calendar or as "… ago"', () => {
    const c = (who: string, when: string, text: string) =>
      `<li class="cm"><div class="head"><span class="user-name">${who}</span><span class="date">${when}</span></div><p>${text}</p></li>`;
    const html = `<html lang="fa" dir="rtl"><body><ul class="cms">
      ${c('سارا', '۱۲ مرداد ۱۴۰۲', 'کیفیت ساخت خوب است ولی باتری زود تمام می‌شود.')}
      ${c('رضا', '۲ هفته پیش', 'ارسال سریع بود و بسته‌بندی سالم رسید.')}
      ${c('مینا', 'دیروز', 'برای این قیمت انتخاب خوبی است.')}
      </ul></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.publishedAt?.slice(0, 10)])).toEqual([
      ['سارا', '2023-08-03'],
      ['رضا', '2025-05-18'],
      ['مینا', '2025-05-31'],
    ]);
  });

  it('reads schema.org DiscussionForumPosting with its Comments', () => {
    const html = `<html><body><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'DiscussionForumPosting',
      headline: 'Best grinder under 100?',
      text: 'Looking for a quiet burr grinder for filter coffee, budget around 100.',
      author: { '@type': 'Person', name: 'quinn' },
      datePublished: '2024-02-01T10:00:00Z',
      comment: [
        {
          '@type': 'Comment',
          text: 'The flat burr ones are quieter in my experience.',
          author: { name: 'rae' },
          datePublished: '2024-02-01T11:00:00Z',
        },
        {
          '@type': 'Comment',
          text: 'Try a hand grinder, silent and cheap.',
          author: { name: 'sol' },
          datePublished: '2024-02-01T12:00:00Z',
        },
      ],
    })}</script></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => i.author)).toEqual(['quinn', 'rae', 'sol']);
  });

  it('does not take a FAQ for posts', () => {
    const html = `<html><body><script type="application/ld+json">${JSON.stringify({
      '@type': 'FAQPage',
      mainEntity: [
        {
          '@type': 'Question',
          name: 'Is it dishwasher safe?',
          acceptedAnswer: { '@type': 'Answer', text: 'Yes, the jug and lid are dishwasher safe.' },
        },
        {
          '@type': 'Question',
          name: 'How long is the warranty?',
          acceptedAnswer: { '@type': 'Answer', text: 'Two years from the date of purchase.' },
        },
      ],
    })}</script></body></html>`;
    expect(extractPage(html, opts).items).toEqual([]);
  });

  it('finds nothing on an article with an empty comment form and teaser cards', () => {
    const teaser = (n: number) =>
      `<div class="card"><a href="/news/${n}">Headline number ${n} about the city budget</a><span class="date">12.02.2020</span><span class="comments">${n + 3}</span></div>`;
    const html = `<html lang="fa"><body><article><h1>خبر</h1><p>${'متن خبر. '.repeat(40)}</p></article>
      <form class="comment-form"><label>نام</label><input name="name"><label>نظر</label><textarea></textarea><button>ارسال نظر</button></form>
      ${[1, 2, 3, 4, 5].map(teaser).join('')}</body></html>`;
    expect(extractPage(html, opts).items).toEqual([]);
  });
});

describe('the right text and the right author on review pages', () => {
  const review = (who: string, stars: number, text: string, reply = '') => `
    <div class="rv"><span class="reviewer">${who}</span><span class="stars" aria-label="${stars} out of 5 stars"></span>
      <span class="date">2024-05-0${stars}</span><p class="rv-text">${text}</p>${reply}</div>`;

  it('keeps the owner’s reply as the review’s reply, by its name or by how it opens', () => {
    const html = `<html><body><div class="rvs">
      ${review('Hana', 2, 'The room was noisy at night and the shower ran cold.', '<div class="owner-response">We are sorry to hear this and have fixed the boiler since your stay.</div>')}
      ${review('Ilya', 5, 'Friendly staff and a quiet garden room, would stay again.', '<div class="x"><b>Response from the owner</b> Thank you, we look forward to welcoming you back!</div>')}
      ${review('Jana', 4, 'Good breakfast, parking is tight for larger cars.')}
      </div></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.body])).toEqual([
      ['Hana', 'The room was noisy at night and the shower ran cold.'],
      ['Ilya', 'Friendly staff and a quiet garden room, would stay again.'],
      ['Jana', 'Good breakfast, parking is tight for larger cars.'],
    ]);
    expect(page.items[0]?.reply?.body).toBe('We are sorry to hear this and have fixed the boiler since your stay.');
    expect(page.items[1]?.reply?.body).toBe('Thank you, we look forward to welcoming you back!');
    expect(page.items[2]?.reply).toBeUndefined();
  });

  it('reads star ratings written into class names ("allstar40")', () => {
    const item = (who: string, stars: number, text: string) =>
      `<div class="item"><span class="info"><a href="/people/${who}/">${who}</a> <span class="allstar${stars}0 rating" title="推荐"></span> <span class="time" title="2023-08-0${stars} 10:00:00">2023-08-0${stars}</span></span><p class="short">${text}</p></div>`;
    const html = `<html lang="zh-CN"><body><div class="list">
      ${item('xiaoming', 5, '画面很美，故事节奏也把握得很好，值得二刷。')}
      ${item('lanlan', 2, '剧情拖沓，结尾太仓促了，有点失望。')}
      </div></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.rating?.value, i.publishedAt])).toEqual([
      ['xiaoming', 5, '2023-08-05T10:00:00'],
      ['lanlan', 2, '2023-08-02T10:00:00'],
    ]);
  });

  it('takes the texts a page shows when its structured data holds them in other words (translations)', () => {
    const ld = {
      '@type': 'Product',
      name: 'Felpudo',
      review: [
        {
          '@type': 'Review',
          author: { name: 'Greta' },
          reviewBody: 'Lovely doormat, the colours stayed bright after a wet winter.',
          reviewRating: { ratingValue: 5 },
        },
        {
          '@type': 'Review',
          author: { name: 'Hugo' },
          reviewBody: 'Thinner than expected but it does the job at the back door.',
          reviewRating: { ratingValue: 3 },
        },
      ],
    };
    const card = (who: string, stars: number, shown: string, original: string) =>
      `<div class="rv"><a class="reviewer" href="/people/${who}">${who}</a><span class="stars" aria-label="${stars} de 5 estrellas"></span><span class="date">2024-01-0${stars}</span><p class="rv-text">${shown}</p><p hidden>${original}</p></div>`;
    const html = `<html lang="es"><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div class="rvs">
      ${card('Greta', 5, 'Precioso felpudo, los colores siguieron vivos tras un invierno húmedo.', ld.review[0]!.reviewBody)}
      ${card('Hugo', 3, 'Más fino de lo esperado, pero cumple en la puerta trasera.', ld.review[1]!.reviewBody)}
      </div></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.rating?.value, i.body])).toEqual([
      ['Greta', 5, 'Precioso felpudo, los colores siguieron vivos tras un invierno húmedo.'],
      ['Hugo', 3, 'Más fino de lo esperado, pero cumple en la puerta trasera.'],
    ]);
  });

  it('does not take sellers’ offers or the product description for reviews', () => {
    const offer = (seller: string, stars: number, price: string, day: number) =>
      `<div class="offer"><span class="price">$${price}</span><span class="seller">${seller}</span><span class="seller-rating" aria-label="${stars} out of 5 stars"></span><span class="delivery">Free delivery Tue, Jun ${day}, 2025. Ships from a warehouse near you and is usually packed within one business day.</span></div>`;
    const html = `<html><body><h1>Kettle</h1>
      <div class="description"><p>“The quietest kettle we have tested this year.” — a kitchen magazine</p><p>Brushed steel, 1.7 litres, blue light ring, auto shut-off.</p></div>
      <div class="offers">${offer('HomeGoods Ltd', 4.6, '29.99', 4)}${offer('KitchenPlus', 4.2, '31.50', 5)}${offer('Bargain Barn', 3.9, '27.00', 6)}</div>
      </body></html>`;
    expect(extractPage(html, opts).items).toEqual([]);
  });

  it('keeps a rating-only review among written ones', () => {
    const html = `<html><body><div class="rvs">
      ${review('Kai', 5, 'Sharp knife, holds its edge well after months of use.')}
      ${review('Lou', 3, '')}
      ${review('Max', 4, 'Comfortable handle, a little heavy for small hands.')}
      </div></body></html>`;
    const page = extractPage(html, opts);
    expect(page.items.map((i) => [i.author, i.rating?.value, i.body])).toEqual([
      ['Kai', 5, 'Sharp knife, holds its edge well after months of use.'],
      ['Lou', 3, ''],
      ['Max', 4, 'Comfortable handle, a little heavy for small hands.'],
    ]);
  });

  it('reads a review cut mid-sentence beside a "read more" control whole', () => {
    const whole = 'The blender crushes ice without trouble and the jug is easy to clean, though the lid seal wears out.';
    const html = `<html><body><div class="rvs">
      ${review('Nia', 4, `<span class="short">The blender crushes ice without trouble and the jug</span><span class="long" style="display:none">${whole}</span><a href="#">Weiterlesen</a>`)}
      ${review('Oto', 2, 'Loud motor and the jug cracked after a month.')}
      </div></body></html>`;
    expect(extractPage(html, opts).items[0]?.body).toBe(whole);
  });
});
