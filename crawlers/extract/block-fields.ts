/**
 * Reads review fields out of one detected block (an element holding one review or comment):
 * the body as the largest run of prose not holding the rating, date or author, the title, and the
 * text of an element without the widgets nested in it.
 */
import {
  childElements,
  descriptor,
  isElement,
  isHidden,
  isSkipped,
  shortNodeText,
  startsLine,
  type AnyNode,
  type Element,
  type ParsedPage,
} from './dom.js';
import type { PageFeatures } from './features.js';
import { normalizeWhitespace } from './text.js';

const ACTION_TEXT =
  /^(?:reply|replies|report|report abuse|share|link|permalink|edit|delete|flag|quote|like|helpful|not helpful|yes|no|read more|read less|show more|show less|see more|see less|more|less|translate(?: review)?|translate review to english|mehr lesen|weiterlesen|antworten|antworte|melden|hilfreich|ответить|читать далее|пожаловаться|полезно|回复|举报|展开|收起|parent|next|prev|context|hide|\[[-+–]\])$/i;
const ACTION_NAME =
  /(?:^|[\s_-])(?:reply|replies|actions?|toolbar|share|vote|votes|voting|helpful|report|flag|footer|meta|controls|buttons?|feedback|translate|expander-header|read-more)(?:$|[\s_-])/i;

/** Whether an element is a control (reply/report/helpful/read-more…) rather than content. */
export function isActionElement(el: Element, text: string): boolean {
  if (el.name === 'button' || el.attribs.role === 'button') return text.length < 60;
  if (text.length <= 40 && ACTION_TEXT.test(text.replace(/[|·•()]/g, '').trim())) return true;
  return text.length < 40 && ACTION_NAME.test(descriptor(el));
}

/** {@link isActionElement}, reading the element's text only as far as a control's text can go. */
export function isControl(page: ParsedPage, el: Element): boolean {
  // Every test of isActionElement fails for a button's text of 60 characters or more, and for any
  // other element's of 41 or more.
  const text = shortNodeText(el, page, el.name === 'button' || el.attribs.role === 'button' ? 60 : 41);
  return text !== undefined && isActionElement(el, text);
}

/** Text of an element without the text of excluded descendants (widgets, nested comments, controls). */
export function textWithout(el: Element, exclude: (e: Element) => boolean): string {
  // Most bodies are a paragraph holding one text: walking it would give that text, normalised (the
  // line breaks put around a paragraph are trimmed off again).
  const only = el.children.length === 1 ? el.children[0] : undefined;
  if (only?.type === 'text' && !isSkipped(el)) return normalizeWhitespace((only as unknown as { data: string }).data);
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') {
      parts.push((n as unknown as { data: string }).data);
      return;
    }
    if (!isElement(n) || isSkipped(n)) return;
    if (n !== el && (exclude(n) || isHidden(n))) return;
    const block = startsLine(n.name);
    if (block) parts.push('\n');
    for (const c of n.children) walk(c);
    if (block) parts.push('\n');
  };
  walk(el);
  return normalizeWhitespace(parts.join(''));
}

/** A form to write in (a reply box), as opposed to a form that only wraps a post's text for editing. */
function isEntryForm(f: PageFeatures, el: Element): boolean {
  if (el.name !== 'form') return false;
  const start = (f.index.get(el) ?? 0) + 1;
  const end = f.end.get(el) ?? start;
  for (let i = start; i < end; i++) {
    const e = f.order[i] as Element;
    if (
      e.name === 'textarea' ||
      e.name === 'select' ||
      (e.name === 'input' && !/^(?:hidden|submit|button)$/i.test(e.attribs.type ?? 'text'))
    )
      return true;
  }
  // A form with nothing to fill in and no text is not the post either.
  return (f.textLen.get(el) ?? 0) < 20;
}

/** Whether an element holds a rating, date or author element (or is one). */
function holdsField(f: PageFeatures, el: Element): boolean {
  return f.fieldsWithin(el) > 0;
}

function directTextLength(el: Element): number {
  let n = 0;
  for (const c of el.children) if (c.type === 'text') n += (c as unknown as { data: string }).data.trim().length;
  return n;
}

