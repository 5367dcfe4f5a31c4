/**
 * Review Radar's own emoji valences (project licence), on VADER's [-4, 4] scale, for the emoji that
 * reviewers and social posts use to carry a verdict. Emoticons (":)", ":-(") come from VADER.
 * Variation selectors and skin tones are stripped before lookup.
 */

/** Emoji → valence. Language-independent: also used for ru, zh, fa and de texts. */
export const EMOJI_VALENCE: Record<string, number> = {
  '😀': 2.0, '😃': 2.0, '😄': 2.2, '😁': 2.0, '😆': 1.8, '😊': 2.2, '🙂': 1.2, '😍': 3.0, '🥰': 3.0, '😘': 2.2, '☺': 2.0,
  '😋': 2.2, '😎': 1.8, '🤩': 3.0, '👍': 2.2, '👌': 2.0, '👏': 2.2, '🙌': 2.2, '💯': 2.5, '❤': 2.8, '💕': 2.5, '💖': 2.8,
  '💗': 2.5, '💓': 2.5, '💞': 2.5, '💘': 2.5, '♥': 2.5, '💙': 2.2, '💚': 2.2, '💜': 2.2, '🧡': 2.2, '💛': 2.2, '🔥': 1.8,
  '⭐': 1.8, '🌟': 2.0, '✨': 1.2, '🎉': 1.8, '🥳': 2.2, '😻': 2.5, '💪': 1.5, '🙏': 1.2, '😂': 1.0, '🤣': 1.0, '😅': 0.3,
  '😉': 1.2, '😇': 1.8, '🤗': 1.8, '😌': 1.2, '🥹': 1.5, '✅': 1.2, '🏆': 2.0, '🥇': 2.0, '😺': 1.5, '😸': 1.8, '🤤': 1.5,
  '👎': -2.5, '😞': -1.8, '😔': -1.6, '😟': -1.5, '😕': -1.3, '🙁': -1.5, '☹': -1.8, '😢': -2.0, '😭': -1.6, '😡': -2.8,
  '😠': -2.5, '🤬': -3.0, '😤': -1.5, '🤮': -2.8, '🤢': -2.5, '💩': -2.2, '😩': -1.8, '😫': -1.8, '😒': -1.6, '🙄': -1.6,
  '😑': -0.6, '😐': -0.5, '💔': -2.2, '😱': -1.2, '😬': -1.0, '🤦': -1.8, '🤔': -0.3, '❌': -1.5, '🚫': -1.5, '⚠': -1.0,
  '😖': -1.8, '😣': -1.5, '😓': -1.2, '😰': -1.5, '😨': -1.5, '🙃': -0.5, '🤡': -1.5, '🗑': -2.0, '😿': -1.8, '😾': -2.0,
  '🥴': -1.0, '😪': -0.8, '🥱': -1.0, '😵': -1.0, '😶': -0.3, '🤥': -1.8, '🤨': -0.8,
};

/** The base emoji of a sequence (skin tones, variation selectors and joined parts dropped). */
export function baseEmoji(emoji: string): string {
  return String.fromCodePoint(emoji.codePointAt(0) ?? 0);
}
