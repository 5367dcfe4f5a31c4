/**
 * Pseudonymous reviewer keys: an HMAC of the site and the reviewer's identity (profile URL or
 * name) under a secret salt. The same reviewer gets the same key on every run; nobody without the
 * salt can turn a key back into a name.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** Length of an author key in hex characters (80 bits). */
const KEY_HEX = 20;

/** The pseudonymous key of a reviewer on a site. */
export function authorKey(salt: string, site: string, identity: string): string {
  const normalised = identity.trim().toLowerCase().replace(/\s+/g, ' ');
  return createHmac('sha256', salt).update(`${site.toLowerCase()}\u0000${normalised}`).digest('hex').slice(0, KEY_HEX);
}

/** A fresh random salt, for installations that configure none (it is then kept in the store). */
export function newSalt(): string {
  return randomBytes(24).toString('base64url');
}
