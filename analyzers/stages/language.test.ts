import { describe, expect, it } from 'vitest';
import { chooseLanguage, detectLanguage, normaliseLangTag } from './language.js';
import { createPipeline } from '../pipeline.js';

describe('language detection', () => {
  it('tells short Russian, Chinese, Persian, German and English texts', () => {
    const cases: [string, string][] = [
      ['Отлично', 'ru'],
      ['Кофемолка отличная, очень довольна!', 'ru'],
      ['很好', 'zh'],
      ['质量很差，不推荐。', 'zh'],
      ['خیلی خوبه', 'fa'],
      ['گوشی عالیه ولی باتریش ضعیفه', 'fa'],
      ['Sehr gut, danke!', 'de'],
      ['Das Produkt ist leider kaputt.', 'de'],
      ['Great!', 'en'],
      ['Love it', 'en'],
      ['Horrible phone.', 'en'],
      ['Not bad at all, but the lid is flimsy.', 'en'],
    ];
    for (const [text, lang] of cases) expect(detectLanguage(text).lang, text).toBe(lang);
  });

  it('reads Persian typed with Arabic yeh and kaf as Persian, and Arabic as Arabic', () => {
    expect(detectLanguage('اين گوشي واقعا عاليه').lang).toBe('fa');
    expect(detectLanguage('هذا المنتج رائع جدا وأنصح به').lang).toBe('ar');
  });

  it('says "und" when there is nothing to tell from', () => {
    expect(detectLanguage('').lang).toBe('und');
    expect(detectLanguage('👍👍 !!!').lang).toBe('und');
    expect(detectLanguage('12345').lang).toBe('und');
  });

  it('uses the declared language only when detection is unsure', () => {
    expect(chooseLanguage({ lang: 'und', confidence: 0 }, 'de')).toBe('de');
    expect(chooseLanguage({ lang: 'en', confidence: 0.3 }, 'fr')).toBe('fr');
    expect(chooseLanguage({ lang: 'ru', confidence: 0.9 }, 'en')).toBe('ru');
    const pipeline = createPipeline();
    expect(pipeline.analyze('Super', { lang: 'de' }).lang).toBe('de');
    expect(pipeline.analyze('Кофемолка отличная, очень довольна!', { lang: 'en' }).lang).toBe('ru');
  });

  it('normalises declared tags', () => {
    expect(normaliseLangTag('en-US')).toBe('en');
    expect(normaliseLangTag('zh_Hans')).toBe('zh');
    expect(normaliseLangTag('deu')).toBe('de');
    expect(normaliseLangTag('')).toBeUndefined();
    expect(normaliseLangTag('x')).toBeUndefined();
  });
});
