/**
 * What makes the server safe to expose: it answers only for the host names it serves (DNS
 * rebinding), refuses malformed percent-encoding with 400, and sends security headers — a CSP
 * without inline scripts, no framing, no referrer — on every response, errors included.
 */
import { networkInterfaces, hostname } from 'node:os';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The security headers of every response. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/** The host name of a Host header ("[::1]:4175" → "::1"), lower case. */
export function hostOf(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  return h.replace(/:\d+$/, '').replace(/\.$/, '');
}

const LOOPBACK_NAMES = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1']);

/** Whether a host name is this machine's loopback. */
export function isLoopbackName(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The host names the server answers for: loopback names always; the bound address; on a wildcard
 * address this machine's name and interface addresses; and every name in `extra`
 * (RADAR_ALLOWED_HOSTS — a reverse proxy's public name; ".example.com" allows its subdomains).
 */
export function hostPolicy(bound: string, extra: string[]): (host: string) => boolean {
  const names = new Set<string>([hostOf(bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound)]);
  if (bound === '0.0.0.0' || bound === '::') {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address.toLowerCase());
  }
  const suffixes: string[] = [];
  for (const e of extra.map((x) => x.trim().toLowerCase()).filter(Boolean)) {
    if (e.startsWith('.')) suffixes.push(e);
    else names.add(hostOf(e));
  }
  return (host) => isLoopbackName(host) || names.has(host) || suffixes.some((s) => host.endsWith(s));
}

/** Refuses requests for host names the server does not answer for (a DNS rebinding attack names the attacker's). */
export function checkHost(allowed: (host: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host');
    if (!header || !allowed(hostOf(header))) {
      return c.json(
        {
          error: `this server does not answer for the host "${header ?? ''}"; open it by an address it serves, or add the name to RADAR_ALLOWED_HOSTS`,
        },
        421,
      );
    }
    await next();
  };
}

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** A path or cookie with malformed percent-encoding ("%E0%A4%A", "%zz") is the client's mistake: 400. */
export function checkEncoding(): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw.url;
    const path = raw.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
    if (!decodes(path))
      return c.json({ error: 'the address has malformed percent-encoding (a "%" not followed by two hex digits of UTF-8)' }, 400);
    const query = raw.includes('?') ? raw.slice(raw.indexOf('?') + 1).split('#')[0]! : '';
    if (query && !query.split('&').every((p) => decodes(p.replace(/\+/g, ' '))))
      return c.json({ error: 'the query string has malformed percent-encoding' }, 400);
    const cookie = c.req.header('cookie');
    if (cookie && !cookie.split(';').every((p) => decodes(p.slice(p.indexOf('=') + 1).trim())))
      return c.json({ error: 'a cookie has malformed percent-encoding; clear this site’s cookies and sign in again' }, 400);
    await next();
  };
}

/** A local path to go back to after sign-in: never another site ("//evil", "/\\evil", "https://…" become "/"). */
export function safeLocalPath(target: string | undefined | null): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\\]/.test(target)) return '/';
  try {
    const u = new URL(target, 'http://local.invalid');
    return u.origin === 'http://local.invalid' ? `${u.pathname}${u.search}` : '/';
  } catch {
    return '/';
  }
}