function fieldTextLength(f: PageFeatures, el: Element): number {
  let n = 0;
  const walk = (e: Element): void => {
    for (const c of e.children) {
      if (!isElement(c)) continue;
      if (f.isField(c)) n += f.textLen.get(c) ?? 0;
      else if (holdsField(f, c)) walk(c);
    }
  };
  walk(el);
  return n;
}

function bodyScore(f: PageFeatures, c: Element): number {
  const len = (f.textLen.get(c) ?? 0) - (holdsField(f, c) ? fieldTextLength(f, c) : 0);
  const linkLen = f.linkTextLen.get(c) ?? 0;
  const named = /(?:^|[\s_-])(?:body|text|content|comment|description|message|review-?text|review-?body|copy|entry)(?:$|[\s_-])/i.test(
    f.descriptor(c),
  );
  // Photo galleries carry captions that repeat the review; they are not the review.
  const gallery = countImages(c) >= 2 ? 0.3 : 1;
  return (len - linkLen) * (named ? 1.5 : 1) * (c.name === 'p' || c.name === 'blockquote' ? 1.2 : 1) * gallery;
}

/**
 * Picks the body of a block: among the outermost descendants that hold no rating/date/author (or
 * that hold one but carry their own prose, like a paragraph starting with a star image), the one
 * with the most non-link text; sibling paragraphs of the same tag are joined.
 */
export function findBody(f: PageFeatures, block: Element, skip: (e: Element) => boolean = () => false): Element[] {
  const candidates: Element[] = [];
  const walk = (el: Element): void => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      if (isSkipped(child) || isHidden(child) || skip(child) || isEntryForm(f, child) || f.isField(child)) continue;
      if (holdsField(f, child)) {
        if (directTextLength(child) >= 20) candidates.push(child);
        walk(child);
      } else if ((f.textLen.get(child) ?? 0) > 0) candidates.push(child);
    }
  };
  if (!holdsField(f, block)) candidates.push(block);
  else walk(block);
  // A block's body is looked for by several strategies and candidate kinds, each time with other
  // elements to skip; what a candidate scores, and what is left of it without a statistics box,
  // depends on the element alone, so each is worked out once per features pass (kept with its facts).
  let best: Element | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    let score = f.bodyScore.get(c);
    if (score === undefined) {
      score = bodyScore(f, c);
      f.bodyScore.set(c, score);
    }
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (!best) return [];
  let trimmed = f.bodyTrimmed.get(best);
  if (!trimmed) {
    trimmed = withoutStatBox(f, best);
    f.bodyTrimmed.set(best, trimmed);
  }
  best = trimmed;
  // Paragraphs often sit side by side directly in the block: keep the run around the best one.
  const parent = best.parent;
  if (best.name === 'p' && parent && isElement(parent)) {
    const among = new Set(candidates);
    const run = childElements(parent).filter((s) => s.name === 'p' && among.has(s));
    if (run.length > 1) return run;
  }
  return [best];
}

// "Posts: 1,234", "Joined: Mar 2019", "Группа: Участники": a poster's statistics, line by line.
const STAT_LINE = /^[^\n:：]{1,24}[:：]\s*\S[^\n]{0,30}$/u;

/**
 * A text cell beside the poster's statistics (table layouts put both in one row): the part that
 * holds the prose, when every other part is only "Label: value" lines.
 */
function withoutStatBox(f: PageFeatures, el: Element): Element {
  const parts = childElements(el).filter((c) => (f.textLen.get(c) ?? 0) > 0);
  if (parts.length < 2) return el;
  const total = f.textLen.get(el) ?? 0;
  const main = parts.reduce((a, b) => ((f.textLen.get(b) ?? 0) > (f.textLen.get(a) ?? 0) ? b : a));
  if ((f.textLen.get(main) ?? 0) < total * 0.5) return el;
  const others = parts.filter((p) => p !== main);
  const stats = others.every((o) => {
    const lines = textWithout(o, () => false).split('\n');
    return lines.length > 0 && lines.every((l) => STAT_LINE.test(l) || /^[\d\s.,]+$/.test(l));
  });
  return stats ? main : el;
}

function countImages(el: Element): number {
  let n = 0;
  const walk = (e: Element): void => {
    for (const c of e.children) {
      if (!isElement(c)) continue;
      if (c.name === 'img' || c.name === 'picture') n++;
      else walk(c);
      if (n >= 2) return;
    }
  };
  walk(el);
  return n;
}
