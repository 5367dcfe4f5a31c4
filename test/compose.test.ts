import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../cli/program.js';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  image?: string;
  build?: unknown;
}

// The compose file is what a user copies to run service mode; it must name real commands and
// options, and give every radar service the addresses of the shared Redis and MongoDB.
const compose = parse(readFileSync('compose.yaml', 'utf8'), { merge: true }) as { services: Record<string, Service> };

describe('compose.yaml', () => {
  it('runs MongoDB, Redis, workers, a schedule sync and the dashboard', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['mongo', 'redis', 'schedule', 'serve', 'worker']);
  });

  it('starts only radar commands and options that exist', () => {
    for (const name of ['schedule', 'worker', 'serve']) {
      const [command, ...rest] = compose.services[name]!.command!;
      const spec = COMMANDS.find((c) => c.name === command);
      expect(spec, `${name}: radar ${command}`).toBeDefined();
      const flags = (spec!.options ?? []).flatMap((o) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith('--')));
      for (const arg of rest.filter((a) => a.startsWith('--'))) expect(flags, `${name}: ${arg}`).toContain(arg);
    }
  });

  it('points every radar service at the shared Redis and MongoDB, with one author salt, and puts the dashboard behind a token', () => {
    for (const name of ['schedule', 'worker', 'serve']) {
      const env = compose.services[name]!.environment!;
      expect(env.RADAR_REDIS_URL).toBe('redis://redis:6379');
      expect(env.RADAR_MONGODB_URI).toMatch(/^mongodb:\/\/mongo:27017/);
      expect(env.RADAR_AUTHOR_SALT).toMatch(/RADAR_AUTHOR_SALT/);
    }
    expect(compose.services.serve!.environment!.RADAR_TOKEN).toMatch(/\$\{RADAR_TOKEN:\?/);
  });
});
