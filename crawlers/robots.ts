/**
 * robots.txt as RFC 9309 asks: fetched with the crawler's own User-Agent, once per origin and
 * crawl; a file that is unavailable (404 and other 4xx) sets no rules, but one that is unreachable
 * (5xx, 429, a timeout, a refused connection) means "disallow everything" until a later crawl can
 * read it. (Crawlee's own loader lets everything through when robots.txt fails to load.)
 */
import { createRequire } from 'node:module';
import type { Robot } from 'robots-parser';

// A CommonJS function export whose typings declare a default export: loaded the CommonJS way.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, content: string) => Robot;

/** Parsed rules of one origin. */
export interface RobotsRules {
  /** Whether the URL may be fetched by the user agent. */
  isAllowed(url: string, userAgent?: string): boolean;
  /** Sitemaps the file lists. */
  getSitemaps(): string[];
}

/** What happened when robots.txt was fetched (for the log). */
export interface RobotsFetch {
  /** robots.txt URL. */
  url: string;
  /** HTTP status, or 0 when nothing came back. */
  status: number;
  /** Whether everything is disallowed because the file was unreachable. */
  unreachable: boolean;
  /** Why it was unreachable, in words ("HTTP 503", "connection refused"). */
  reason?: string;
}

/** RFC 9309 §2.4: parsers must read at least 500 KiB; more is not read. */
const MAX_BYTES = 500 * 1024;

/** A loader of robots.txt rules per origin, cached for the loader's life (one crawl). */
export interface RobotsLoader {
  (pageUrl: string): Promise<RobotsRules>;
  /** Why a page's site could not be read at all (its robots.txt was unreachable), if so. */
  unreachable(pageUrl: string): string | undefined;
}

/** Makes a loader of robots.txt rules for one crawl. */
export function robotsLoader(userAgent: string, options: { timeoutMs?: number; onFetch?: (f: RobotsFetch) => void } = {}): RobotsLoader {
  const cache = new Map<string, Promise<RobotsRules>>();
  const down = new Map<string, string>();
  const loader = (pageUrl: string) => {
    const origin = new URL(pageUrl).origin;
    let rules = cache.get(origin);
    if (!rules) {
      rules = load(`${origin}/robots.txt`, userAgent, options.timeoutMs ?? 15_000, (f) => {
        if (f.unreachable) down.set(origin, f.reason ?? 'unreachable');
        options.onFetch?.(f);
      });
      cache.set(origin, rules);
    }
    return rules;
  };
  return Object.assign(loader, {
    unreachable: (pageUrl: string) => {
      try {
        return down.get(new URL(pageUrl).origin);
      } catch {
        return undefined;
      }
    },
  });
}

async function load(url: string, userAgent: string, timeoutMs: number, onFetch?: (f: RobotsFetch) => void): Promise<RobotsRules> {
  let status = 0;
  let body = '';
  let failure = '';
  try {
    const res = await fetch(url, {
      headers: { 'user-agent': userAgent, accept: 'text/plain,*/*;q=0.5' },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    if (status >= 200 && status < 300) body = (await res.text()).slice(0, MAX_BYTES);
    else await res.body?.cancel();
  } catch (err) {
    status = 0;
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    failure =
      e.name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(err));
  }
  const available = status >= 200 && status < 300;
  const unreachable = !available && !(status >= 400 && status < 500 && status !== 429);
  onFetch?.({ url, status, unreachable, reason: unreachable ? (status ? `HTTP ${status}` : failure) : undefined });
  const parsed = robotsParser(url, available ? body : unreachable ? 'User-agent: *\nDisallow: /\n' : '');
  return {
    isAllowed: (u, ua) => parsed.isAllowed(u, ua) ?? true,
    getSitemaps: () => parsed.getSitemaps(),
  };
}
