import { describe, expect, it } from 'vitest';
import { buildSentences, splitSentences, tokenize } from './sentences.js';

describe('sentences', () => {
  it('gives sentence spans whose offsets slice the text', () => {
    const text = 'Great grinder!  The burrs are sharp. But the hopper leaks?';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Great grinder!', 'The burrs are sharp.', 'But the hopper leaks?']);
  });

  it('splits a full stop glued to the next sentence and keeps decimals whole', () => {
    const text = 'Lasted 45 minutes.MAJOR PROBLEMS!! It costs 4.99 dollars.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Lasted 45 minutes.',
      'MAJOR PROBLEMS!!',
      'It costs 4.99 dollars.',
    ]);
  });

  it('splits before a lower-case sentence start, but not after abbreviations or titles', () => {
    const text = 'fits well. i ordered the xs. approx. 5 lbs, e.g. this one. Mr. Smith agreed.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'fits well.',
      'i ordered the xs.',
      'approx. 5 lbs, e.g. this one.',
      'Mr. Smith agreed.',
    ]);
  });

  it('splits a very long text (a pasted document) into the same sentences, across the pieces it is read in', () => {
    const parts = Array.from({ length: 6000 }, (_, i) =>
      i % 97 === 0 ? `Paragraph ${i} starts here.\n` : `Sentence ${i} says the lid is fine! `,
    );
    const text = parts.join('');
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(parts.map((p) => p.trim()));
    // One line of 100,000 characters without a sentence end is cut at blanks, never inside a word.
    const words = 'lorem '.repeat(20_000);
    const pieces = splitSentences(words).map((s) => words.slice(s.start, s.end));
    expect(
      pieces
        .join(' ')
        .split(' ')
        .every((w) => w === 'lorem'),
    ).toBe(true);
  });

  it('splits Chinese sentences and segments Chinese words', () => {
    const text = '房间很干净。服务态度很差！';
    const sentences = buildSentences(text, 'zh');
    expect(sentences.map((s) => s.text)).toEqual(['房间很干净。', '服务态度很差！']);
    expect(sentences[0]!.tokens.filter((t) => t.kind === 'word').map((t) => t.text)).toContain('房间');
  });

  it('keeps contractions, hyphenated words, emoji and emoticons as single tokens with offsets', () => {
    const text = "Don't buy this well-made junk 👍🏽 :-) ok";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(["Don't", 'buy', 'this', 'well-made', 'junk', '👍🏽', ':-)', 'ok']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === '👍🏽')!.kind).toBe('emoji');
    expect(tokens.find((t) => t.text === ':-)')!.kind).toBe('emoticon');
    expect(tokens[0]!.norm).toBe("don't");
  });

  it('keeps a social-media handle whole as a handle, but not the end of an e-mail address', () => {
    const tokens = tokenize('@united lost my bag, mail dana@example.com or @shop_help');
    expect(tokens.filter((t) => t.kind === 'handle').map((t) => t.text)).toEqual(['@united', '@shop_help']);
    expect(tokens.some((t) => t.kind === 'word' && t.norm === 'united')).toBe(false);
    expect(tokens.some((t) => t.text === '@example')).toBe(false);
  });

  it('splits a hashtag written in humps into its words, with offsets, but not a brand such as iPhone', () => {
    const text = 'Delayed again #NeverAgain #iPhone #customerService';
    const tokens = tokenize(text).filter((t) => t.kind === 'word');
    expect(tokens.map((t) => t.norm)).toEqual(['delayed', 'again', 'never', 'again', 'iphone', 'customer', 'service']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('reads plain words the way the token pattern does next to links, emoticons and letters it does not list', () => {
    const text = 'Wow xD see www.shop.ru or http://x.ru T_T; кто-то из-за чьего-то «й»: naïve rock’n’roll ё-моё Ёлка';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.text, t.kind])).toEqual([
      ['Wow', 'word'],
      ['xD', 'emoticon'],
      ['see', 'word'],
      ['www.shop.ru', 'url'],
      ['or', 'word'],
      ['http://x.ru', 'url'],
      ['T_T', 'emoticon'],
      [';', 'punct'],
      ['кто-то', 'word'],
      ['из-за', 'word'],
      ['чьего-то', 'word'],
      ['«', 'punct'],
      ['й', 'word'],
      ['»', 'punct'],
      [':', 'punct'],
      ['naïve', 'word'],
      ['rock’n’roll', 'word'],
      ['ё-моё', 'word'],
      ['Ёлка', 'word'],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === 'rock’n’roll')!.norm).toBe("rock'n'roll");
  });

  it('does not read sizes in brackets as emoticons', () => {
    expect(tokenize('(size 8)').some((t) => t.kind === 'emoticon')).toBe(false);
  });
});
