/**
 * The intents stage: what the writer is doing in each sentence — praising or complaining (from the
 * sentence's sentiment, plus complaint cues that need no opinion word), asking, suggesting, or
 * comparing (with the configured brand named as the target). It also sets the `incentivised`
 * signal when the writer discloses a free or discounted product given for the review; `duplicate`
 * is the storage layer's to set and stays false here. English cues are below; Russian, Chinese and
 * Persian cues are in intent-cues.ts.
 */
import type { Intent, IntentType, Signals } from '../../domain/types.js';
import type { AnalysisRecord, Sentence, Stage } from '../record.js';
import { cueIn, INTENT_CUES, type IntentCues } from './intent-cues.js';

/** A brand that comparison intents may target. */
export interface Competitor {
  /** Brand id. */
  id: string;
  /** Names and aliases it is written as. */
  names: string[];
}

/** Sentence scores at or beyond this count as praise or complaint. */
const INTENT_SCORE = 0.25;
/** An opinion this strong (on the [-4, 4] scale) counts on its own in a mixed sentence. */
const MIXED_OPINION = 1.5;

const QUESTION_CUES =
  /\b(?:does anyone know|does anybody know|can anyone|can someone|anyone know|i wonder(?:ed)? (?:if|whether|how|why)|i'm wondering|i am wondering|any (?:idea|ideas|tips|suggestions)\b[^.!]*\?)/i;
const SUGGESTION_CUES = new RegExp(
  [
    String.raw`\b(?:they|manufacturers?|the company|the maker|makers|the brand|designers?|[A-Z][\w&'-]+)\s+(?:should|could|need to|needs to|ought to)\s+(?:really\s+)?(?:add|make|include|offer|fix|improve|consider|change|put|use|give|provide|bring|have|sell|redesign|update|lower)\b`,
    String.raw`\b(?:it|this|the \w+)\s+(?:would|could)\s+be\s+(?:so\s+much\s+|much\s+|even\s+|a\s+lot\s+)?(?:nice|great|better|perfect|helpful|useful|ideal|awesome)\s+if\b`,
    String.raw`\b(?:i|we)\s+wish\s+(?:it|they|this|there|the)\b`,
    String.raw`\bif only\s+(?:it|they|this|the)\b`,
    String.raw`\bplease\s+(?:add|make|bring|include|fix|offer|consider|improve|update|release|stop)\b`,
    String.raw`\b(?:i'd|i would|we'd|we would)\s+love\s+to\s+see\b`,
    String.raw`\b(?:hope|hoping)\s+(?:they|the company|the maker|you)\s+(?:will\s+)?(?:add|fix|make|bring|improve|release|offer)\b`,
    String.raw`\b(?:my only|one) suggestion\b|\bsuggestion:|\bi (?:would )?suggest (?:that )?(?:they|the company|adding|making|including)\b`,
    String.raw`\bneeds? (?:a|an|more|better)\s+\w+(?:\s+\w+)?\s+(?:option|setting|feature|size|sizes|color|colors|colours)\b`,
  ].join('|'),
  'i',
);
const COMPARISON_CUES =
  /\b(?:better|worse|cheaper|pricier|faster|slower|quieter|louder|nicer|easier|harder|bigger|smaller|lighter|heavier|stronger|weaker|sturdier|softer|superior|inferior|more\s+\w+|less\s+\w+)\s+(?:[\w'-]+\s+){0,2}?than\b|\bcompared\s+(?:to|with)\b|\bin\s+comparison\b|\b(?:vs\.?|versus)\s|\bunlike\s|\bsimilar\s+to\b|\bnot\s+as\s+\w+\s+as\b|\bas\s+(?:good|well|nice|bad|cheap|sturdy|fast|quiet)\s+as\b|\binstead\s+of\b|\brather\s+than\b|\bswitched\s+(?:from|to)\b|\bupgraded?\s+from\b|\bprefer(?:red)?\s+(?:it|this|these|them)?\s*(?:to|over)\b|\b(?:beats|outperforms|blows\s+away)\b/i;
const COMPLAINT_CUES =
  /\b(?:returned\s+(?:it|this|them)|returning\s+(?:it|this|them)|sent\s+(?:it|them)\s+back|refund|stopped\s+working|doesn't\s+work|does\s+not\s+work|didn't\s+work|did\s+not\s+work|won't\s+(?:turn\s+on|charge|connect|work)|broke\s+(?:after|within|in)|fell\s+apart|never\s+(?:arrived|received|came)|wrong\s+(?:item|size|order)|missing\s+(?:parts?|pieces?)|customer\s+service\s+(?:never|didn't|did\s+not|won't|refused))\b/i;
const INCENTIVE_HASHTAG = /(?:^|\s)#(?:ad|sponsored|gifted|partner|spon|freebie)\b/i;
const INCENTIVE_EXCHANGE =
  /\bin\s+exchange\s+for\s+(?:my|an|a|this)?\s*(?:honest|unbiased|fair|truthful|candid)?\s*(?:review|opinion|feedback|evaluation)\b|\b(?:amazon\s+)?vine\s+(?:voice|program|customer|member|review)\b|\bfor\s+(?:the\s+)?purpose\s+of\s+(?:this\s+)?review(?:ing)?\b/i;
const INCENTIVE_GIVEN =
  /\b(?:received|got|was\s+given|were\s+given|was\s+sent|were\s+sent|was\s+provided|were\s+provided|was\s+gifted|were\s+gifted|obtained)\b/i;
const INCENTIVE_FREE =
  /\b(?:free|for\s+free|free\s+of\s+charge|at\s+no\s+(?:cost|charge)|at\s+a\s+(?:discount|discounted\s+price|reduced\s+price)|discounted|complimentary|(?:a|the)\s+sample)\b/i;
const INCENTIVE_REVIEW =
  /\b(?:review|reviewing|test|testing|evaluation|evaluate|try\s+(?:it\s+)?out|my\s+(?:honest\s+)?opinion|feedback)\b/i;

/** Whether a text discloses a free or discounted product given for the review. */
export function isIncentivised(sentences: readonly { text: string }[]): boolean {
  return sentences.some(
    ({ text }) =>
      INCENTIVE_HASHTAG.test(text) ||
      INCENTIVE_EXCHANGE.test(text) ||
      (INCENTIVE_GIVEN.test(text) && INCENTIVE_FREE.test(text) && INCENTIVE_REVIEW.test(text)),
  );
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A brand's matchers: whole words, and anywhere for scripts written without spaces (Chinese, Japanese). */
interface BrandMatcher {
  id: string;
  re: RegExp;
  anywhere: RegExp;
}

/** Compiles brand names into one matcher per brand (whole words, case-insensitive). */
function compileCompetitors(competitors: readonly Competitor[]): BrandMatcher[] {
  return competitors
    .filter((c) => c.names.some((n) => n.trim()))
    .map((c) => {
      const names = c.names
        .filter((n) => n.trim())
        .map((n) => escapeRe(n.trim()))
        .join('|');
      return {
        id: c.id,
        re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names})(?![\\p{L}\\p{N}])`, 'iu'),
        anywhere: new RegExp(`(?:${names})`, 'iu'),
      };
    });
}

function isQuestion(s: Sentence, cues?: IntentCues, norm?: string): boolean {
  return (
    /[?？؟]\s*["')\]»”]*\s*$/.test(s.text) || (cues ? cueIn(cues.question, norm ?? cues.normalise(s.text)) : QUESTION_CUES.test(s.text))
  );
}

/** Finds the intents of a record's sentences. */
export function findIntents(record: AnalysisRecord, brands: BrandMatcher[]): Intent[] {
  const out: Intent[] = [];
  const english = record.lang === 'en';
  const cues = english ? undefined : INTENT_CUES[record.lang ?? ''];
  const spaceless = record.lang === 'zh' || record.lang === 'ja';
  for (const s of record.sentences ?? []) {
    const norm = cues?.normalise(s.text);
    const add = (type: IntentType, target?: string) => {
      const intent: Intent = { type, start: s.start, end: s.end };
      if (target) intent.target = target;
      out.push(intent);
    };
    const question = isQuestion(s, cues, norm);
    if (question) add('question');
    const score = s.sentiment?.score ?? 0;
    // A sentence can praise one thing and complain about another ("great price but rude staff").
    const opinions = s.opinions ?? [];
    const strongPraise = opinions.some((o) => o.local >= MIXED_OPINION);
    const strongComplaint = opinions.some((o) => o.local <= -MIXED_OPINION);
    const mixed = strongPraise && strongComplaint;
    const suggestion = english ? SUGGESTION_CUES.test(s.text) : !!cues && cueIn(cues.suggestion, norm!);
    // A disclosure ("received it free for my honest review") is no verdict on the product.
    const disclosure = english ? isIncentivised([s]) : !!cues && cueIn(cues.incentive, norm!);
    // A suggestion is worded hopefully ("I'd love to see…", "it would be nice if…"): it is not
    // praise, and it is a complaint only when it says so outright.
    const complaintCue = english ? COMPLAINT_CUES.test(s.text) : !!cues && cueIn(cues.complaint, norm!);
    // Outside English a complaint cue ("пока не сломался насос", "等了一个小时") outweighs the mild
    // praise words around it ("было хорошо", "办好"), unless the sentence also praises outright.
    const cueOverrules = !english && complaintCue && !strongPraise;
    if (!question && !suggestion && !disclosure && !cueOverrules && (score >= INTENT_SCORE || mixed)) add('praise');
    if ((!suggestion && !disclosure && score <= -INTENT_SCORE) || mixed || (strongComplaint && suggestion) || complaintCue)
      add('complaint');
    if (suggestion) add('suggestion');
    if (english ? COMPARISON_CUES.test(s.text) : cues && cueIn(cues.comparison, norm!)) {
      const named = brands.find((b) => (spaceless ? b.anywhere : b.re).test(s.text));
      add('comparison', named?.id);
    }
  }
  return out;
}

/** The intents stage: writes `intents` and `signals`. */
export function intentsStage(competitors: readonly Competitor[]): Stage {
  const brands = compileCompetitors(competitors);
  return {
    name: 'intents',
    reads: ['lang', 'supported', 'sentences', 'sentiment'],
    writes: ['intents', 'signals'],
    run(record: AnalysisRecord): void {
      const sentences = record.sentences ?? [];
      record.intents = record.supported
        ? findIntents(record, brands)
        : sentences.filter((s) => isQuestion(s)).map((s) => ({ type: 'question' as const, start: s.start, end: s.end }));
      const cues = INTENT_CUES[record.lang ?? ''];
      const incentivised =
        record.lang === 'en' ? isIncentivised(sentences) : !!cues && sentences.some((s) => cueIn(cues.incentive, cues.normalise(s.text)));
      const signals: Signals = { incentivised, duplicate: false };
      record.signals = signals;
    },
  };
}
