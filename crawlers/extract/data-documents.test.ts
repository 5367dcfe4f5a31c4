import { describe, expect, it } from 'vitest';
import { isDataDocument, readJsonDocument, readXmlDocument } from './data-documents.js';
import { extractPage } from './extract-page.js';

const url = 'https://api.example/comments';

describe('responses that are data, not pages', () => {
  it('reads a JSON API response with an anti-hijacking prefix or a JSONP callback', () => {
    const body = JSON.stringify({ comments: [{ user: 'a', text: 'Quiet fan, even on the top setting.', date: '2024-01-01' }] });
    for (const wrapped of [body, `)]}'\n${body}`, `while(1);${body}`, `callback(${body});`]) {
      const doc = readJsonDocument(wrapped);
      expect(doc && 'value' in doc ? doc.value : undefined, wrapped.slice(0, 12)).toEqual(JSON.parse(body));
    }
    expect(readJsonDocument('<!doctype html><p>hi</p>')).toBeUndefined();
    expect(readJsonDocument('{color: red} body {margin: 0}')).toMatchObject({ kind: 'json' });
  });

  it('reads a streamed response sent in chunks, each after its length', () => {
    const rows = JSON.stringify([
      ['gp:AOqpTOHp1xQz', ['ana'], 4, null, 'The app syncs quickly and the widgets are handy.', [1710000000]],
      ['gp:AOqpTOKd7wMn', ['ben'], 2, null, 'Since the update the login screen loops forever.', [1710000500]],
    ]);
    const chunk = JSON.stringify([['wrb.fr', 'x1', rows]]);
    const body = `)]}'\n\n${chunk.length}\n${chunk}\n25\n[["di",42],["af.httprm",42]]\n`;
    const page = extractPage(body, { url });
    expect(page.items.map((i) => [i.author, i.rating?.value])).toEqual([
      ['ana', 4],
      ['ben', 2],
    ]);
  });

  it('says so when a JSON response is malformed, instead of an empty page', () => {
    const page = extractPage('{"comments": [{"text": "cut off in the mid', { url });
    expect(page.items).toEqual([]);
    expect(page.problems?.[0]).toMatch(/not valid JSON/);
  });

  it('extracts items from a JSON response served alone, with their JSON paths', () => {
    const body = JSON.stringify({
      data: {
        children: [
          { kind: 'c', data: { id: 'x1', author: 'rosa', body: 'The strap broke after two weeks of light use.', created_utc: 1710000000 } },
          { kind: 'c', data: { id: 'x2', author: 'sam', body: 'Mine is fine after a year, maybe a bad batch.', created_utc: 1710000500 } },
        ],
      },
    });
    const page = extractPage(body, { url });
    expect(page.strategies).toEqual(['json-document']);
    expect(page.items.map((i) => i.author)).toEqual(['rosa', 'sam']);
    expect(page.origins?.map((o) => o?.via)).toEqual(['$.data.children[0].data', '$.data.children[1].data']);
  });

  it('reads a JSON response that carries the next comments as an HTML fragment', () => {
    const html = ['ana', 'ben', 'cy']
      .map(
        (who, i) =>
          `<div class="note"><a class="user" href="/user/${who}">${who}</a> <time datetime="2024-03-0${i + 1}T10:00:00Z">March ${i + 1}</time><p>Comment number ${i + 1} says the lamp flickers when dimmed low.</p></div>`,
      )
      .join('');
    const page = extractPage(JSON.stringify({ ok: true, html }), { url });
    expect(page.items.map((i) => i.author)).toEqual(['ana', 'ben', 'cy']);
  });

  it('reads an XML API response (not a feed) as data', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <Response><reviews>
        <review><id type="integer">11</id><user><name>Mia</name></user><rating>4</rating><body><![CDATA[Strong plot, slow middle chapters.]]></body><date_added>Tue Mar 02 10:00:00 +0000 2021</date_added></review>
        <review><id type="integer">12</id><user><name>Noor</name></user><rating>0</rating><body><![CDATA[Could not finish it, the dialogue felt stiff.]]></body><date_added>Wed Mar 03 10:00:00 +0000 2021</date_added></review>
      </reviews></Response>`;
    expect(isDataDocument(xml)).toBe(true);
    expect(readXmlDocument('<!DOCTYPE html><html><body></body></html>')).toBeUndefined();
    const page = extractPage(xml, { url });
    expect(page.strategies).toEqual(['xml-data']);
    expect(page.items.map((i) => [i.siteId, i.author, i.rating?.value, i.publishedAt])).toEqual([
      ['11', 'Mia', 4, '2021-03-02T10:00:00.000Z'],
      // "0" on a 1–5 list means no stars were given.
      ['12', 'Noor', undefined, '2021-03-03T10:00:00.000Z'],
    ]);
  });

  it('gives a page error, not a crash, for malformed and deeply nested XML', () => {
    const page = extractPage('<?xml version="1.0"?><root><a><b></a></root>', { url });
    expect(page.items).toEqual([]);
    const deep = `<?xml version="1.0"?>${'<n>'.repeat(100_000)}${'</n>'.repeat(100_000)}`;
    expect(() => extractPage(deep, { url })).not.toThrow();
  });
});
