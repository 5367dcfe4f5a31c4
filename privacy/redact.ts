/**
 * PII redaction for stored text and quotes: e-mail addresses and phone numbers are replaced by
 * placeholders before anything is stored, so no later stage can leak them.
 */

// Letters of any script, so "josé.garcía@correo.es" goes whole rather than leaving "josé.garcí".
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Spelled out against scrapers: "jane[at]example[dot]com", "jane (at) example (dot) co (dot) uk".
const SPELLED_EMAIL = /[\p{L}\p{N}._%+-]+\s?[[(]\s?at\s?[\])]\s?[\p{L}\p{N}-]+(?:\s?[[(]\s?dot\s?[\])]\s?[\p{L}\p{N}-]+)+/giu;
// GPS coordinates ("40.7128,-74.0060", as phones put in a profile location): where someone is.
const COORDINATES = /(?<![\d.])-?\d{1,2}\.\d{3,},\s?-?\d{1,3}\.\d{3,}(?![\d.])/g;
// A run of digits with the separators phone numbers use (spaces, dots, dashes, en dashes, slashes,
// brackets), perhaps with an extension; checked further below so that prices, dates, years and
// model numbers survive. A comma before it counts as a boundary unless it sits in a number.
const PHONE_CANDIDATE = /(?<![\w/-])(?<!\w\.)(?<!\d,)\+?\(?\d[\d\s()./\u2013-]{5,}\d(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w/-]|[.,]\d)/g;

/** Placeholder that replaces an e-mail address. */
export const EMAIL_PLACEHOLDER = '[email]';
/** Placeholder that replaces a phone number. */
export const PHONE_PLACEHOLDER = '[phone]';
/** Placeholder that replaces GPS coordinates. */
export const LOCATION_PLACEHOLDER = '[location]';
/** Every placeholder redaction leaves in text. */
export const PLACEHOLDERS: readonly string[] = [EMAIL_PLACEHOLDER, PHONE_PLACEHOLDER, LOCATION_PLACEHOLDER];

function looksLikePhone(candidate: string): boolean {
  const number = candidate.trim().replace(/\s?(?:x|ext\.?)\s?\d{1,5}$/, '');
  const digits = number.replace(/\D/g, '');
  // A seven-digit local number is written 555-0147 or 555 0147.
  if (/^\d{3}[-\s.\u2013]\d{4}$/.test(number)) return true;
  if (digits.length < 8 || digits.length > 15) return false;
  // Dates such as 2024-03-12 or 12.03.2024 are not phone numbers.
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(candidate.trim()) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(candidate.trim())) {
    return false;
  }
  // A phone number is written with a leading + or with separators; a bare 8-digit run is more often an id.
  if (/^\d{1,4}\/\d{1,4}$/.test(number)) return false; // a fraction or a size pair
  if (/^(?:19|20)\d{2}\s?[-/\u2013]\s?(?:19|20)\d{2}$/.test(number)) return false; // a span of years
  return number.startsWith('+') || /[\s()./\u2013-]/.test(number) || digits.length >= 10;
}

/** Replaces e-mail addresses and phone numbers in a text. */
export function redactPII(text: string): string {
  return text
    .replace(EMAIL, EMAIL_PLACEHOLDER)
    .replace(SPELLED_EMAIL, EMAIL_PLACEHOLDER)
    .replace(COORDINATES, LOCATION_PLACEHOLDER)
    .replace(PHONE_CANDIDATE, (m) => {
      const lead = m.match(/^\s*/)?.[0] ?? '';
      const trail = m.match(/\s*$/)?.[0] ?? '';
      return looksLikePhone(m) ? `${lead}${PHONE_PLACEHOLDER}${trail}` : m;
    });
}

// Query parameters that carry a phone number by name.
const PHONE_PARAMS = /^(?:tel|phone|telephone|mobile|cell|whatsapp|fax)$/i;

/**
 * A URL without the e-mail addresses in its path, query or fragment and without phone-number
 * parameters. Other digits stay: long numeric ids are what many sites' links are made of.
 */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(EMAIL, EMAIL_PLACEHOLDER);
  }
  let changed = false;
  const clean = (part: string): string => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      decoded = part;
    }
    const out = decoded.replace(EMAIL, EMAIL_PLACEHOLDER);
    if (out === decoded) return part;
    changed = true;
    return encodeURIComponent(out);
  };
  const path = u.pathname.split('/').map(clean).join('/');
  const params = [...u.searchParams].map(([k, v]): [string, string] => {
    if (PHONE_PARAMS.test(k) && /\d/.test(v)) {
      changed = true;
      return [k, PHONE_PLACEHOLDER];
    }
    const out = v.replace(EMAIL, EMAIL_PLACEHOLDER);
    if (out !== v) changed = true;
    return [k, out];
  });
  const hash = u.hash ? clean(u.hash.slice(1)) : '';
  if (!changed) return url;
  u.pathname = path;
  u.search = params.length ? new URLSearchParams(params).toString() : '';
  if (u.hash) u.hash = hash;
  return u.href;
}
