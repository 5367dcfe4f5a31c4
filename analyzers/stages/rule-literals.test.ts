import { describe, expect, it } from 'vitest';
import { matchRule, type RulePattern } from './attribute-rules.js';
import { PERSIAN } from './attributes-fa.js';
import { RUSSIAN } from './attributes-ru.js';
import { INTENT_CUES } from './intent-cues.js';
import { LiteralSet, requiredLiterals } from './rule-literals.js';

describe('requiredLiterals', () => {
  it('reads the words a match cannot do without', () => {
    expect(requiredLiterals(String.raw`\bработаю\s+(?:из\s+дома|удаленно)\b|\bкак\s+удаленщик\b`)).toEqual(['работаю', 'удаленщик']);
    // A short group is spelled out with the letters around it.
    expect(requiredLiterals(String.raw`\bмо(?:й|я)\s+(?:сын|доч(?:ь|ка))\b`)).toEqual(['мой', 'моя']);
    expect(requiredLiterals(String.raw`\bм\.?видео\b`)).toEqual(['мвидео', 'м.видео']);
    // What a lookbehind sees must be in the text too.
    expect(requiredLiterals(String.raw`\bреклама(?<=#реклама)\b`)).toEqual(['#реклама']);
    // A word that holds another is not checked on its own.
    expect(requiredLiterals(String.raw`\b(?:мамочка|мам\p{L}*)`)).toEqual(['мам']);
    // An escaped letter is the letter.
    expect(requiredLiterals(String.raw`\bкот\u0438к`)).toEqual(['котик']);
  });

  it('asks for nothing where a match may hold no fixed word', () => {
    expect(requiredLiterals(String.raw`\bя\s+\p{L}+|\d{2}\s+лет`)).toEqual(['я', 'лет']);
    expect(requiredLiterals(String.raw`(?:мама)?\p{L}+`)).toBeNull();
    expect(requiredLiterals(String.raw`мама|\p{L}+`)).toBeNull();
    expect(requiredLiterals(String.raw`(?!мама)\p{L}+`)).toBeNull();
    // Syntax it does not read (a back-reference) makes the rule always run.
    expect(requiredLiterals(String.raw`(мама)\s+\1`)).toBeNull();
    // Nor does a group that changes the flags ("i" would let "МАМА" match), or a pattern the `u` flag rejects.
    expect(requiredLiterals('(?i:мама)')).toBeNull();
    expect(requiredLiterals(String.raw`мама\-папа`)).toBeNull();
  });
});

describe('LiteralSet', () => {
  it('finds the same literals as a search for each, overlaps included', () => {
    const literals = ['he', 'she', 'his', 'hers', 'e', 'рад', 'разве', 'аз', 'ш'];
    const set = new LiteralSet();
    const ids = literals.map((l) => set.add([l])[0]!);
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'hesirазвдш ';
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      literals.forEach((l, k) => expect(set.holdsAny(text, [ids[k]!]), `${l} in "${text}"`).toBe(text.includes(l)));
    }
  });

  it('knows a literal added after a text was read', () => {
    const set = new LiteralSet();
    const [a] = set.add(['кот']);
    expect(set.holdsAny('мой кот и пес', [a!])).toBe(true);
    const [b] = set.add(['пес']);
    expect(set.holdsAny('мой кот и пес', [b!])).toBe(true);
    expect(set.holdsAny('мой кот', [b!])).toBe(false);
  });
});

describe('rules skipped by their words', () => {
  const patterns = (rules: { re: RegExp | RulePattern }[]) => rules.flatMap((r) => (r.re instanceof RegExp ? [] : [r.re]));
  const cases: [string, RulePattern[], (t: string) => string, string[]][] = [
    [
      'ru',
      [...patterns(RUSSIAN.rules), ...patterns(Object.values(INTENT_CUES.ru!).flatMap((re) => (typeof re === 'function' ? [] : [{ re }])))],
      RUSSIAN.normalise,
      [
        'Я мама двоих детей, и мы с мужем ходим сюда каждую пятницу.',
        'Беру уже третий раз, обязательно вернемся ещё!',
        'Заказал на Озоне по акции, в подарок маме.',
        'Работаю поваром, так что в еде разбираюсь; мне 35 лет.',
        'Подскажите, кто знает, почему кофемашина сломалась через неделю?',
        'Ждали больше 40 минут, по сравнению с прошлым разом хуже.',
      ],
    ],
    [
      'fa',
      patterns(PERSIAN.rules),
      PERSIAN.normalise,
      ['من مادر دو بچه هستم و دوباره می‌خرم.', 'برای همسرم خریدم، با تخفیف از دیجی‌کالا.', 'بار سوم است که سفارش می‌دهم.'],
    ],
  ];
  for (const [lang, list, normalise, sentences] of cases)
    it(`never skips a ${lang} rule that matches`, () => {
      let matched = 0;
      for (const sentence of sentences) {
        const text = normalise(sentence);
        for (const p of list) {
          p.re.lastIndex = 0;
          const unskipped = p.re.exec(text);
          if (unskipped) expect(p.mayMatch(text), `${p.re.source} on "${text}"`).toBe(true);
          if (matchRule(p, text)) matched++;
        }
      }
      expect(matched).toBeGreaterThan(sentences.length);
    });
});
