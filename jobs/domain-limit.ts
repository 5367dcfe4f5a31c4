/**
 * Per-domain politeness shared by every worker process on every machine. BullMQ's open-source
 * edition has no group limits, so each host gets a small lease set in Redis: a fetch takes a
 * lease (at most `perHost` at once across all workers, and at least `gapMs` between two starts),
 * holds it until the response, and gives it back. Leases expire after `leaseMs`, so a worker
 * killed mid-fetch never blocks a host for longer than that.
 *
 * Time comes from Redis (`TIME`), not from the workers' clocks, which may disagree across machines.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { stageLogger } from '../log/logger.js';

/** Settings of the shared limit. */
export interface DomainLimitOptions {
  /** Key prefix (the configured queue prefix: limits hold across projects on one Redis). */
  prefix: string;
  /** Most fetches in flight to one host across all workers (crawl.perDomainConcurrency). */
  perHost: number;
  /** Least time between two fetch starts on one host, in ms (crawl.delayMs). */
  gapMs: number;
  /** How long a lease lives if its holder never returns it (a crashed worker), in ms. */
  leaseMs: number;
  /** Longest wait for a lease before giving up with an error (the page is then retried), in ms. */
  maxWaitMs?: number;
  /** Logger. */
  log?: Logger;
}

// KEYS[1] leases of the host (sorted set: lease id → expiry), KEYS[2] earliest next start.
// ARGV: lease id, perHost, leaseMs, gapMs. Returns 0 when the lease was taken, else a wait hint in ms.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local perHost = tonumber(ARGV[2])
local leaseMs = tonumber(ARGV[3])
local gapMs = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then return nextAt - now end
if redis.call('ZCARD', KEYS[1]) >= perHost then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local hint = tonumber(first[2]) - now
  if hint > 50 then hint = 50 end
  if hint < 1 then hint = 1 end
  return hint
end
redis.call('ZADD', KEYS[1], now + leaseMs, ARGV[1])
redis.call('PEXPIRE', KEYS[1], leaseMs)
if gapMs > 0 then redis.call('SET', KEYS[2], now + gapMs, 'PX', gapMs) end
return 0
`;

/** Returns a lease. */
export type ReleaseLease = () => Promise<void>;

/** A Redis-backed per-host limit shared by every process using the same Redis and prefix. */
export class DomainLimit {
  private readonly log: Logger;

  /** Creates the limit on a connection (which the caller owns and closes). */
  constructor(
    private readonly redis: Redis,
    private readonly options: DomainLimitOptions,
  ) {
    this.log = options.log ?? stageLogger('politeness');
  }

  /** The Redis key of a host's leases. */
  keyOf(host: string): string {
    return `${this.options.prefix}:domain:${host.toLowerCase()}`;
  }

  /** Waits for a lease on the URL's host; resolves to the function that gives it back. */
  async acquire(url: string): Promise<ReleaseLease> {
    const host = new URL(url).host;
    const key = this.keyOf(host);
    const id = `${process.pid}-${randomBytes(6).toString('hex')}`;
    const started = Date.now();
    const maxWait = this.options.maxWaitMs ?? 120_000;
    let logged = false;
    for (;;) {
      const wait = Number(
        await this.redis.eval(ACQUIRE, 2, key, `${key}:next`, id, this.options.perHost, this.options.leaseMs, this.options.gapMs),
      );
      if (wait === 0) break;
      if (Date.now() - started > maxWait) {
        throw new Error(
          `waited ${Math.round(maxWait / 1000)} s for a politeness slot on ${host} (other workers hold all ${this.options.perHost}); will retry`,
        );
      }
      if (!logged && Date.now() - started > 5_000) {
        this.log.debug({ host }, 'waiting for a politeness slot held by other workers');
        logged = true;
      }
      // Jitter keeps waiting workers from polling in lock step.
      await new Promise((ok) => setTimeout(ok, wait + Math.random() * 20));
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await this.redis
        .zrem(key, id)
        .catch((err: Error) => this.log.debug({ host, err: err.message }, 'could not return a lease; it expires on its own'));
    };
  }

  /** Leases currently held on a host (for tests and the dashboard). */
  async held(host: string): Promise<number> {
    const key = this.keyOf(host);
    const [seconds, micros] = await this.redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    return this.redis.zcount(key, now, '+inf');
  }
}

/** The limit a project's crawl settings ask for. */
export function domainLimitOptions(
  prefix: string,
  crawl: { perDomainConcurrency: number; delayMs: number; timeoutSecs: number },
): DomainLimitOptions {
  return {
    prefix,
    perHost: crawl.perDomainConcurrency,
    gapMs: crawl.delayMs,
    // A lease outlives the slowest fetch the crawler allows, so it never expires under a live fetch.
    leaseMs: Math.ceil(crawl.timeoutSecs * 1000) + 10_000,
  };
}
