import { describe, expect, it } from 'vitest';
import { AddressPolicy, checkSubmittedUrl, classifyAddress } from './address-policy.js';

describe('where a crawl may connect', () => {
  it('classifies addresses, IPv6 and IPv4-mapped ones included', () => {
    expect(classifyAddress('93.184.216.34')).toBe('public');
    expect(classifyAddress('2606:4700::1111')).toBe('public');
    expect(classifyAddress('169.254.169.254')).toBe('link-local');
    expect(classifyAddress('fe80::1')).toBe('link-local');
    expect(classifyAddress('100.100.100.200')).toBe('metadata');
    expect(classifyAddress('fd00:ec2::254')).toBe('metadata');
    expect(classifyAddress('127.0.0.1')).toBe('loopback');
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('loopback');
    expect(classifyAddress('0.0.0.0')).toBe('loopback');
    expect(classifyAddress('10.1.2.3')).toBe('private');
    expect(classifyAddress('192.168.0.10')).toBe('private');
    expect(classifyAddress('fc00::5')).toBe('private');
  });

  it('reaches the loopback and private hosts a source names, never metadata, never other private hosts', () => {
    const policy = AddressPolicy.forUrls(['http://127.0.0.1:4173/products/kettle', 'http://intranet.local/reviews'], false);
    expect(() => policy.check('127.0.0.1', '127.0.0.1')).not.toThrow();
    expect(() => policy.check('intranet.local', '10.0.0.7')).not.toThrow();
    expect(() => policy.check('shop.example', '93.184.216.34')).not.toThrow();
    expect(() => policy.check('localhost', '127.0.0.1')).toThrow(/localhost \(127\.0\.0\.1\).*allowPrivateNetworks/);
    expect(() => policy.check('printer.lan', '192.168.1.20')).toThrow(/private address/);
    expect(() => policy.checkUrl('http://169.254.169.254/latest/meta-data/')).toThrow(/link-local/);
    expect(() => policy.checkUrl('http://metadata.google.internal/computeMetadata/v1/')).toThrow(/metadata/);
    expect(() => policy.checkUrl('http://[fe80::1]/')).toThrow(/link-local/);
    const open = AddressPolicy.forUrls(['http://127.0.0.1/'], true);
    expect(() => open.check('metadata', '169.254.169.254')).not.toThrow();
  });

  it('checks the address a host name resolves to when the connection looks it up', async () => {
    const policy = AddressPolicy.forUrls(['http://127.0.0.1:4173/'], false);
    const looked = await new Promise<Error | null>((ok) => policy.lookup('localhost', {}, (err) => ok(err)));
    expect(looked?.message).toMatch(/refused to connect to localhost/);
    const trusted = AddressPolicy.forUrls(['http://localhost:4173/'], false);
    const fine = await new Promise<string>((ok, fail) =>
      trusted.lookup('localhost', {}, (err, address) => (err ? fail(err) : ok(String(address)))),
    );
    expect(['127.0.0.1', '::1']).toContain(fine);
  });

  it('refuses sources and previews from the web app that point inside the network at all', async () => {
    await expect(checkSubmittedUrl('http://127.0.0.1:4173/products/kettle', false)).rejects.toThrow(/a loopback address/);
    await expect(checkSubmittedUrl('http://localhost/', false)).rejects.toThrow(/refused/);
    await expect(checkSubmittedUrl('http://127.0.0.1:4173/', true)).resolves.toBeUndefined();
  });
});
