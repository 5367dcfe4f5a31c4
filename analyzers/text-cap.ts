/**
 * The longest text the analyzers read: a longer one is cut, so one enormous input (a 50 MB line on
 * stdin, a pasted book) cannot take gigabytes of memory and minutes of one thread. The cut falls
 * on a space near the limit where there is one, never inside a surrogate pair.
 */

export { DEFAULT_MAX_TEXT_CHARS } from '../domain/limits.js';

/** How far back from the limit a space is looked for, so no word is cut in half. */
const WORD_SLACK = 200;

/** The first `max` characters of `text` or fewer (ending at a space near the limit); the text itself when it is not longer. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate: its pair lies past the limit
  for (let i = end; i > end - WORD_SLACK && i > 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) return text.slice(0, i);
  }
  return text.slice(0, end);
}
