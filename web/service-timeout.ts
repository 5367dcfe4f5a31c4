/**
 * Service mode's pages wait for Redis; a page must not wait forever when it is down. Work that
 * needs Redis answers within a few seconds or fails with ServiceDownError, which the app turns into
 * a 503 that names the service (and the next request tries again).
 */

/** A service (Redis) did not answer in time. */
export class ServiceDownError extends Error {
  override name = 'ServiceDownError';
}

/** How long a request waits for Redis. */
export const SERVICE_TIMEOUT_MS = 5_000;

/** `work`, or a ServiceDownError after `ms` (the work itself is left to finish or fail on its own). */
export function answered<T>(work: Promise<T>, what = 'Redis', ms = SERVICE_TIMEOUT_MS): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceDownError(`${what} did not answer within ${ms / 1000} s (is it running?)`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
