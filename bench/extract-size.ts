/**
 * Extraction time on 10 MB inputs (crawl.maxPageBytes, the largest page accepted), one core: a
 * saved real review page grown to 10 MB by repeating its body (read from ../shared at run time),
 * and, generated here with texts of our own, pages packed with 30,000 reviews or 26,000 forum
 * posts, a JSON API response and a page whose script state is 10 MB. Beside each, the time to
 * parse the same input alone (cheerio), so the ratio can be read on a busy machine. Median of three
 * runs after one warm-up. `node dist/bench/extract-size.js` (MB=1 for a quick look); the bar is
 * under 2 s for a 10 MB page.
 */
import { load } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { extractPage } from '../crawlers/extract/extract-page.js';

const TARGET = Number(process.env.MB ?? 10) * 1024 * 1024;
const WORDS = 'kettle lid handle spout filter base cord switch light steam water boil quiet loud fast slow clean easy hard'.split(' ');

function sentence(n: number): string {
  let s = '';
  for (let i = 0; i < 14; i++) s += `${WORDS[(n * 7 + i * 3) % WORDS.length]} `;
  return `${s.trim()} (${n}).`;
}

function fill(make: (n: number) => string, head: string, tail: string): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let n = 0; size < TARGET; n++) {
    const part = make(n);
    parts.push(part);
    size += part.length;
  }
  parts.push(tail);
  return parts.join('');
}

const inputs: [string, string][] = [];
const saved = '../shared/fixtures/web-dev/html/tripadvisor_attraction_kranj_2019_10-reviews.html';
if (existsSync(saved)) {
  const page = readFileSync(saved, 'utf8');
  const open = page.indexOf('<body');
  const close = page.lastIndexOf('</body>');
  const inner = page.slice(page.indexOf('>', open) + 1, close);
  inputs.push(['saved review page, its body repeated to 10 MB', fill(() => inner, page.slice(0, close), '</body></html>')]);
}
inputs.push(
  [
    'review page (repeated review cards)',
    fill(
      (n) =>
        `<div class="review"><span class="name">user${n}</span><span class="stars" aria-label="${(n % 5) + 1} out of 5 stars"></span><span class="date">2024-0${(n % 9) + 1}-1${n % 10}</span><p class="text">${sentence(n)} ${sentence(n + 1)}</p></div>`,
      '<html><body><div class="reviews">',
      '</div></body></html>',
    ),
  ],
  [
    'forum thread (posts with profile boxes)',
    fill(
      (n) =>
        `<div class="post"><div class="meta"><a href="/member/u${n}">u${n}</a><time datetime="2024-03-0${(n % 9) + 1}T10:00:00Z">March</time></div><div class="box"><dl><dt>Posts</dt><dd>${n}</dd></dl></div><div class="msg"><p>${sentence(n)}</p><p>${sentence(n + 2)}</p></div></div>`,
      '<html><body><div class="thread">',
      '</div></body></html>',
    ),
  ],
  [
    'JSON API response (comment records)',
    fill(
      (n) =>
        `${n ? ',' : ''}{"id":"c${n}","author":{"name":"user${n}"},"created_at":"2024-01-0${(n % 9) + 1}T00:00:00Z","body":"${sentence(n)}","likes":${n % 50}}`,
      '{"comments":[',
      ']}',
    ),
  ],
  [
    'page with 10 MB of script state',
    fill(
      (n) =>
        `${n ? ',' : ''}{"id":${n},"user":"user${n}","rating":${(n % 5) + 1},"text":"${sentence(n)}","date":"2024-02-0${(n % 9) + 1}"}`,
      '<html><body><script>window.__STATE__ = {"reviews":[',
      ']};</script></body></html>',
    ),
  ],
);

const median = <T extends { ms: number }>(run: () => T): T => {
  run();
  return [run(), run(), run()].sort((a, b) => a.ms - b.ms)[1] as T;
};
const rows: string[] = ['| input | size | items | extraction | parsing alone | ratio |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
for (const [name, body] of inputs) {
  const ours = median(() => {
    const start = performance.now();
    const page = extractPage(body, { url: 'https://bench.example/p/1', referenceDate: '2025-01-01T00:00:00Z' });
    return { ms: performance.now() - start, items: page.items.length };
  });
  const bare = median(() => {
    const start = performance.now();
    if (body.startsWith('{')) JSON.parse(body);
    // The same parser and options as the extraction (htmlparser2 through cheerio).
    else load(body, { xml: { xmlMode: false, decodeEntities: true } });
    return { ms: performance.now() - start };
  });
  rows.push(
    `| ${name} | ${(body.length / 1024 / 1024).toFixed(1)} MB | ${ours.items} | ${(ours.ms / 1000).toFixed(2)} s | ${(bare.ms / 1000).toFixed(2)} s | ${(ours.ms / bare.ms).toFixed(1)} |`,
  );
}
process.stdout.write(`${rows.join('\n')}\n`);
