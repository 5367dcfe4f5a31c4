/**
 * The report as data: what `report.json` holds and every renderer reads. Every number carries
 * the support behind it; every persona claim lists the documents behind it.
 */
import type { Polarity } from '../domain/types.js';

/** One analysed document as the report builder sees it. */
export interface ReportRow {
  /** The document. */
  doc: import('../domain/types.js').RadarDocument;
  /** Its analysis, when analysed. */
  analysis?: import('../domain/types.js').Analysis;
  /** The region of the author's profile location (privacy/generalize.ts regionOf), when a profile states one. */
  region?: string;
}

/** Counts by polarity. */
export interface SentimentCounts {
  /** Positive documents. */
  positive: number;
  /** Neutral documents. */
  neutral: number;
  /** Negative documents. */
  negative: number;
}

/** A phrase and how often it occurs. */
export interface PhraseCount {
  /** The phrase. */
  phrase: string;
  /** Documents containing it with this polarity. */
  count: number;
}

/** An aspect category's standing. */
export interface AspectStanding {
  /** Category (or the term, for uncategorised aspects). */
  aspect: string;
  /** Mentions. */
  mentions: number;
  /** Net sentiment: (positive − negative) / mentions, in [-1, 1]. */
  net: number;
  /** Positive mentions. */
  positive: number;
  /** Negative mentions. */
  negative: number;
}

/** Summary of one brand or product. */
export interface Summary {
  /** Brand or product id. */
  id: string;
  /** Display name. */
  name: string;
  /** Documents. */
  documents: number;
  /** Reviews. */
  reviews: number;
  /** Mentions. */
  mentions: number;
  /** Average rating on a 1–5 scale, when rated documents exist. */
  avgRating?: number;
  /** Documents with a rating. */
  ratingCount: number;
  /** Sentiment distribution of analysed, supported documents. */
  sentiment: SentimentCounts;
  /** Net sentiment (positive − negative) / analysed, in [-1, 1]. */
  net: number;
  /** Phrases most typical of positive documents. */
  topPositive: PhraseCount[];
  /** Phrases most typical of negative documents. */
  topNegative: PhraseCount[];
  /** Aspect categories by volume. */
  aspects: AspectStanding[];
}

/** A brand with its products. */
export interface BrandSummary extends Summary {
  /** Whether it is the user's own brand. */
  own: boolean;
  /** Its products. */
  products: Summary[];
  /** Share of all mentions that name this brand (share of voice). */
  shareOfVoice: number;
}

/** A quote backing a persona claim. */
export interface Quote {
  /** Document id. */
  docId: string;
  /** Quoted text (PII-redacted). */
  text: string;
  /** Where it was found. */
  url: string;
  /** When it was published. */
  publishedAt?: string;
  /** Brand id. */
  brand?: string;
  /** Product id. */
  product?: string;
  /** Rating on a 1–5 scale. */
  rating?: number;
  /** Author display name, only when names are configured to be kept. */
  author?: string;
  /** Why it was picked (the trait it shows). */
  shows: string;
  /** Language the quote is written in (quotes are never translated). */
  lang?: string;
}

/** A share with its support. */
export interface ShareCount {
  /** The value (e.g. "gift", "parent"). */
  value: string;
  /** Members showing it. */
  support: number;
  /** Share of the persona's members. */
  share: number;
}

