/**
 * The crawler's HTTP client (a Crawlee BaseHttpClient, also used for the browser's requests): every
 * connection goes to an address the AddressPolicy allows (checked in the lookup the connection uses),
 * every redirect hop is followed here — checked against that host's robots.txt and the policy before
 * it is fetched — and a response that is not a page the crawler reads, or is larger than the cap it
 * declares, is refused before its body is read.
 */
import { Readable, Transform } from 'node:stream';
import type { BaseHttpClient, HttpRequest, HttpResponse, RedirectHandler, ResponseTypes, StreamingHttpResponse } from '@crawlee/core';
import { Agent, fetch, type Response } from 'undici';
import { withoutCredentials } from '../../domain/document.js';
import { PageError } from '../../domain/errors.js';
import type { RobotsLoader } from '../robots.js';
import type { AddressPolicy } from './address-policy.js';

/** Options of the client of one crawl. */
export interface GuardedClientOptions {
  /** Where connections may go. */
  policy: AddressPolicy;
  /** robots.txt of each redirect hop's host (unset when the source ignores robots.txt). */
  robots?: RobotsLoader;
  /** User-Agent matched in robots.txt. */
  userAgent: string;
  /** Media types the static crawler accepts (others are refused before their body is read); default: pages, feeds, JSON, text. */
  accept?: (mediaType: string) => boolean;
  /** Largest body accepted when the response declares its length. */
  maxBytes?: number;
  /** Most redirects followed for one request. */
  maxRedirects?: number;
  /** Timeout of one request when the caller gives none, in ms. */
  timeoutMs?: number;
}

