/**
 * The report's message catalogue: every heading, column, note, chart label, persona label word,
 * summary and marketing rule in the reader's language (`report.language`: en, ru, zh, fa). Quotes
 * are never translated: they stay in the language they were written in. Renderers and the persona
 * describer look words up here; the web app can serve the same catalogue (`messagesFor`,
 * `REPORT_LANGUAGES`) so that it follows the same setting.
 */
import { EN } from './en.js';
import { FA } from './fa.js';
import { RU } from './ru.js';
import { ZH } from './zh.js';

/** Languages a report can be written in. */
export const REPORT_LANGUAGES = ['en', 'ru', 'zh', 'fa'] as const;

/** A report language. */
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Words for an aspect category in persona labels: when raised, when loved, when hated. */
export interface AspectWords {
  /** When the segment raises it more than others. */
  care: string;
  /** When the segment loves it (falls back to `care`). */
  love?: string;
  /** When the segment hates it. */
  hate: string;
}

/** Everything a report says, in one language. */
export interface Messages {
  /** The language. */
  lang: ReportLanguage;
  /** BCP 47 locale for Intl number and date formats. */
  locale: string;
  /** Writing direction of the page. */
  dir: 'ltr' | 'rtl';
  /** Separator between items of a list (", " or "、" or "، "). */
  comma: string;
  /** Page chrome. */
  report: {
    /** The page heading. */
    title(project: string): string;
    /** The browser tab's title. */
    docTitle(project: string): string;
    /** The line under the heading (figures already formatted). */
    generated(a: { when: string; documents: string; reviews: string; mentions: string; analysed: string; analyzer: string }): string;
    /** Caveats heading. */
    readWithCare: string;
    /** Languages line label. */
    languages: string;
    /** Footer. */
    footer: string;
  };
  /** Section headings (also the navigation). */
  heading: {
    brands: string;
    keyDrivers: string;
    keyDriversShort: string;
    themes: string;
    personas: string;
    activity: string;
    byHour: string;
    byWeekday: string;
    byMonth: string;
    aspectTrend: string;
    coverage: string;
    /** "Change since the previous report (date)". */
    change(since?: string): string;
  };
  /** Table columns. */
  col: {
    brand: string;
    own: string;
    product: string;
    documents: string;
    reviews: string;
    mentions: string;
    avgRating: string;
    ratings: string;
    netSentiment: string;
    shareOfVoice: string;
    positive: string;
    neutral: string;
    negative: string;
    net: string;
    aspect: string;
    theme: string;
    terms: string;
    share: string;
    netDocuments: string;
    byBrand: string;
    trend: string;
    persona: string;
    change: string;
    before: string;
    now: string;
    source: string;
    brandProduct: string;
    stored: string;
    listed: string;
    pages: string;
    lastRun: string;
    when: string;
    hour: string;
    weekday: string;
    month: string;
  };
  /** Inline tags. */
  tag: { own: string; ownBrand: string; discovered: string; topReviewsOnly: string; yes: string };
  /** Notes under tables and charts. */
  note: {
    shareOfVoice(mentions: string): string;
    keyDrivers: string;
    themesColour: string;
    themesPeriods(a: {
      recentFrom: string;
      recentTo: string;
      recent: string;
      previousFrom: string;
      previousTo: string;
      previous: string;
    }): string;
    themesTooFew: string;
    personas(a: { clustered: string; members: string; incentivised: string; duplicate: string; unsupported: string }): string;
    noPersona: string;
    onlyAtOneBrand: string;
    noAspects: string;
    noAspectsYet: string;
    noQuotes: string;
    topPositive: string;
    topNegative: string;
  };
  /** A persona card. */
  persona: {
    ofReviewers(share: string, size: string): string;
    shareOfEachBrand: string;
    loves: string;
    hates: string;
    motives: string;
    usage: string;
    priceSensitivity: string;
    loyalty: string;
    channels: string;
    avgRating: string;
    ratings(n: string): string;
    sentiment: string;
    illustrativeCard: string;
    statedFactsOnly: string;
    statedAge: string;
    who: string;
    goals: string;
    pains: string;
    values: string;
    buying: string;
    selfDisclosed: string;
    whatTheySay: string;
    counterEvidence: string;
    marketing: string;
    evidence(n: string): string;
    source: string;
  };
  /** Persona change statuses. */
  status: Record<'new' | 'vanished' | 'grown' | 'shrunk' | 'stable', string>;
  /** Theme trends. */
  trend: Record<'emerging' | 'fading' | 'steady', string>;
  /** Sentiment polarities. */
  polarity: Record<'positive' | 'neutral' | 'negative', string>;
  /** Chart titles and tooltip words. */
  chart: {
    sentimentByBrand: string;
    personaShareByBrand: string;
    themes: string;
    brandAspect: string;
    documentsByHour: string;
    documentsByWeekday: string;
    documentsByMonth: string;
    aspectTrend: string;
    /** Tooltip of a bar coloured by net sentiment: "net +0.25". */
    net(n: string): string;
    /** Tooltip of a heatmap cell: "net +0.25 over 12 mentions". */
    netOver(net: string, mentions: string): string;
    noMentions: string;
  };
  /** Names of aspect categories (unknown ones are shown as written). */
  aspects: Record<string, string>;
  /** Names of attribute types. */
  attributeTypes: Record<string, string>;
  /** Names of attribute values (unknown ones are shown as written, dashes as spaces). */
  attributeValues: Record<string, string>;
  /** Persona labels. */
  label: {
    /** Aspect words by category. */
    aspects: Record<string, AspectWords>;
    /** Attitude words by "type=value". */
    attributes: Record<string, string>;
    /** Intent words. */
    intents: Record<string, string>;
    /** Group nouns by attribute value (life stage, role, usage). */
    groups: Record<string, string>;
    /** For an aspect without its own words: raised, hated. */
    focused(aspect: string): string;
    critical(aspect: string): string;
    /** For a motive or usage without its own word. */
    driven(value: string): string;
    /** For a role without its own group noun. */
    roleGroup(role: string): string;
    /** The noun when no group dominates. */
    customers: string;
    /** The label when no trait names the segment. */
    mixed: string;
    /** An adjective and a noun as a label ("Value-seeking parents", "Экономные родители"). */
    compose(adjective: string, noun: string): string;
    /** A group noun alone as a label. */
    alone(noun: string): string;
  };
  /** A persona's one-sentence summary. */
  summary: {
    inPersona(share: string, size: string): string;
    trait(share: string, trait: string, support: string, overall: string): string;
    love(aspects: string[]): string;
    dislike(aspects: string[]): string;
    rate(stars: string): string;
    /** Joins the parts into the sentence. */
    join(parts: string[]): string;
    /** A trait in words, by what it measures. */
    care(what: string): string;
    praise(what: string): string;
    complain(what: string): string;
    write(what: string): string;
    state(what: string): string;
  };
  /** Why a quote was picked. */
  shows: {
    likes(aspect: string): string;
    dislikes(aspect: string): string;
    raises(aspect: string): string;
    attribute(type: string, value: string): string;
    intent(type: string): string;
    overallView: string;
    overallComplaint: string;
  };
  /** Caveats a reader must know (figures already formatted). */
  caveat: {
    notAnalysed(n: string): string;
    noDocuments(brand: string): string;
    fewDocuments(brand: string, n: string): string;
    noMentions: string;
    noDates: string;
    olderBuilder(version: string): string;
    topReviewsOnly(source: string): string;
    blocked(source: string, n: string): string;
    failed(source: string, n: string): string;
    skipped(source: string, n: string): string;
    partlyStored(source: string, stored: string, listed: string): string;
    unsupported(n: string): string;
    noPersona: string;
    /** Features of a source left out of segmenting because reviews in these languages show none. */
    leftOut(source: 'aspects' | 'attributes' | 'intents', languages: string): string;
  };
  /** Marketing rules: advice, and what each rests on. */
  marketing: {
    value: string;
    deal: string;
    fixService(aspect: string): string;
    gift: string;
    parents: string;
    newcomers: string;
    craft(aspect: string): string;
    returns: string;
    switchers: string;
    loyalty: string;
    upsell: string;
    channel(channel: string): string;
    productFix(aspect: string): string;
    /** "45% (12) state price sensitivity". */
    stated(share: string, support: string, what: string): string;
    /** "price net sentiment -0.40 over 12 mentions". */
    net(aspect: string, net: string, mentions: string): string;
    statePrice: string;
    boughtOnSale: string;
    boughtAsGift: string;
    areParents: string;
    areStudents: string;
    areNew: string;
    sendingBack: string;
    switched: string;
    recommend: string;
    buyRepeatedly: string;
    willBuyAgain: string;
    payMore: string;
    buyVia(channel: string): string;
  };
}

const CATALOGUES: Record<ReportLanguage, Messages> = { en: EN, ru: RU, zh: ZH, fa: FA };

/** The catalogue of a report language (English for anything else). */
export function messagesFor(lang: string | undefined): Messages {
  return CATALOGUES[(lang ?? 'en') as ReportLanguage] ?? EN;
}

/** An aspect category's name in the catalogue's language. */
export function aspectName(m: Messages, key: string): string {
  return m.aspects[key] ?? key.replace(/-/g, ' ');
}

/** An attribute value's name in the catalogue's language. */
export function attributeValueName(m: Messages, value: string): string {
  return m.attributeValues[value] ?? value.replace(/-/g, ' ');
}

/** An attribute type's name in the catalogue's language. */
export function attributeTypeName(m: Messages, type: string): string {
  return m.attributeTypes[type] ?? type.replace(/-/g, ' ');
}
