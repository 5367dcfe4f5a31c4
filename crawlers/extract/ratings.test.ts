import { describe, expect, it } from 'vitest';
import { parsePage, type Element } from './dom.js';
import { makeRating, parseRatingText, ratingFromClasses, ratingFromElement } from './ratings.js';

describe('ratings', () => {
  it.each([
    ['4 out of 5', 4, 5],
    ['4.5 out of 5 stars', 4.5, 5],
    ['4/5', 4, 5],
    ['Rated 3/5', 3, 5],
    ['Rated 4.2', 4.2, 5],
    ['4,5 von 5 Sternen', 4.5, 5],
    ['4 из 5', 4, 5],
    ['8/10', 8, 10],
    ['8.2', 8.2, 10],
    ['5.0 star rating', 5, 5],
    ['5 Sterne', 5, 5],
    ['★★★★☆', 4, 5],
    ['★★★☆☆☆☆☆☆☆', 3, 10],
    ['87/100', 87, 100],
  ])('%s → %d of %d', (text, value, best) => {
    expect(parseRatingText(text)).toMatchObject({ value, best });
  });

  it('reads "N stars" as out of five whatever scale bare numbers use, unless N is more than five', () => {
    expect(parseRatingText('4 stars', 10)).toEqual({ value: 4, best: 5, worst: 1 });
    expect(parseRatingText('8 stars', 10)).toEqual({ value: 8, best: 10, worst: 1 });
    expect(parseRatingText('8 stars')).toMatchObject({ value: 8, best: 10 });
    expect(parseRatingText('7', 10)).toEqual({ value: 7, best: 10, worst: 1 });
  });

  it('ignores dates, vote counts and percentages', () => {
    for (const text of ['12/17/2020', '1/5/2020', '2 of 5 people found this helpful', '45%', 'Reviewed on 8 April 2016', '']) {
      expect(parseRatingText(text)).toBeUndefined();
    }
  });

  it('reads class names', () => {
    expect(ratingFromClasses(['rating-4'])).toMatchObject({ value: 4, best: 5 });
    expect(ratingFromClasses(['stars-45'])).toMatchObject({ value: 4.5 });
    expect(ratingFromClasses(['a-icon', 'a-star-4-5'])).toMatchObject({ value: 4.5 });
    expect(ratingFromClasses(['i-stars--regular-5'])).toMatchObject({ value: 5 });
    expect(ratingFromClasses(['star-rating-80'])).toMatchObject({ value: 4 });
    expect(ratingFromClasses(['col-md-4', 'separate-3', 'restart-2'])).toBeUndefined();
  });

  it('reads aria-labels, data attributes and star-bar widths', () => {
    const page = parsePage(
      `<span id="a" aria-label="Rated 4 out of 5 stars"></span>
       <div id="b" class="rating" data-rating="3"></div>
       <div id="c" class="stars"><span id="d" class="stars-fill" style="width: 80%"></span></div>
       <span id="e" class="score">9</span>`,
      { url: 'https://x.example/' },
    );
    const el = (id: string) => page.$(`#${id}`).get(0) as Element;
    expect(ratingFromElement(el('a'))).toMatchObject({ value: 4, best: 5 });
    expect(ratingFromElement(el('b'))).toMatchObject({ value: 3, best: 5 });
    expect(ratingFromElement(el('d'))).toMatchObject({ value: 4, best: 5 });
    expect(ratingFromElement(el('e'), '9')).toMatchObject({ value: 9, best: 10 });
  });

  it('builds ratings with schema.org defaults (best 5, worst 1) and rejects impossible values', () => {
    expect(makeRating('4.0', '5', '1')).toEqual({ value: 4, best: 5, worst: 1 });
    expect(makeRating(4)).toEqual({ value: 4, best: 5, worst: 1 });
    expect(makeRating('8.2', 10)).toEqual({ value: 8.2, best: 10, worst: 1 });
    expect(makeRating(6, 5)).toBeUndefined();
    expect(makeRating(0, 5)).toBeUndefined();
    expect(makeRating('n/a')).toBeUndefined();
  });
});
