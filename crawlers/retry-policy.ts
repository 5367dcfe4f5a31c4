/**
 * When a page is tried again, and how long to wait first. A page's error carries a kind (set where
 * it happens: an HTTP status, the size cap, a block page); errors from the HTTP client or the
 * browser are given one from their class or error code, never from their message text.
 */
import { NonRetryableError } from '@crawlee/core';
import { type ErrorKind, errorKind, isRetryableKind, PageError } from '../domain/errors.js';

/** Longest wait a Retry-After header may impose before a retry, in ms. */
const MAX_RETRY_AFTER_MS = 120_000;

// Statuses a later attempt may well get past: timeouts, rate limits, server errors.
const TRANSIENT_HTTP = new Set([408, 425, 429, 500, 502, 503, 504]);

// Socket and DNS error codes of Node and of got (the static crawler's HTTP client).
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'ERR_GOT_REQUEST_ERROR',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The error an HTTP status stands for, or none for a page that arrived. */
export function statusError(status: number): PageError | undefined {
  if (status < 400) return undefined;
  return new PageError(TRANSIENT_HTTP.has(status) || status >= 500 ? 'http-retry' : 'http-4xx', `HTTP ${status}`);
}

/** The kind of an error met while fetching a page. */
export function pageErrorKind(err: unknown): ErrorKind {
  const own = errorKind(err);
  if (own !== 'unknown') return own;
  const e = err as { name?: string; code?: string; cause?: { code?: string } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  if (code && NETWORK_CODES.has(code)) return 'network';
  // Timeouts of Crawlee (@apify/timeout), got and Playwright.
  if (e?.name === 'TimeoutError') return 'network';
  if (code === 'ERR_TOO_MANY_REDIRECTS' || e?.name === 'MaxRedirectsError') return 'http-4xx';
  if (err instanceof NonRetryableError) return 'http-4xx';
  return 'unknown';
}

/** Whether a page that failed with this error is worth fetching again. */
export function shouldRetryPage(err: unknown): boolean {
  return isRetryableKind(pageErrorKind(err));
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), if any. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How long to wait before retry number `retry` (1-based): exponential backoff with jitter, or what the server asked. */
export function backoffMs(retry: number, retryAfter?: number): number {
  const exp = Math.min(30_000, 500 * 2 ** (retry - 1));
  const jittered = exp / 2 + Math.random() * (exp / 2);
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(jittered, retryAfter ?? 0));
}
