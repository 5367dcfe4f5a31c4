/**
 * Reviewer profile links: URLs whose path names a user, member, reviewer or profile page
 * (`/user/…`, `/users/…`, `/profile/…`, `/reviewer(s)/…`, `/member/…`, `/u/…`, `user?id=…`,
 * `user_details?userid=…`), never login or settings pages.
 */
import { descendants, resolveUrl, type Element, type ParsedPage } from './dom.js';
import type { PageFeatures } from './features.js';
import { StringMemo } from './text.js';

const PROFILE_SEGMENT =
  /^(?:users?|u|profiles?|reviewers?|members?|people|authors?|userprofile|user[_-]?profile|user[_-]?details(?:[_-][a-z]+)*|member[_-]?profile|viewprofile|profile\.php|member\.php|user\.php|memberlist\.php|~[\w.-]+|@[\w.-]+)$/i;
const ACCOUNT_PAGES =
  /^(?:login|log-in|signin|sign-in|sign_in|signup|sign-up|sign_up|register|logout|settings|edit|password|preferences|notifications|new|me|account)$/i;
const USER_QUERY = /(?:^|&)(?:user|userid|user_id|uid|u|member|memberid|mid|showuser|profile|id)=[^&]+/i;

// The same author links are tested by the feature pass, the strategies and the profile-link
// collection: each URL is parsed once. Bounded, so a page of a million links cannot grow it without end.
const answers = new StringMemo<boolean>(100_000);

/** Whether a URL looks like a person's profile page rather than a login or settings page. */
export function isProfileUrl(url: string): boolean {
  return answers.get(url) ?? answers.set(url, testProfileUrl(url));
}

// A web address written as the URL parser writes it (lower-case host, a path of unreserved
// characters and escapes without dot segments, a plain query, no fragment): its path and query are
// read off the text, as the parser would give them.
// A host name whose last label holds a letter (no IPv4 address to check) and no punycode label
// (which the parser checks), a port of at most four digits, a path without escapes (no "%2e" the
// parser would read as a dot).
const PLAIN_URL =
  /^https?:\/\/(?![^/?#]*xn--)(?:[a-z0-9-]+\.)*[a-z0-9-]*[a-z][a-z0-9-]*(?::\d{1,4})?((?:\/(?!\.\.?(?:\/|$|\?))[A-Za-z0-9\-._~]*)*)(?:\?([A-Za-z0-9\-._~%&=+,;:@/]*))?$/;

/** The path and query ("?…", or "" when there is none) of an absolute web address. */
function pathAndQuery(url: string): { pathname: string; search: string } | undefined {
  const plain = PLAIN_URL.exec(url);
  if (plain) return { pathname: plain[1] || '/', search: plain[2] ? `?${plain[2]}` : '' };
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A path segment with its escapes decoded; as written when an escape is broken ("%zz"). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function testProfileUrl(url: string): boolean {
  const u = pathAndQuery(url);
  if (!u) return false;
  const segments = u.pathname.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const seg = decoded(segments[i] ?? '');
    if (!PROFILE_SEGMENT.test(seg)) continue;
    // "@name" and "~name" carry the user themselves; other segments need a user after them or in the query.
    if (seg.startsWith('@') || seg.startsWith('~')) return i === 0;
    const next = segments[i + 1];
    if (next !== undefined) {
      // "/user/login" or "/people/search.html" are pages about users, not a user.
      if (ACCOUNT_PAGES.test(next) || /\.(?:html?|php|aspx?|jsp)$/i.test(next)) return false;
      return true;
    }
    if (USER_QUERY.test(u.search.slice(1)) || /viewprofile/i.test(u.search)) return true;
  }
  // Board software names the member in the query of its one script ("index.php?showuser=12"); a
  // search for a member's posts ("search.php?userid=12") is not their profile.
  const query = u.search.slice(1);
  if (/(?:^|&)showuser=\w/i.test(query)) return true;
  const last = segments[segments.length - 1] ?? '';
  return /^(?:|index\.php)$/i.test(last) && /(?:^|&)(?:userid|user_id|memberid|member_id|uid)=\w/i.test(query);
}

/**
 * Absolute profile URLs linked from inside the given elements (review blocks), deduplicated in
 * order. `known` holds URLs already found to be profiles (the items' author links): not tested again.
 */
export function profileLinksIn(page: ParsedPage, blocks: Element[], known?: ReadonlySet<string>, f?: PageFeatures): string[] {
  const seen = new Set<string>();
  const test = (a: Element): void => {
    const url = resolveUrl(a.attribs.href, page.url);
    if (url && !seen.has(url) && (known?.has(url) || isProfileUrl(url))) seen.add(url);
  };
  for (const block of blocks) {
    // A block the feature pass numbered has its elements in one run of its order (the elements
    // `descendants` gives, in the same order): the run is read instead of the tree.
    const start = f?.index.get(block);
    const end = f?.end.get(block);
    const elements = f && start !== undefined && end !== undefined ? f.order.slice(start + 1, end) : descendants(block);
    for (const a of elements) if (a.name === 'a' && a.attribs.href) test(a);
  }
  return [...seen];
}
