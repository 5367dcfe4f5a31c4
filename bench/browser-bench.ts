/**
 * Browser-crawl memory benchmark: 200 demo pages rendered in the system Chromium by our crawl
 * pipeline (browser recycling, extraction, store), peak RSS of the whole process tree (Node and
 * every Chromium process) sampled from /proc, beside a bare PlaywrightCrawler on the same pages.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One benchmark figure. */
export interface BrowserFigure {
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number };
  higherIsBetter: boolean;
  note?: string;
}

/** The pids of a process and all its descendants (Linux /proc). */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      /* the process ended while we looked */
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * Memory of a process tree in MB: PSS (each shared page divided among the processes sharing it —
 * what the tree really occupies) and the plain sum of RSS (which counts Chromium's shared pages once
 * per process, over-stating a browser several times over).
 */
export function treeMemoryMb(root: number): { pss: number; rss: number } {
  let pss = 0;
  let rss = 0;
  for (const pid of tree(root)) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pss += Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0) / 1024;
      rss += Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0) / 1024;
    } catch {
      /* the process ended while we looked */
    }
  }
  return { pss, rss };
}

function runMeasured(root: string, script: string): Promise<{ peakMb: number; peakRssMb: number; pages: number; ms: number }> {
  return new Promise((ok, fail) => {
    const c = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], cwd: root });
    let peak = 0;
    let peakRss = 0;
    const timer = setInterval(() => {
      if (!c.pid) return;
      const m = treeMemoryMb(c.pid);
      peak = Math.max(peak, m.pss);
      peakRss = Math.max(peakRss, m.rss);
    }, 250);
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.on('close', (code) => {
      clearInterval(timer);
      try {
        const r = JSON.parse(out.trim().split('\n').pop()!) as { pages: number; ms: number };
        ok({ peakMb: peak, peakRssMb: peakRss, ...r });
      } catch {
        fail(new Error(`browser bench child failed with code ${code}: ${out}`));
      }
    });
  });
}

/** Peak memory of a `pages`-page browser crawl, ours beside a bare PlaywrightCrawler. */
export async function benchBrowserMemory(pages = 200, root = resolve(import.meta.dirname, '..', '..')): Promise<BrowserFigure[]> {
  const setup = `
    process.env.DOTENV_CONFIG_QUIET = 'true';
    process.env.RADAR_LOG_LEVEL = 'warn';
    const { startDemoShop } = await import('${root}/dist/demo/shop.js');
    const shop = await startDemoShop({ port: 0, scale: 40 });
    const home = await (await fetch(shop.url)).text();
    const urls = [...new Set([...home.matchAll(/href="(\\/products\\/(?:copperleaf|nordbrew)[^"?#]*)"/g)].map((m) => new URL(m[1], shop.url).href))].slice(0, ${pages});
    const t0 = performance.now();`;
  const ours = await runMeasured(
    root,
    `${setup}
    const { runCrawl } = await import('${root}/dist/crawlers/run-crawl.js');
    const { ConfigSchema } = await import('${root}/dist/config/schema.js');
    const { EmbeddedStore } = await import('${root}/dist/storage/embedded/embedded-store.js');
    const { pageDocuments } = await import('${root}/dist/crawlers/page-documents.js');
    const { mkdtempSync } = await import('node:fs');
    const store = await EmbeddedStore.open(mkdtempSync('/tmp/radar-browser-bench-'));
    const settings = { ...ConfigSchema.parse({ brands: [{ id: 'a', name: 'A' }] }).crawl, concurrency: 4, perDomainConcurrency: 4 };
    const source = { id: 'b', kind: 'reviews', urls, render: 'browser', maxPages: urls.length, profiles: false, robots: 'respect', topReviewsOnly: false };
    let n = 0;
    await runCrawl({ source, settings, onPage: async (p) => { n++; await store.upsertDocuments(pageDocuments(p, { source, brand: 'a' }, { salt: 's', storeAuthorNames: false, redactPII: true }, () => ({ brands: [], products: [] }))); return { allKnown: false }; } });
    await store.close();
    await shop.close();
    console.log(JSON.stringify({ pages: n, ms: performance.now() - t0 }));`,
  );
  const bare = await runMeasured(
    root,
    `${setup}
    const { PlaywrightCrawler } = await import('@crawlee/playwright');
    const { Configuration } = await import('@crawlee/core');
    const { chromium } = await import('playwright');
    let n = 0;
    const crawler = new PlaywrightCrawler({
      maxConcurrency: 2,
      launchContext: { launcher: chromium, launchOptions: { executablePath: process.env.RADAR_CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'], headless: true } },
      browserPoolOptions: { useFingerprints: false },
      requestHandler: async ({ page }) => { await page.content(); n++; },
    }, new Configuration({ persistStorage: false }));
    await crawler.run(urls);
    await shop.close();
    console.log(JSON.stringify({ pages: n, ms: performance.now() - t0 }));`,
  );
  return [
    {
      name: `browser crawl peak memory (PSS), Node + Chromium (${ours.pages} pages)`,
      value: ours.peakMb,
      unit: 'MB',
      baseline: { name: `bare PlaywrightCrawler (${bare.pages} pages)`, value: bare.peakMb },
      higherIsBetter: false,
      note: `bar ≤ 1,536 MB; ours ${(ours.ms / 1000).toFixed(0)} s, bare ${(bare.ms / 1000).toFixed(0)} s`,
    },
    {
      name: `browser crawl peak summed RSS (counts shared pages per process) (${ours.pages} pages)`,
      value: ours.peakRssMb,
      unit: 'MB',
      baseline: { name: 'bare PlaywrightCrawler', value: bare.peakRssMb },
      higherIsBetter: false,
    },
  ];
}
