/**
 * Service discovery for integration tests. A test that needs Redis, MongoDB or Chromium asks here;
 * without the service it is skipped locally, but under CI=true a missing service is a failure.
 */
import { existsSync } from 'node:fs';

/** True when running under CI, where every service-backed test must run. */
export const inCI = process.env.CI === 'true';

function need(name: string, value: string | undefined, hint: string): string | undefined {
  if (value) return value;
  if (inCI) throw new Error(`${name} is required under CI=true (${hint})`);
  return undefined;
}

/** MongoDB wire-protocol server for tests (RADAR_TEST_MONGODB_URI), e.g. FerretDB started by .ci/run. */
export function testMongoUri(): string | undefined {
  return need('RADAR_TEST_MONGODB_URI', process.env.RADAR_TEST_MONGODB_URI, 'start FerretDB as .ci/run does');
}

/** Redis for tests (RADAR_TEST_REDIS_URL). */
export function testRedisUrl(): string | undefined {
  return need('RADAR_TEST_REDIS_URL', process.env.RADAR_TEST_REDIS_URL, 'start redis-server as .ci/run does');
}

/** Chromium executable for browser tests (RADAR_CHROMIUM_PATH or /usr/bin/chromium). */
export function testChromium(): string | undefined {
  const path = process.env.RADAR_CHROMIUM_PATH ?? '/usr/bin/chromium';
  return need('Chromium', existsSync(path) ? path : undefined, 'apt-get install -y chromium');
}

/** A short random name for per-test databases, queues and folders. */
export function randomName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