/** A fetched response with its final URL, for callers outside Crawlee (the browser's requests). */
export interface FetchedResponse {
  /** URL after redirects. */
  url: string;
  /** HTTP status. */
  status: number;
  /** Response headers (set-cookie as a list). */
  headers: Record<string, string | string[]>;
  /** The body. */
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Whether a media type is something the static crawler reads: HTML, XML and feeds, JSON, plain text. */
export function isCrawlableType(type: string): boolean {
  return /^(?:text\/(?:html|xml|plain)|application\/(?:xhtml\+xml|xml|json|ld\+json|rss\+xml|atom\+xml|rdf\+xml|x-rss\+xml|x-atom\+xml)|[\w.-]+\/[\w.-]+\+(?:xml|json))$/.test(
    type,
  );
}

function headersOf(res: Response): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  res.headers.forEach((value, key) => {
    out[key] = value;
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies;
  return out;
}

function mediaType(res: Response): string {
  return (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Reads a body up to `limit` bytes; throws a `too-large` PageError past it. */
async function readBody(res: Response, limit: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body) {
    total += chunk.length;
    if (total > limit) {
      await res.body.cancel().catch(() => undefined);
      throw tooLarge(url, limit);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function tooLarge(url: string, limit: number): PageError {
  return new PageError('too-large', `page ${url} is larger than ${Math.round(limit / 1024 / 1024)} MB (crawl.maxPageBytes); skipped`);
}

/** The client of one crawl. */
export class GuardedHttpClient implements BaseHttpClient {
  private readonly agent: Agent;
  private readonly stopping = new AbortController();

  /** Creates the client; `close()` frees its connections. */
  constructor(readonly options: GuardedClientOptions) {
    const idleMs = options.timeoutMs ?? 30_000;
    this.agent = new Agent({
      connect: { lookup: options.policy.lookup },
      keepAliveTimeout: 4_000,
      bodyTimeout: idleMs,
      headersTimeout: idleMs,
    });
  }

  /** Gives up every request in flight and refuses new ones (the crawl was told to stop). */
  abort(): void {
    this.stopping.abort(new PageError('interrupted', 'the crawl was stopped'));
  }

  /** Closes the client's connections. */
  async close(): Promise<void> {
    await this.agent.destroy();
  }

  /**
   * Fetches `url`, following redirects hop by hop (each checked against robots.txt and the policy),
   * and returns the final response before its body is read.
   */
  async open(
    url: string,
    init: {
      method?: string;
      headers?: Record<string, string | string[] | undefined>;
      body?: Buffer | string;
      signal?: AbortSignal;
      timeoutMs?: number;
      followRedirects?: boolean;
      onRedirect?: (from: string, to: string, status: number, headers: Record<string, string | string[]>) => void;
    } = {},
  ): Promise<{ res: Response; url: string; redirects: string[] }> {
    const { policy, robots, userAgent, maxRedirects = 10 } = this.options;
    const timeoutMs = init.timeoutMs ?? this.options.timeoutMs ?? 30_000;
    // The timeout covers each hop until its headers arrive; the body is read later by whoever takes
    // it (bounded there, and by the agent's body timeout), and a stopped crawl aborts it either way.
    const headersDue = new AbortController();
    const signal = AbortSignal.any([this.stopping.signal, headersDue.signal, ...(init.signal ? [init.signal] : [])]);
    if (this.stopping.signal.aborted) throw this.stopping.signal.reason as Error;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(init.headers ?? {})) {
      if (v === undefined || /^(host|connection|content-length|transfer-encoding)$/i.test(k)) continue;
      headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    headers['user-agent'] ??= userAgent;
    // Credentials written in a source's URL (user:password@) go as Basic auth to that origin only.
    let current = url;
    const withCreds = URL.canParse(url) ? new URL(url) : undefined;
    const credentialsFor = withCreds && (withCreds.username || withCreds.password) ? withCreds.origin : undefined;
    const basic = credentialsFor
      ? `Basic ${Buffer.from(`${decodeURIComponent(withCreds!.username)}:${decodeURIComponent(withCreds!.password)}`).toString('base64')}`
      : undefined;
    if (credentialsFor) {
      withCreds!.username = '';
      withCreds!.password = '';
      current = withCreds!.href;
    }
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    const redirects: string[] = [];
    for (let hop = 0; ; hop++) {
      policy.checkUrl(current);
      if (basic && new URL(current).origin === credentialsFor) headers.authorization = basic;
      else if (basic) delete headers.authorization;
      if (hop > 0 && robots) {
        const rules = await robots(current);
        if (!rules.isAllowed(current, userAgent)) {
          throw new PageError(
            'robots',
            `not fetched: ${withoutCredentials(url)} redirects to ${current}, which that site's robots.txt disallows`,
          );
        }
      }
      let res: Response;
      const timer = setTimeout(() => headersDue.abort(new DOMException(`no answer in ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
      try {
        res = await fetch(current, {
          method,
          headers,
          body: method === 'GET' || method === 'HEAD' ? undefined : body,
          redirect: 'manual',
          dispatcher: this.agent,
          signal,
        });
      } catch (err) {
        throw networkError(err, current, timeoutMs);
      } finally {
        clearTimeout(timer);
      }
      const location = res.headers.get('location');
      if (init.followRedirects === false || !REDIRECTS.has(res.status) || !location) return { res, url: current, redirects };
      await res.body?.cancel().catch(() => undefined);
      if (hop >= maxRedirects)
        throw new PageError('http-4xx', `too many redirects from ${withoutCredentials(url)} (more than ${maxRedirects})`);
      const next = new URL(location, current).href;
      init.onRedirect?.(current, next, res.status, headersOf(res));
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      redirects.push(next);
      current = next;
    }
  }

  /** Fetches a whole response (the browser's requests): bounded by `maxBytes`, redirects followed. */
  async fetchWhole(url: string, init: Parameters<GuardedHttpClient['open']>[1] & { maxBytes: number }): Promise<FetchedResponse> {
    const { res, url: final } = await this.open(url, init);
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > init.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge(final, init.maxBytes);
    }
    const body = await readBody(res, init.maxBytes, final);
    return { url: final, status: res.status, headers: headersOf(res), body };
  }

  /** Crawlee: a streamed response (the static crawler reads and caps its body itself). */
  async stream(request: HttpRequest, onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    const started = String(request.url);
    const redirectUrls: URL[] = [];
    const { res, url } = await this.open(started, {
      method: request.method,
      headers: request.headers,
      body: typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : undefined,
      signal: request.signal,
      timeoutMs: timeoutOf(request),
      followRedirects: request.followRedirect !== false,
      onRedirect: (from, to, status, headers) => {
        redirectUrls.push(new URL(to));
        onRedirect?.(
          { redirectUrls: [...redirectUrls], url: from, statusCode: status, headers, trailers: {}, complete: true },
          { url: to, headers: request.headers ?? {} },
        );
      },
    });
    const type = mediaType(res);
    const { accept = isCrawlableType, maxBytes } = this.options;
    // Refused before the body is read: a download or an image would otherwise be waited for, whole.
    if (res.status < 400 && accept && type && !accept(type)) {
      await res.body?.cancel().catch(() => undefined);
      throw new PageError('unsupported', `${url} is ${type}, not a page with reviews (HTML, XML feed or JSON); skipped`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (maxBytes && Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    const body = res.body ? Readable.fromWeb(res.body as import('node:stream/web').ReadableStream) : Readable.from([]);
    // Every body is capped while it streams, whoever reads it (Crawlee reads JSON bodies itself).
    const stream = maxBytes ? body.pipe(byteLimit(maxBytes, url)) : body;
    body.on('error', (err) => stream.destroy(err));
    // A body that fails before anyone reads it (the crawl stopped, the server went quiet while the
    // crawler waited for a lease) must not take the process down: its reader gets the error.
    stream.on('error', () => undefined);
    return {
      stream,
      request,
      redirectUrls,
      url,
      statusCode: res.status,
      statusMessage: res.statusText,
      headers: headersOf(res),
      trailers: {},
      complete: true,
      downloadProgress: { percent: 0, transferred: 0 },
      uploadProgress: { percent: 100, transferred: 0 },
    };
  }

  /** Crawlee: a whole response (not used by the crawlers themselves; kept complete for Crawlee's helpers). */
  async sendRequest<T extends keyof ResponseTypes = 'text'>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const streamed = await this.stream(request as HttpRequest);
    const chunks: Buffer[] = [];
    for await (const chunk of streamed.stream) chunks.push(Buffer.from(chunk as Buffer));
    const raw = Buffer.concat(chunks);
    const type = request.responseType ?? 'text';
    const body = (type === 'buffer' ? raw : type === 'json' ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8')) as ResponseTypes[T];
    const { stream: _stream, downloadProgress: _d, uploadProgress: _u, ...rest } = streamed;
    return { ...rest, request, body } as HttpResponse<T>;
  }
}

/** A pass-through that fails with a `too-large` PageError once more than `limit` bytes went through. */
function byteLimit(limit: number, url: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(tooLarge(url, limit));
      else done(null, chunk);
    },
  });
}

function timeoutOf(request: HttpRequest): number | undefined {
  const t = request.timeout as { request?: number } | undefined;
  return t?.request;
}

/** A fetch failure as a kinded error: a refused address stays refused; the rest is the network. */
function networkError(err: unknown, url: string, timeoutMs: number): Error {
  const e = err as { name?: string; cause?: unknown; message?: string };
  if (e.cause instanceof PageError) return e.cause;
  if (err instanceof PageError) return err;
  if (e.name === 'TimeoutError' || (e.cause as { name?: string } | undefined)?.name === 'TimeoutError')
    return new PageError('network', `${url}: no answer in ${Math.round(timeoutMs / 1000)} s`);
  if (e.name === 'AbortError') return e.cause instanceof Error ? e.cause : (err as Error);
  const cause = e.cause as { code?: string; message?: string } | undefined;
  return new PageError(
    'network',
    `${url}: ${cause?.code ?? ''}${cause?.code ? ' ' : ''}${cause?.message ?? e.message ?? String(err)}`.trim(),
  );
}
