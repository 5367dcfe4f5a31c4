/**
 * PII redaction for stored text and quotes: e-mail addresses and phone numbers are replaced by
 * placeholders before anything is stored, so no later stage can leak them.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// A run of digits with the separators phone numbers use; checked further below so that prices,
// dates, years and model numbers survive.
const PHONE_CANDIDATE = /(?<![\w.,/-])\+?\(?\d[\d\s().-]{6,}\d(?![\w/-]|[.,]\d)/g;

/** Placeholder that replaces an e-mail address. */
export const EMAIL_PLACEHOLDER = '[email]';
/** Placeholder that replaces a phone number. */
export const PHONE_PLACEHOLDER = '[phone]';

function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  // Dates such as 2024-03-12 or 12.03.2024 are not phone numbers.
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(candidate.trim()) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(candidate.trim())) {
    return false;
  }
  // A phone number is written with a leading + or with separators; a bare 8-digit run is more often an id.
  return candidate.trim().startsWith('+') || /[\s().-]/.test(candidate.trim()) || digits.length >= 10;
}

/** Replaces e-mail addresses and phone numbers in a text. */
export function redactPII(text: string): string {
  return text
    .replace(EMAIL, EMAIL_PLACEHOLDER)
    .replace(PHONE_CANDIDATE, (m) => {
      const lead = m.match(/^\s*/)?.[0] ?? '';
      const trail = m.match(/\s*$/)?.[0] ?? '';
      return looksLikePhone(m) ? `${lead}${PHONE_PLACEHOLDER}${trail}` : m;
    });
}
