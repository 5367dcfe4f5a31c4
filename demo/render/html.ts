/** Small HTML helpers shared by the demo shop's pages: escaping, the page shell, dates and stars. */

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Options of {@link page}. */
export interface PageOptions {
  /** Document title. */
  title: string;
  /** Page body HTML. */
  body: string;
  /** Extra `<head>` HTML (JSON-LD, rel links, scripts). */
  head?: string;
  /** Document language (default en). */
  lang?: string;
  /** Extra CSS for this page's markup. */
  css?: string;
}

const BASE_CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#faf7f2;line-height:1.5}
header.site{background:#3b2a20;color:#fff;padding:.8rem 1.5rem;display:flex;gap:1.5rem;align-items:center}
header.site a{color:#fff;text-decoration:none}
header.site .logo{font-weight:700;font-size:1.2rem}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 3rem}
footer.site{color:#777;font-size:.85rem;text-align:center;padding:2rem}
a{color:#8a4b1c}
.price{font-size:1.3rem;font-weight:600}
.summary{color:#555}
.pagination a,.pager a,.page-links a{margin-right:.5rem}
.button{display:inline-block;background:#8a4b1c;color:#fff;padding:.4rem 1rem;border-radius:4px;text-decoration:none}
`;

/** A complete UTF-8 HTML document with the shop's header and footer. */
export function page(opts: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="${esc(opts.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)} · Bean &amp; Boiler</title>
<style>${BASE_CSS}${opts.css ?? ''}</style>
${opts.head ?? ''}
</head>
<body>
<header class="site"><a class="logo" href="/">Bean &amp; Boiler</a><a href="/#brands">Brands</a><a href="/feed.rss">Community feed</a></header>
<main>
${opts.body}
</main>
<footer class="site">Bean &amp; Boiler is a fictional shop bundled with Review Radar for demos and tests. All names and reviews are invented.</footer>
</body>
</html>
`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 March 2025" (the Vantio pages' style). */
export function dayMonthYear(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "12 Mar 2025" (Nordbrew cards). */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()}`;
}

/** "March 12, 2025" (Copperleaf pages and profiles). */
export function longDate(iso: string): string {
  const d = new Date(iso);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** "March 2021" for "member since". */
export function monthYear(isoDate: string): string {
  const d = new Date(isoDate);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** ★★★★☆ for a rating of 4. */
export function starGlyphs(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

/** Average rating rounded to one decimal. */
export function average(ratings: number[]): number {
  return ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : 0;
}
