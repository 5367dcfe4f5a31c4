/** The shop's community feed: RSS 2.0 with Dublin Core creators, newest post first. */
import type { DemoMention } from '../catalog-types.js';
import { esc } from './html.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date as RSS wants it ("Sat, 05 Jul 2025 13:28:06 +0000"). */
export function rfc822(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

function titleOf(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57).replace(/\s+\S*$/, '')}…`;
}

/** The RSS document; `origin` makes links absolute, as feed readers expect. */
export function feedXml(mentions: DemoMention[], origin: string): string {
  const items = [...mentions]
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .map(
      (m) => `    <item>
      <title>${esc(titleOf(m.text))}</title>
      <link>${origin}/mentions/${m.id}</link>
      <guid isPermaLink="true">${origin}/mentions/${m.id}</guid>
      <pubDate>${rfc822(m.publishedAt)}</pubDate>
      <dc:creator>${esc(m.author)}</dc:creator>
      <dc:language>${m.lang}</dc:language>
      <description>${esc(m.text)}</description>
    </item>`,
    )
    .join('\n');
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text
  const latest = mentions.reduce((a, m) => (m.publishedAt > a ? m.publishedAt : a), '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Bean &amp; Boiler community feed</title>
    <link>${origin}/</link>
    <description>What people are saying about home coffee gear.</description>
    <language>en</language>
    <atom:link href="${origin}/feed.rss" rel="self" type="application/rss+xml"/>
    ${latest ? `<lastBuildDate>${rfc822(latest)}</lastBuildDate>` : ''}
${items}
  </channel>
</rss>
`;
}
