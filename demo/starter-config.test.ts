import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { starterConfigYaml } from './starter-config.js';

const BASE = 'http://127.0.0.1:4173';

describe('the starter config’s example alert rules', () => {
  it('are commented out unless a receiver is given, and come back valid when uncommented', () => {
    const yaml = starterConfigYaml(BASE);
    const parsed = parseConfig(yaml);
    if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
    expect(parsed.config.alerts.rules).toEqual([]);
    const uncommented = yaml
      .split('\n')
      .map((l) => (/^#(alerts:| {2})/.test(l) ? l.slice(1) : l))
      .join('\n');
    const live = parseConfig(uncommented);
    if ('errors' in live) throw new Error(live.errors.join('\n'));
    expect(live.config.alerts.rules.map((r) => [r.id, r.type])).toEqual([
      ['bad-reviews', 'reviews'],
      ['broken-sources', 'source-health'],
    ]);
  });

  it('post to a loopback receiver when one is given, and to nothing else', () => {
    const parsed = parseConfig(starterConfigYaml(BASE, { alertWebhook: 'http://127.0.0.1:8787/hook' }));
    if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
    expect(parsed.config.alerts.channels).toEqual([{ id: 'local-receiver', type: 'webhook', url: 'http://127.0.0.1:8787/hook' }]);
    expect(parsed.config.alerts.rules.every((r) => r.channels.join() === 'local-receiver')).toBe(true);
    expect(() => starterConfigYaml(BASE, { alertWebhook: 'https://hooks.example.com/in' })).toThrow(/only to a receiver on this machine/);
    expect(() => starterConfigYaml(BASE, { alertWebhook: 'http://127.0.0.1:8787/hook?token=x' })).toThrow(
      /only to a receiver on this machine/,
    );
  });
});
