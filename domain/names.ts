/**
 * Brand and product names as one pattern: whole words in any script (letters and digits of every
 * script count as word characters at the edges, so "Брюлаб" or "咖啡" aliases work), any case,
 * longest first, runs of blanks matching any blanks. Used by the brand linker, the aspect stage
 * (names are never aspects) and the per-brand view of reports.
 */

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of `names` (flags as given; "iu" at least), or undefined when no name is left. */
export function namesPattern(names: readonly string[], flags = 'iu'): RegExp | undefined {
  const alts = [...new Set(names.map((n) => n.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRegex(n).replace(/\s+/g, '\\s+'));
  if (!alts.length) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, flags);
}
