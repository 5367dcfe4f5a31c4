/**
 * Types of the demo shop's ground truth. Tests compare what the crawler and analyzers find on the
 * shop with these records, so every field is something a page shows or a label a reader could check.
 */

/** The attitudinal groups the demo reviews are written to express. */
export type Attitude = 'value' | 'quality' | 'support' | 'gift' | 'household' | 'newcomer';

/** How a product page presents its reviews — each brand's pages differ, as real shops do. */
export type ReviewFormat = 'json-ld' | 'cards' | 'comments' | 'script';

/** Product category; it decides which product details reviews talk about. */
export type Category = 'kettle' | 'grinder' | 'espresso' | 'frother';

/** Languages the demo content is written in. */
export type Lang = 'en' | 'de' | 'ru';

/** A brand sold in the shop. */
export interface DemoBrand {
  /** Id, also used in the starter config. */
  id: string;
  /** Display name. */
  name: string;
  /** true for the brand the demo user "owns". */
  own: boolean;
  /** Other names customers use for it. */
  aliases: string[];
  /** Short line shown on the home page. */
  tagline: string;
}

/** A product with its page. */
export interface DemoProduct {
  /** Id, the last segment of `/products/{id}`. */
  id: string;
  /** Brand id. */
  brandId: string;
  /** Full display name. */
  name: string;
  /** Short name reviewers use ("Mill Pro"). */
  short: string;
  /** Other names for it, used to link mentions. */
  aliases: string[];
  /** Category. */
  category: Category;
  /** Price in euros. */
  price: number;
  /** How the product page shows its reviews. */
  format: ReviewFormat;
  /** One-paragraph description on the product page. */
  description: string;
}

/** Where a reviewer says they live. */
export interface DemoLocation {
  /** City. */
  city: string;
  /** Country. */
  country: string;
}

/** A reviewer with a profile page. */
export interface DemoReviewer {
  /** Id, the last segment of `/reviewers/{id}`. */
  id: string;
  /** Display name. */
  name: string;
  /** Location shown on the profile. */
  location: DemoLocation;
  /** Date the account was created (YYYY-MM-DD); the profile shows month and year. */
  memberSince: string;
  /** Language the reviewer writes in. */
  lang: Lang;
  /** Attitudes the reviewer's texts lean towards, strongest first (ground truth for personas). */
  attitudes: Attitude[];
}

/** Something a reviewer says about themselves in a review. */
export interface Disclosure {
  /** Attribute type: age, life-stage, role, channel, loyalty. */
  type: string;
  /** Normalised value, e.g. "34", "parent", "student", "online", "switched". */
  value: string;
}

/** One review as the shop publishes it. */
export interface DemoReview {
  /** Id, unique in the shop; pages expose it as the block id. */
  id: string;
  /** Product id (of the scale-1 product). */
  productId: string;
  /** Brand id of the product. */
  brandId: string;
  /** Reviewer id. */
  reviewerId: string;
  /** Star rating, 1–5. */
  rating: number;
  /** Review title. */
  title: string;
  /** Review text, 1–6 sentences. */
  body: string;
  /** When it was published (ISO 8601, UTC). */
  datePublished: string;
  /** Language of title and body. */
  lang: Lang;
  /** Attitudes the text expresses (ground truth). */
  attitudes: Attitude[];
  /** Attributes the reviewer discloses in this text. */
  disclosures: Disclosure[];
  /** Ids of brands other than the product's that the text names. */
  brandsNamed: string[];
  /** The reviewer says they got the product free in exchange for the review. */
  incentivized: boolean;
  /** The text holds an e-mail address or phone number (for PII redaction). */
  containsPII: boolean;
}

/** A social-style post in the shop's feed. */
export interface DemoMention {
  /** Id, the last segment of `/mentions/{id}`. */
  id: string;
  /** Author handle. */
  author: string;
  /** The post. */
  text: string;
  /** When it was posted (ISO 8601, UTC). */
  publishedAt: string;
  /** Language of the post. */
  lang: Lang;
  /** Brand ids the post names directly or through one of their products. */
  brands: string[];
  /** Product ids the post names. */
  products: string[];
}

/** The whole demo shop's content. */
export interface DemoCatalog {
  /** Brands, own brand first. */
  brands: DemoBrand[];
  /** Products, grouped by brand. */
  products: DemoProduct[];
  /** Reviewers. */
  reviewers: DemoReviewer[];
  /** Reviews, oldest first. */
  reviews: DemoReview[];
  /** Feed posts, oldest first. */
  mentions: DemoMention[];
  /** Reviews per page on product and review pages. */
  reviewsPerPage: number;
}
