/**
 * Access to the web app. Without tokens the server binds to loopback only and whoever reaches it
 * may do everything. With RADAR_TOKEN (editor) and optionally RADAR_VIEWER_TOKEN (viewer: read and
 * export only), people sign in once and get a session cookie (HttpOnly, SameSite=Strict, signed,
 * 12 hours), scripts send `Authorization: Bearer <token>`. Every write made with a cookie carries a
 * CSRF token tied to the session. Failed sign-ins are answered ever more slowly, per client.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';

/** What a signed-in person may do. */
export type Role = 'viewer' | 'editor';

/** The access settings. */
export interface AccessOptions {
  /** Editor token (RADAR_TOKEN); unset: no sign-in (loopback only). */
  editorToken?: string;
  /** Viewer token (RADAR_VIEWER_TOKEN). */
  viewerToken?: string;
  /** Session lifetime, in seconds (default 12 hours). */
  sessionSeconds?: number;
}

/** Who is asking. */
export interface Viewer {
  /** Their role. */
  role: Role;
  /** How they proved it: a session cookie, a bearer token, or nothing (no tokens configured). */
  via: 'session' | 'bearer' | 'open';
  /** The CSRF token their forms and scripts must send with writes (session and open access). */
  csrf: string;
}

/** Session cookie name. */
export const SESSION_COOKIE = 'radar_session';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** A failed sign-in's wait, in ms: 0.25 s doubling per failure, at most 8 s; past 20 failures in 15 minutes, refused for a while. */
export function signInDelayMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(8_000, 250 * 2 ** (failures - 1));
}

/** The access control of one server. */
export class Access {
  readonly open: boolean;
  private readonly key: Buffer;
  private readonly failures = new Map<string, { count: number; last: number }>();
  private readonly seconds: number;

  constructor(private readonly options: AccessOptions) {
    this.open = !options.editorToken;
    // Sessions are signed with a key derived from the tokens: changing a token signs everyone out.
    this.key = this.open ? randomBytes(32) : digest(`radar-session\u0000${options.editorToken}\u0000${options.viewerToken ?? ''}`);
    this.seconds = options.sessionSeconds ?? 12 * 3600;
  }

  /** The role a token grants, compared in constant time, or undefined. */
  roleOf(token: string | undefined | null): Role | undefined {
    if (!token) return undefined;
    const given = digest(token);
    if (this.options.editorToken && timingSafeEqual(given, digest(this.options.editorToken))) return 'editor';
    if (this.options.viewerToken && timingSafeEqual(given, digest(this.options.viewerToken))) return 'viewer';
    return undefined;
  }

  private sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }

  /** Starts a session: sets the cookie. */
  startSession(c: Context, role: Role): void {
    const value = `${role}.${Math.floor(Date.now() / 1000) + this.seconds}.${randomBytes(9).toString('base64url')}`;
    setCookie(c, SESSION_COOKIE, `${value}.${this.sign(value)}`, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: this.seconds,
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    });
  }

  /** Ends the session. */
  endSession(c: Context): void {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
  }

  /** Who is asking, or undefined when they must sign in. */
  viewerOf(c: Context): Viewer | undefined {
    if (this.open) return { role: 'editor', via: 'open', csrf: this.sign('csrf|open') };
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    if (bearer) {
      const role = this.roleOf(bearer);
      return role ? { role, via: 'bearer', csrf: '' } : undefined;
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) return undefined;
    const cut = cookie.lastIndexOf('.');
    const value = cookie.slice(0, cut);
    const mac = Buffer.from(cookie.slice(cut + 1));
    const expected = Buffer.from(this.sign(value));
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    const [role, exp] = value.split('.');
    if ((role !== 'viewer' && role !== 'editor') || !(Number(exp) > Date.now() / 1000)) return undefined;
    return { role, via: 'session', csrf: this.sign(`csrf|${value}`) };
  }

  /** Whether a write carries the viewer's CSRF token (bearer requests need none: no cookie rides along). */
  csrfOk(viewer: Viewer, sent: string | undefined): boolean {
    if (viewer.via === 'bearer') return true;
    if (!sent) return false;
    const a = Buffer.from(sent);
    const b = Buffer.from(viewer.csrf);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private client(c: Context): string {
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  }

  /**
   * Checks a sign-in token, slowing down a client that keeps failing: each failure waits longer
   * before it is answered, and after 20 failures in 15 minutes the client is refused for a minute.
   */
  async signIn(c: Context, token: string | undefined): Promise<{ role: Role } | { error: string; status: 401 | 429; retryAfter?: number }> {
    const who = this.client(c);
    const now = Date.now();
    const f = this.failures.get(who);
    if (f && now - f.last > 15 * 60_000) this.failures.delete(who);
    const count = this.failures.get(who)?.count ?? 0;
    if (count >= 20 && now - (f?.last ?? 0) < 60_000)
      return { error: 'too many failed sign-ins; wait a minute', status: 429, retryAfter: 60 };
    const role = this.roleOf(token?.trim());
    if (role) {
      this.failures.delete(who);
      return { role };
    }
    const next = { count: count + 1, last: now };
    this.failures.set(who, next);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
    await new Promise((ok) => setTimeout(ok, signInDelayMs(next.count)));
    return { error: 'that token is not valid', status: 401 };
  }
}

/** Context variables the app's handlers read. */
export interface AuthVariables {
  /** Who is asking. */
  viewer: Viewer;
  /** A stricter Content-Security-Policy of this one response (report files), in place of the app's. */
  ownCsp?: string;
}

/** Writes need the editor role; reads any role. */
export function requireEditor(): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    if (c.get('viewer').role !== 'editor') {
      return c.json({ error: 'your role is viewer: you can read and export, not change anything (sign in with the editor token)' }, 403);
    }
    await next();
  };
}
