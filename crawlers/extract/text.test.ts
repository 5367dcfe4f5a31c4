import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, isProse, normalizeWhitespace, parseNumber } from './text.js';

describe('text helpers', () => {
  it('strips tags, decodes entities (also double-escaped ones) and collapses whitespace', () => {
    expect(htmlToText('<p>Fish &amp; chips</p><p>  were   <b>great</b>!</p>')).toBe('Fish & chips\nwere great!');
    expect(htmlToText('I&amp;#39;ve been<br&gt;<br&gt;coming here')).toBe("I've been\ncoming here");
    expect(htmlToText('1930ft<sup>2</sup> &#x0024;4300')).toBe('1930ft2 $4300');
    expect(decodeEntities('caf&eacute; &mdash; &#8220;ok&#8221; &nbsp;')).toBe('café — “ok” \u00a0');
    expect(normalizeWhitespace(' a \t b \n\n\n c ')).toBe('a b\nc');
  });

  it('tells prose from labels', () => {
    expect(isProse('The kettle boils fast and is quiet.')).toBe(true);
    expect(isProse('这个水壶烧水很快而且很安静')).toBe(true);
    expect(isProse('https://example.com/a/b')).toBe(false);
    expect(isProse('5.0 out of 5')).toBe(false);
  });

  it('parses numbers with separators', () => {
    expect(parseNumber('1,272')).toBe(1272);
    expect(parseNumber('4,5')).toBe(4.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('16 global ratings')).toBe(16);
    expect(parseNumber('none')).toBeUndefined();
  });
});
