import { describe, expect, it } from 'vitest';
import { mentionsSensitive, wordsMentionSensitive } from './sensitive.js';

describe('special categories in Russian, Persian and Chinese', () => {
  it('finds them by the word forms people write', () => {
    for (const text of [
      'Я беременна, поэтому искала удобную обувь.',
      'После химиотерапии мне нельзя острое.',
      'У меня рассеянный склероз, и кнопки должны быть крупными.',
      'Мы пришли после церкви.',
      'بعد از شیمی‌درمانی پوستم حساس شده.',
      'بعد از شيمي درماني پوستم حساس شده.',
      'من باردار هستم.',
      '我怀孕了，需要安静的房间。',
    ])
      expect(mentionsSensitive(text), text).toBe(true);
    // Segmented Chinese words are joined back: a term split by the segmenter is still found.
    expect(wordsMentionSensitive(['我', '怀', '孕', '了'])).toBe(true);
  });

  it('leaves alone the words that are mostly something else in reviews', () => {
    for (const text of [
      'Раки были свежие, а пиво холодное.',
      'Официант мечется между столами.',
      'Сын — заядлый геймер.',
      'Узбекская кухня отличная.',
      'دو روزه رسید.',
      '酒店很干净，早餐丰富。',
      'The food was great.',
    ])
      expect(mentionsSensitive(text), text).toBe(false);
  });
});
