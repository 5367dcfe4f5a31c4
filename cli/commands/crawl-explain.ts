/**
 * `radar crawl --url URL --dry-run --explain`: what each extraction strategy found on a page and
 * why it took nothing, and where each item came from (strategy and CSS or JSON path), so a user
 * whose page gives nothing learns why and can write a recipe.
 */
import type { ExtractedPage } from '../../crawlers/extract/types.js';

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The explanation of one page, as lines of text. */
export function explainPage(url: string, page: ExtractedPage, kept: number): string[] {
  const lines = [`${url}`];
  if (page.blocked) lines.push('  looks like a block or captcha page: nothing was read');
  for (const problem of page.problems ?? []) lines.push(`  problem: ${problem}`);
  lines.push('  strategies:');
  for (const t of page.trace ?? []) {
    lines.push(`    ${t.strategy}: ${t.items} item${t.items === 1 ? '' : 's'}`);
    for (const note of t.notes) lines.push(`      ${note}`);
  }
  if (page.aggregate) {
    const a = page.aggregate;
    lines.push(`  aggregate: ${a.ratingValue} of ${a.best}${a.reviewCount !== undefined ? `, ${a.reviewCount} reviews stated` : ''}`);
  }
  lines.push(`  items: ${page.items.length} found, ${kept} kept as documents`);
  page.items.forEach((item, i) => {
    const origin = page.origins?.[i];
    const where = [origin?.strategy, origin?.via].filter(Boolean).join(' ');
    lines.push(`    #${i + 1} ${where}`);
    const who = [item.author, item.publishedAt, item.rating ? `${item.rating.value}/${item.rating.best}` : undefined]
      .filter(Boolean)
      .join(' · ');
    if (who) lines.push(`       ${clip(who, 100)}`);
    if (item.title) lines.push(`       title: ${clip(item.title, 100)}`);
    lines.push(`       ${item.body ? clip(item.body, 100) : '(no text: a rating only)'}`);
    if (item.parentSiteId) lines.push(`       reply to ${item.parentSiteId}`);
    if (item.reply) lines.push(`       reply by the business: ${clip(item.reply.body, 80)}`);
  });
  if (!page.items.length) {
    lines.push(
      page.looksLikeReviews
        ? '  nothing taken, though the page looks like it holds reviews: they may load with JavaScript (try --render browser), or add a recipe (CSS selectors, see README "Recipe")'
        : '  nothing taken: no strategy found reviews, comments or posts (see the notes above); if the page shows some, add a recipe (CSS selectors, see README "Recipe")',
    );
  }
  if (page.nextPages.length) lines.push(`  next pages: ${page.nextPages.slice(0, 5).join(' ')}${page.nextPages.length > 5 ? ' …' : ''}`);
  return lines;
}
