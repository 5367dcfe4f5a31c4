/** Types shared by the taxonomy files. */

/** The languages the aspect finder reads. */
export const ASPECT_LANGUAGES = ['en', 'ru', 'zh', 'fa'] as const;

/** A language the aspect finder reads. */
export type AspectLanguage = (typeof ASPECT_LANGUAGES)[number];

/** A category's terms per language. */
export type CategoryTerms = Partial<Record<AspectLanguage, readonly string[]>>;
