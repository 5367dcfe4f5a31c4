import { describe, expect, it } from 'vitest';
import { discoverAspects } from '../aspect-discovery.js';
import { createPipeline } from '../pipeline.js';

const pipeline = createPipeline();

function aspects(text: string, lang: string, p = pipeline) {
  const list = p.analyze(text, { lang }).aspects;
  // Offsets always slice the term out of the analysed text, in every language.
  for (const a of list) expect(text.slice(a.start, a.end)).toBe(a.term);
  return list.map((a) => [a.term, a.category, a.polarity]);
}

describe('aspects in Russian, Chinese and Persian', () => {
  it('finds Russian terms in any case form and binds each to the opinion of its clause', () => {
    expect(aspects('Цены приятные, а обслуживание ужасное.', 'ru')).toEqual([
      ['Цены', 'price', 'positive'],
      ['обслуживание', 'customer-service', 'negative'],
    ]);
    expect(aspects('Доставкой я недоволен, зато упаковку сделали надёжную.', 'ru')).toEqual([
      ['Доставкой', 'delivery', 'negative'],
      ['упаковку', 'packaging', 'positive'],
    ]);
  });

  it('does not take a Russian adjective or pronoun for the noun that shares its stem', () => {
    // "ценный" shares "цен" with "цена", "меня" shares "мен" with "меню".
    expect(aspects('Ценный совет от меня: берите столик у окна.', 'ru').map((a) => a[1])).not.toContain('price');
    expect(aspects('Меня всё устроило.', 'ru')).toEqual([]);
  });

  it('finds Chinese terms in the characters, whatever the word segmenter made of them', () => {
    expect(aspects('价格便宜，服务态度很好，房间不干净。', 'zh')).toEqual([
      ['价格', 'price', 'positive'],
      ['服务态度', 'customer-service', 'positive'],
      ['房间', 'room', 'negative'],
    ]);
  });

  it('finds Persian terms with or without the zero-width non-joiner and with the plural ending', () => {
    expect(aspects('قیمت مناسب بود ولی کیفیت خوب نیست.', 'fa')).toEqual([
      ['قیمت', 'price', 'positive'],
      ['کیفیت', 'quality', 'negative'],
    ]);
    const joined = aspects('بسته\u200cبندی عالی بود.', 'fa');
    const spaced = aspects('بسته بندی عالی بود.', 'fa');
    expect(joined.map((a) => a.slice(1))).toEqual([['packaging', 'positive']]);
    expect(spaced.map((a) => a.slice(1))).toEqual([['packaging', 'positive']]);
    expect(aspects('رنگ‌ها زیبا هستند.', 'fa').map((a) => a[1])).toEqual(['design']);
  });

  it('counts "price", "цена", "价格" and "قیمت" as one category', () => {
    const categories = [
      aspects('The price is fair.', 'en'),
      aspects('Цена нормальная.', 'ru'),
      aspects('价格合理。', 'zh'),
      aspects('قیمت خوب است.', 'fa'),
    ].map((list) => list[0]?.[1]);
    expect(categories).toEqual(['price', 'price', 'price', 'price']);
  });

  it('reads project terms written in any of the languages into their category', () => {
    const p = createPipeline({ aspects: { brewing: ['brew', 'заварка', '冲泡', 'دم کردن'] } });
    expect(aspects('Заварка получается крепкой и вкусной.', 'ru', p).map((a) => a[1])).toContain('brewing');
    expect(aspects('冲泡很方便。', 'zh', p).map((a) => a[1])).toContain('brewing');
    expect(aspects('دم کردن چای خیلی راحت است.', 'fa', p).map((a) => a[1])).toContain('brewing');
  });

  it('uses only the built-in domains a project chose', () => {
    const hotels = createPipeline({ domains: ['hotels'] });
    const categories = aspects('Суши были свежие, а номер чистый.', 'ru', hotels).map((a) => a[1]);
    expect(categories).toContain('room');
    expect(categories).not.toContain('food');
    expect(aspects('Суши были свежие, а номер чистый.', 'ru').map((a) => a[1])).toEqual(['food', 'room']);
  });

  it('finds what Russian, Chinese and Persian opinions attach to outside the taxonomy, and discovers the frequent ones', () => {
    expect(aspects('Фонтан очень красивый.', 'ru')).toEqual([['Фонтан', undefined, 'positive']]);
    expect(aspects('阳台很漂亮。', 'zh')).toEqual([['阳台', undefined, 'positive']]);
    const texts = [
      'Фонтан красивый, сидели до ночи.',
      'Летом фонтан просто прекрасный.',
      'Фонтан отличный, но комаров много.',
      'Кальян понравился.',
    ].map((text) => ({ text, lang: 'ru' }));
    const found = discoverAspects(texts);
    expect(found.map((f) => f.term)).toContain('фонтан');
    expect(found.find((f) => f.term === 'фонтан')!.documents).toBe(3);
  });

  it('gives key phrases in each language: aspects with their opinion and opinion expressions, negation where it stands', () => {
    const phrases = (text: string, lang: string) => pipeline.analyze(text, { lang }).phrases;
    expect(phrases('Цены приятные, а обслуживание ужасное.', 'ru')).toEqual(
      expect.arrayContaining(['цены', 'цены приятные', 'обслуживание', 'обслуживание ужасное']),
    );
    expect(phrases('房间很干净。', 'zh')).toEqual(expect.arrayContaining(['房间', '房间很干净', '很干净']));
    const fa = phrases('کیفیت خوب نیست.', 'fa');
    expect(fa).toEqual(expect.arrayContaining(['کیفیت', 'کیفیت خوب نیست', 'خوب نیست']));
    // A lone opinion word says how, not what.
    expect(fa).not.toContain('خوب');
  });
});
