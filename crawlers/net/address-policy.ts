/**
 * Where a crawl may connect. A page can redirect or link anywhere, and a crawler that follows it
 * blindly reads cloud metadata (169.254.169.254) or the intranet of whoever runs it. So, unless
 * `crawl.allowPrivateNetworks` (or RADAR_ALLOW_PRIVATE_NETWORKS=1) says otherwise:
 * - link-local addresses and cloud metadata endpoints are never reached;
 * - loopback, private, unique-local and shared (CGNAT) addresses are reached only for the hosts the
 *   source itself names (the demo shop, an intranet page a user wrote in radar.yaml or passed to
 *   `radar crawl --url`) — never because a public page redirected or linked there.
 * The check runs on the address actually connected to (see guardedLookup), so a DNS answer that
 * changes between a check and the connection cannot slip through.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PageError } from '../../domain/errors.js';

/** What an address is, as far as reaching it goes. */
export type AddressClass = 'public' | 'private' | 'loopback' | 'link-local' | 'metadata';

// Cloud metadata services outside the link-local range (Alibaba's, AWS's IPv6 one).
const METADATA = new Set(['100.100.100.200', 'fd00:ec2::254']);
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

/** Classifies an IP address (IPv4-mapped IPv6 addresses as the IPv4 address they carry). */
export function classifyAddress(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return 'private';
  const ip = ipaddr.process(address);
  const text = ip.toNormalizedString();
  if (METADATA.has(address) || METADATA.has(text) || METADATA.has(ip.toString())) return 'metadata';
  switch (ip.range()) {
    case 'unicast':
      return 'public';
    case 'loopback':
    case 'unspecified':
      return 'loopback';
    case 'linkLocal':
      return 'link-local';
    default:
      // private, uniqueLocal, carrierGradeNat, reserved, broadcast, multicast, 6to4/teredo relays…
      return 'private';
  }
}

/** Settings of the policy for one crawl. */
export interface AddressPolicyOptions {
  /** Everything may be reached (intranets): `crawl.allowPrivateNetworks`. */
  allowPrivateNetworks: boolean;
  /** Host names the user wrote themselves (a source's URLs): these may be loopback or private. */
  trustedHosts: Iterable<string>;
}

const SETTING = 'crawl.allowPrivateNetworks: true in radar.yaml, or RADAR_ALLOW_PRIVATE_NETWORKS=1';

/** Decides, per connection, whether a host at an address may be reached. */
export class AddressPolicy {
  private readonly trusted: Set<string>;

  /** Creates the policy of one crawl. */
  constructor(readonly options: AddressPolicyOptions) {
    this.trusted = new Set([...options.trustedHosts].map(normalHost));
  }

  /** The policy for a source's crawl: its own URLs' hosts are trusted. */
  static forUrls(urls: string[], allowPrivateNetworks: boolean): AddressPolicy {
    const hosts: string[] = [];
    for (const u of urls) {
      try {
        hosts.push(new URL(u).hostname);
      } catch {
        // An invalid URL fails on its own when fetched.
      }
    }
    return new AddressPolicy({ allowPrivateNetworks, trustedHosts: hosts });
  }

  /** Throws a `refused` PageError when `host` may not be reached at `address`. */
  check(host: string, address: string): void {
    if (this.options.allowPrivateNetworks) return;
    const kind = classifyAddress(address);
    if (kind === 'public') return;
    const name = normalHost(host);
    if (kind === 'link-local' || kind === 'metadata' || METADATA_HOSTS.has(name)) {
      throw new PageError(
        'refused',
        `refused to connect to ${host} (${address}): ${kind === 'metadata' || METADATA_HOSTS.has(name) ? 'a cloud metadata endpoint' : 'a link-local address'}; set ${SETTING} to allow it`,
      );
    }
    if (!this.trusted.has(name)) {
      throw new PageError(
        'refused',
        `refused to connect to ${host} (${address}): a ${kind} address that the source does not name itself (reached through a redirect or a link); set ${SETTING} to allow it`,
      );
    }
  }

  /** Checks a URL whose host is an IP address (no lookup happens for those). Host names are checked when they are looked up. */
  checkUrl(url: string): void {
    const host = normalHost(new URL(url).hostname);
    if (isIP(host)) this.check(host, host);
    else if (METADATA_HOSTS.has(host)) this.check(host, '169.254.169.254');
  }

  /**
   * A `dns.lookup` that checks every address it returns: passed to the HTTP client as its
   * connection lookup, so the address checked is the address connected to.
   */
  readonly lookup = (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      try {
        for (const a of addresses) this.check(hostname, a.address);
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Host names compared without case, brackets or a trailing dot. */
function normalHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * Checks a URL that arrives from the web app or its API (a source or a preview): unless private
 * networks are allowed, it may not point at a loopback, private, link-local or metadata address
 * at all — a signed-in user must not turn the server into a probe of its own network.
 */
export async function checkSubmittedUrl(url: string, allowPrivateNetworks: boolean): Promise<void> {
  if (allowPrivateNetworks) return;
  const host = normalHost(new URL(url).hostname);
  const addresses = isIP(host)
    ? [host]
    : METADATA_HOSTS.has(host)
      ? ['169.254.169.254']
      : (
          await new Promise<LookupAddress[]>((ok, fail) =>
            dnsLookup(host, { all: true }, (err, list) => (err ? fail(err) : ok(list))),
          ).catch(() => [] as LookupAddress[])
        ).map((a) => a.address);
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'public') continue;
    throw new PageError(
      'refused',
      `refused to connect to ${host} (${address}): sources and previews from the web app may not reach a ${kind} address; set ${SETTING} to allow it`,
    );
  }
}
