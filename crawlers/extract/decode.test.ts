import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, sniffCharset } from './decode.js';

const russian = '<p>Отличный чайник, кипятит воду очень быстро и почти бесшумно. Рекомендую всем!</p>';
const chinese = '<p>这个水壶烧水很快，而且很安静。我们一家人都很喜欢，价格也不贵，推荐大家购买。</p>';
const japanese = '<p>このケトルはとても静かで、お湯がすぐに沸きます。家族みんなが気に入っています。</p>';

describe('decodeBody', () => {
  it('uses the charset from the Content-Type header', () => {
    expect(decodeBody(iconv.encode(russian, 'windows-1251'), 'text/html; charset=windows-1251')).toBe(russian);
    expect(decodeBody(iconv.encode(chinese, 'gbk'), 'text/html; charset="GBK"')).toBe(chinese);
    expect(decodeBody(iconv.encode('Café crème', 'latin1'), 'text/plain; charset=ISO-8859-1')).toBe('Café crème');
  });

  it('uses a BOM, <meta charset>, http-equiv or the XML declaration', () => {
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('héllo')]))).toBe('héllo');
    expect(decodeBody(iconv.encode('\ufeffhéllo', 'utf-16le'))).toBe('héllo');
    const meta = `<html><head><meta charset="windows-1251"></head><body>${russian}</body></html>`;
    expect(decodeBody(iconv.encode(meta, 'windows-1251'))).toBe(meta);
    const equiv = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">${chinese}`;
    expect(decodeBody(iconv.encode(equiv, 'gb18030'))).toBe(equiv);
    const xml = `<?xml version="1.0" encoding="Shift_JIS"?><rss>${japanese}</rss>`;
    expect(decodeBody(iconv.encode(xml, 'shift_jis'))).toBe(xml);
  });

  it('sniffs undeclared encodings', () => {
    expect(sniffCharset(Buffer.from(russian))).toBe('utf-8');
    expect(decodeBody(iconv.encode(russian, 'windows-1251'))).toBe(russian);
    expect(decodeBody(iconv.encode(chinese, 'gb18030'))).toBe(chinese);
    expect(decodeBody(iconv.encode(japanese, 'shift_jis'))).toBe(japanese);
    expect(decodeBody(iconv.encode('Très bon café, crème brûlée parfaite à côté.', 'windows-1252'))).toBe(
      'Très bon café, crème brûlée parfaite à côté.',
    );
  });

  it('reads bytes that are not the UTF-8 they claim to be as what they are', () => {
    const german = '<meta charset="utf-8"><p>Die Mühle ist großartig, der Kaffee schmeckt wie im Café.</p>';
    expect(decodeBody(iconv.encode(german, 'latin1'))).toBe(german);
    expect(decodeBody(iconv.encode(chinese, 'gbk'), 'text/html; charset=utf-8')).toBe(chinese);
    // Real UTF-8 under the same claim is untouched.
    expect(decodeBody(Buffer.from(german), 'text/html; charset=utf-8')).toBe(german);
  });

  it('never throws', () => {
    expect(decodeBody(Buffer.from([0xff, 0xfe, 0xfd]), 'text/html; charset=no-such-charset')).toBeTypeOf('string');
    expect(decodeBody(Buffer.alloc(0))).toBe('');
  });
});
