/** The review domains the analyzers ship an aspect taxonomy for (analyzers/taxonomy/domains.ts). */
export const ASPECT_DOMAIN_IDS = ['restaurants', 'hotels', 'cars', 'electronics', 'apparel'] as const;

/** A built-in aspect domain. */
export type AspectDomainId = (typeof ASPECT_DOMAIN_IDS)[number];
