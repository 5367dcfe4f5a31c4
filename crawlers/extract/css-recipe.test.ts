import { describe, expect, it } from 'vitest';
import { extractWithRecipe } from './css-recipe.js';
import { parsePage } from './dom.js';
import type { CssRecipe } from './types.js';

const html = `<html lang="de"><body>
  <article class="rev" id="r-1">
    <a class="who" href="/profil/anna">Anna</a><span class="from">Köln</span>
    <span class="stars"><i class="on"></i><i class="on"></i><i class="on"></i><i class="on"></i><i></i></span>
    <span class="score" data-value="8"></span><i class="badge stars-45"></i>
    <time datetime="2025-03-12T08:00:00Z">12. März 2025</time><span class="d">12.03.2025</span>
    <h3>Top</h3><div class="txt"><p>Sehr gutes Produkt.</p><p>Gerne wieder!</p></div>
  </article>
  <article class="rev" id="r-2"><a class="who" href="/profil/ben">Ben</a>
    <span class="stars"><i class="on"></i><i></i><i></i><i></i><i></i></span><span class="d">5 марта 2024</span>
    <div class="txt">Leider kaputt angekommen.</div></article>
  <article class="rev"><div class="txt"></div></article>
  <nav><a class="next" href="/bewertungen?seite=2">Weiter</a></nav><button class="more-btn">Mehr laden</button>
</body></html>`;

const base: CssRecipe = {
  container: 'article.rev',
  author: '.who',
  authorLink: 'a.who',
  location: '.from',
  title: 'h3',
  body: '.txt',
  nextPage: 'a.next',
  loadMore: 'button.more-btn',
};

describe('extractWithRecipe', () => {
  const page = () => parsePage(html, { url: 'https://shop.example/produkt/1' });

  it('reads the configured fields, counting filled stars', () => {
    const result = extractWithRecipe(page(), {
      ...base,
      rating: { selector: 'i.on', scale: 5, mode: 'count' },
      date: { selector: 'time', attribute: 'datetime' },
    });
    expect(result.items).toEqual([
      {
        body: 'Sehr gutes Produkt.\nGerne wieder!',
        author: 'Anna',
        authorUrl: 'https://shop.example/profil/anna',
        authorLocation: 'Köln',
        title: 'Top',
        rating: { value: 4, best: 5, worst: 1 },
        publishedAt: '2025-03-12T08:00:00.000Z',
        siteId: 'r-1',
      },
      {
        body: 'Leider kaputt angekommen.',
        author: 'Ben',
        authorUrl: 'https://shop.example/profil/ben',
        rating: { value: 1, best: 5, worst: 1 },
        siteId: 'r-2',
      },
    ]);
    expect(result.nextPages).toEqual(['https://shop.example/bewertungen?seite=2']);
    expect(result.loadMoreSelector).toBe('button.more-btn');
  });

  it('reads ratings from attributes and class names, dates by format and locale', () => {
    const byAttr = extractWithRecipe(page(), {
      ...base,
      rating: { selector: '.score', attribute: 'data-value', scale: 10, mode: 'value' },
      date: { selector: '.d', format: 'DD.MM.YYYY' },
    });
    expect(byAttr.items[0]).toMatchObject({ rating: { value: 8, best: 10 }, publishedAt: '2025-03-12' });
    const byClass = extractWithRecipe(page(), {
      ...base,
      rating: { selector: '.badge', attribute: 'class', scale: 5, mode: 'value' },
      date: { selector: '.d', locale: 'ru' },
    });
    expect(byClass.items[0]?.rating).toMatchObject({ value: 4.5, best: 5 });
    expect(byClass.items[1]?.publishedAt).toBe('2024-03-05');
  });

  it('survives selectors that match nothing or do not parse', () => {
    expect(extractWithRecipe(page(), { container: '.nothing', body: '.txt' }).items).toEqual([]);
    expect(extractWithRecipe(page(), { container: 'article[', body: '.txt' }).items).toEqual([]);
  });
});