/** A persona as the report shows it. */
export interface PersonaView {
  /** Stable id within the set. */
  id: string;
  /** Descriptive label. */
  label: string;
  /** One-sentence summary of the segment. */
  summary: string;
  /** Members. */
  size: number;
  /** Share of all reviewers considered (in a persona or not; incentivised, duplicated and unsupported-language documents left out). */
  share: number;
  /** Share of each brand's reviewers in this persona (a reviewer of several brands counts for each). */
  shareByBrand: Record<string, number>;
  /** Members who reviewed each brand (a reviewer of several brands counts for each). */
  membersByBrand: Record<string, number>;
  /** Dominant traits that define it: share of its members showing each (value, with support) against the share of everyone (overall). */
  traits: { trait: string; value: number; overall: number; support?: number }[];
  /** How well the segment survives resampling: mean Jaccard overlap with its match when 10% of the data is left out (0–1). */
  stability?: number;
  /** Aspects they love. */
  loves: AspectStanding[];
  /** Aspects they hate. */
  hates: AspectStanding[];
  /** Purchase motives. */
  motives: ShareCount[];
  /** Share showing price sensitivity. */
  priceSensitivity: ShareCount;
  /** Loyalty and switching signals. */
  loyalty: ShareCount[];
  /** Usage contexts. */
  usage: ShareCount[];
  /** Channels. */
  channels: ShareCount[];
  /** Distribution of every self-disclosed attribute type. */
  attributes: Record<string, ShareCount[]>;
  /** Average rating (1–5) and how many ratings it rests on. */
  avgRating?: { value: number; support: number };
  /** Sentiment of their documents. */
  sentiment: SentimentCounts;
  /** Representative quotes. */
  quotes: Quote[];
  /** Quotes that go against the persona's main attitude. */
  counterEvidence: Quote[];
  /** What it means for marketing: rules derived from its attributes. */
  marketing: { advice: string; because: string }[];
  /** Illustrative card: only facts the data states. */
  card: { ageRange?: string; roles: string[]; goals: string[]; pains: string[]; values: string[]; buying: string[]; channels: string[] };
  /** Every document of its members (the evidence behind its numbers). */
  evidence: string[];
  /** Member keys (pseudonymous author keys or document ids). */
  members: string[];
}

/** Coverage of one source. */
export interface SourceCoverage {
  /** Source id. */
  id: string;
  /** Brand id. */
  brand?: string;
  /** Product id. */
  product?: string;
  /** Documents stored from it. */
  documents: number;
  /** Review count the site states, when known. */
  listed?: number;
  /** Last run's status. */
  status?: string;
  /** Last run's time. */
  lastRun?: string;
  /** Pages fetched / failed / blocked in the last run. */
  pages?: { fetched: number; failed: number; blocked: number; skipped: number };
  /** Marked as showing only top reviews. */
  topReviewsOnly: boolean;
}

/** Change of the personas since the previous report. */
export interface PersonaChange {
  /** Id of the previous persona set, when one exists. */
  previousSetId?: string;
  /** When the previous set was built. */
  previousAt?: string;
  /** Label → change. */
  changes: { label: string; status: 'new' | 'vanished' | 'grown' | 'shrunk' | 'stable'; shareBefore?: number; shareNow?: number }[];
}

/** The whole report. */
export interface ReportData {
  /** Report format version. */
  schemaVersion: 1;
  /** The language headings, labels and rules are written in (`report.language`); quotes stay in their own. */
  language?: import('./i18n/messages.js').ReportLanguage;
  /** Project name. */
  project: string;
  /** When it was generated (ISO 8601). */
  generatedAt: string;
  /** Analyzer version of the analyses used. */
  analyzerVersions: string[];
  /** Persona set id. */
  personaSetId: string;
  /** Totals. */
  totals: {
    documents: number;
    reviews: number;
    mentions: number;
    analysed: number;
    members: number;
    clustered: number;
    excluded: { incentivised: number; duplicate: number; unsupportedLanguage: number };
    languages: Record<string, number>;
  };
  /** Per brand (own first). */
  brands: BrandSummary[];
  /** Brand × aspect net sentiment (the key-driver view). */
  matrix: { aspects: string[]; rows: { brand: string; cells: (AspectStanding | null)[] }[] };
  /** Personas, largest first. */
  personas: PersonaView[];
  /** Personas found only among one brand's customers. */
  exclusivePersonas: { persona: string; brand: string }[];
  /** Change since the previous report. */
  change: PersonaChange;
  /** Activity: documents by hour of day (0–23, UTC) and weekday (0 = Sunday), and by month with net sentiment. */
  activity: { byHour: number[]; byWeekday: number[]; byMonth: { month: string; documents: number; net: number }[] };
  /** Themes (taxonomy categories and discovered aspects/phrases) with volume, net sentiment and emerging flags. */
  themes: import('./themes.js').ThemesView;
  /** Aspect net sentiment by month (top aspects). */
  aspectTrend: { aspect: string; points: { month: string; net: number; mentions: number }[] }[];
  /** Coverage per source. */
  coverage: SourceCoverage[];
  /** Caveats a reader must know. */
  caveats: string[];
}

/** Polarity of a score with a dead zone. */
export function polarityOf(score: number, threshold = 0.05): Polarity {
  return score > threshold ? 'positive' : score < -threshold ? 'negative' : 'neutral';
}
