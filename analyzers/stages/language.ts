/**
 * Language detection. Scripts decide most languages outright (Han, Cyrillic, Arabic script…); for
 * Latin-script text a vote of frequent function words settles the common review languages, and only
 * texts that vote leaves open go to tinyld, on a bounded prefix: tinyld alone runs at ~1k reviews/s,
 * which would be the pipeline's bottleneck. Short texts are common in reviews ("Great!", "Отлично"),
 * which n-gram detectors misread; the word vote handles them. When detection is unsure, a declared
 * language (the page's or the importer's) is used.
 */
import { createRequire } from 'node:module';
import { englishLexicon } from '../sentiment/lexicons/english-lexicon.js';
import type { AnalysisRecord, Stage } from '../record.js';

// tinyld takes ~0.1 s to load and only texts the word vote leaves open need it: loaded on first use,
// so `radar score` and short runs on clear text start without it.
type Tinyld = typeof import('tinyld');
let tinyldModule: Tinyld | undefined;
function tinyld(): Tinyld {
  tinyldModule ??= createRequire(import.meta.url)('tinyld') as Tinyld;
  return tinyldModule;
}

/** A detected language with how sure the detector is, in [0, 1]. */
export interface LanguageGuess {
  /** ISO 639-1 code, or "und". */
  lang: string;
  /** Confidence in [0, 1]; 0 for "und". */
  confidence: number;
}

/** Languages the sentiment stage scores (English fully, the others with small first lexicons). */
export const SENTIMENT_LANGUAGES: ReadonlySet<string> = new Set(['en', 'de', 'ru', 'zh', 'fa']);

/** Below this confidence a declared language, when there is one, is preferred to the detected one. */
const UNSURE = 0.5;

/** Frequent words per Latin-script language; shared words are split between the languages sharing them. */
const LATIN_WORDS: Record<string, string> = {
  en: `the and is it this that was for with not but you my are have of to they so very i i'm it's its don't
    didn't doesn't would will just all one what there if or as were has had get can me we our your their
    been be an at on by from much really love loved great good bad nice excellent terrible awful product
    recommend works worked quality price ok okay thanks thank wow waste money broke happy buy bought well
    fits size bit too after about because when only also no these those than them which who how most ever
    more never up down out again first way like some any other could should make made even still now then
    here where why got going went little back into off each every while though through around`,
  de: `der die das und ist nicht ich sehr mit ein eine einen für auf es zu den dem sie wir auch aber noch nur
    war hat haben gut schlecht toll leider wie bei von dass kann mir mich wirklich schön gekauft kein keine
    etwas schon immer danke produkt qualität preis lecker sind wird würde alles mein meine man am im zum`,
  fr: `le la les et est une un des du pas je très pour avec mais que qui ce cette il elle c'est bien dans sur
    vous nous j'ai trop bon bonne produit merci au aux ne plus mon ma mes été sont tout`,
  es: `el la los las y es una un muy con para pero que por lo del se no está bueno buena producto gracias mi
    su al como más todo este esta fue muy estoy`,
  it: `il la e è una un molto con per ma che di non sono questo questa prodotto grazie buono bella ottimo
    della del nel anche ho mi`,
  pt: `o os as e é um uma muito com para mas que não produto obrigado obrigada bom boa está do da no na em
    foi eu meu minha você`,
  nl: `de het een en is niet van ik zeer met voor maar op dat die ook heel goed erg zijn was wel geen
    naar`,
};

/** Everyday English review nouns and verbs: with the sentiment lexicon they tell short English texts ("Horrible phone."). */
const EN_CONTENT = new Set(
  `phone product service customer price quality battery food place staff item order delivery shipping size color colour
   fabric material dress shirt shoes case screen sound headset charger camera app device machine coffee taste room hotel
   restaurant waiter waitress menu meal stuff time day days week weeks month months year years money store seller company
   brand packaging box instructions design look feel buy bought ordered received arrived use used using earphones headphones
   volume button buttons cable plug charge signal reception speaker purchase performance reliability construction service
   experience support warranty refund waste value deal bargain recommend reccommend fits fit wear wearing wore worn
   coat jacket jeans pants sweater skirt blouse leggings sleeves shoulders waist length fabric weather warmth`
    .split(/\s+/)
    .filter(Boolean),
);

/** Weight of an English content or lexicon word in the vote (less than a function word: some are shared). */
const EN_CONTENT_WEIGHT = 0.4;

/** word → [language, weight] votes, built once. */
const WORD_VOTES = (() => {
  const langsOf = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(LATIN_WORDS)) {
    for (const w of list.split(/\s+/)) {
      if (!w) continue;
      const l = langsOf.get(w) ?? [];
      if (!l.includes(lang)) l.push(lang);
      langsOf.set(w, l);
    }
  }
  const votes = new Map<string, [string, number][]>();
  for (const [w, langs] of langsOf)
    votes.set(
      w,
      langs.map((l) => [l, 1 / langs.length]),
    );
  return votes;
})();

const NON_ASCII = /[^\u0000-\u007f]/;

/** Characters that only one Latin-script language uses commonly. */
const LATIN_MARKS: [RegExp, string][] = [
  [/[ß]/u, 'de'],
  [/[ñ¿¡]/u, 'es'],
  [/[ãõ]/u, 'pt'],
  [/[łąęśźż]/u, 'pl'],
  [/[ıışğ]/u, 'tr'],
  [/[ěřůť]/u, 'cs'],
  [/[őű]/u, 'hu'],
];

/** Normalises a language tag ("en-US", "zh_Hans", "EN") to ISO 639-1, or undefined when it is not one. */
export function normaliseLangTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const three: Record<string, string> = {
    eng: 'en',
    rus: 'ru',
    zho: 'zh',
    chi: 'zh',
    cmn: 'zh',
    fas: 'fa',
    per: 'fa',
    pes: 'fa',
    deu: 'de',
    ger: 'de',
  };
  const code = three[base] ?? base;
  return /^[a-z]{2}$/.test(code) ? code : undefined;
}

interface ScriptCounts {
  latin: number;
  cyrillic: number;
  han: number;
  kana: number;
  hangul: number;
  arabic: number;
  other: Map<string, number>;
  letters: number;
}

const OTHER_SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
];

function countScripts(text: string): ScriptCounts {
  const c: ScriptCounts = { latin: 0, cyrillic: 0, han: 0, kana: 0, hangul: 0, arabic: 0, other: new Map(), letters: 0 };
  // A prefix is enough to tell the script, and keeps long texts cheap.
  const n = Math.min(text.length, 2000);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41) continue;
    if (
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
    )
      c.latin++;
    else if (code >= 0x400 && code <= 0x4ff) c.cyrillic++;
    else if ((code >= 0x600 && code <= 0x6ff) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) c.arabic++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) c.han++;
    else if (code >= 0x3040 && code <= 0x30ff) c.kana++;
    else if (code >= 0xac00 && code <= 0xd7af) c.hangul++;
    else {
      const ch = text[i]!;
      if (!/\p{L}/u.test(ch)) continue;
      for (const [re, lang] of OTHER_SCRIPTS) {
        if (re.test(ch)) {
          c.other.set(lang, (c.other.get(lang) ?? 0) + 1);
          break;
        }
      }
    }
    c.letters++;
  }
  return c;
}

function guessCyrillic(text: string): LanguageGuess {
  const t = text.toLowerCase();
  if (/[їєґ]/u.test(t) || (/і/u.test(t) && !/[ыэъё]/u.test(t))) return { lang: 'uk', confidence: 0.8 };
  if (/ў/u.test(t)) return { lang: 'be', confidence: 0.8 };
  if (/[ђћџљњј]/u.test(t)) return { lang: 'sr', confidence: 0.8 };
  if (/[ѓќѕ]/u.test(t)) return { lang: 'mk', confidence: 0.8 };
  if (/[ыэё]/u.test(t)) return { lang: 'ru', confidence: 0.95 };
  // Bulgarian uses ъ inside words and these words often; Russian almost never does.
  if (/\p{L}ъ\p{L}/u.test(t) || /(^|[^\p{L}])(това|съм|няма|много хубав|беше)([^\p{L}]|$)/u.test(t)) return { lang: 'bg', confidence: 0.6 };
  // Russian is by far the most frequent Cyrillic review language; short texts without markers lean to it.
  return { lang: 'ru', confidence: 0.7 };
}

function guessArabicScript(text: string): LanguageGuess {
  let fa = 0;
  let ar = 0;
  let ur = 0;
  for (const ch of text.slice(0, 2000)) {
    if ('پچژگ'.includes(ch)) fa += 2;
    else if (ch === '\u06a9' || ch === '\u06cc')
      fa += 1; // Persian keheh and yeh
    else if ('ٹڈڑںےھ'.includes(ch)) ur += 2;
    else if (ch === '\u0629' || ch === '\u0649')
      ar += 2; // teh marbuta, alef maksura
    else if (ch === '\u0643') ar += 1; // Arabic kaf
  }
  // Persian writers on older keyboards type Arabic yeh and kaf, so function words count too.
  const words = text.slice(0, 2000).split(/[\s\u200c.,!?؟،:;()]+/);
  for (const w of words) {
    if (/^(است|را|می|نمی|خیلی|این|هست|نیست|برای|من|اما|ولی|هم|شد|بود|دارد|داره|عالیه|عاليه)$/u.test(w)) fa += 1;
    else if (/^(في|على|هذا|هذه|التي|الذي|إلى|عن|لا|ما|كان|جدا)$/u.test(w)) ar += 1;
    else if (/^ال\p{L}{2,}/u.test(w)) ar += 0.5;
    else if (/^(ہے|میں|کے|کی|اور|نہیں)$/u.test(w)) ur += 1;
  }
  const best = Math.max(fa, ar, ur);
  if (best === 0) return { lang: 'und', confidence: 0 };
  const total = fa + ar + ur;
  const lang = best === fa ? 'fa' : best === ur ? 'ur' : 'ar';
  return { lang, confidence: Math.min(0.95, 0.4 + (0.55 * best) / total) };
}

function guessLatin(text: string): LanguageGuess {
  // The first few dozen words settle the vote; the whole of a long review adds nothing but time.
  const head = text.length > 600 ? text.slice(0, 600) : text;
  const lower = head.toLowerCase();
  const words = (lower.includes('’') ? lower.replace(/’/g, "'") : lower).match(/\p{L}+(?:'\p{L}+)?/gu) ?? [];
  const scores = new Map<string, number>();
  const enWords = englishLexicon().words;
  for (const w of words) {
    const votes = WORD_VOTES.get(w);
    if (votes) {
      for (const [lang, weight] of votes) scores.set(lang, (scores.get(lang) ?? 0) + weight);
    } else if (w.length >= 3 && (EN_CONTENT.has(w) || enWords.has(w))) {
      scores.set('en', (scores.get('en') ?? 0) + EN_CONTENT_WEIGHT);
    }
  }
  // Every mark is outside ASCII: an ASCII text (most English reviews) need not be scanned once per mark.
  if (NON_ASCII.test(text)) {
    for (const [re, lang] of LATIN_MARKS) if (re.test(text)) scores.set(lang, (scores.get(lang) ?? 0) + 1.5);
    if (/[äöü]/u.test(text)) scores.set('de', (scores.get('de') ?? 0) + 0.5);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  const top = first?.[1] ?? 0;
  const runnerUp = second?.[1] ?? 0;
  const coverage = words.length ? top / words.length : 0;
  // A clear vote: enough hits, well ahead of the runner-up, covering a fair share of the words.
  if (first && top >= 0.8 && top >= 2 * runnerUp && (coverage >= 0.2 || top >= 4)) {
    const strength = Math.min(1, top / 3) * (1 - runnerUp / (top + runnerUp));
    return { lang: first[0], confidence: Math.min(0.97, 0.5 + 0.47 * strength) };
  }
  // Only English lexicon words, too few for a clear vote ("disappointing.", "Poor product."): English,
  // but unsure enough that a declared language wins.
  if (first?.[0] === 'en' && runnerUp === 0 && coverage >= 0.2 && words.length <= 4) return { lang: 'en', confidence: 0.45 };
  // Otherwise an n-gram detector decides, on a bounded prefix (its cost grows with length).
  const all = tinyld().detectAll(text.length > 400 ? text.slice(0, 400) : text);
  const best = all[0];
  if (!best) return first ? { lang: first[0], confidence: 0.35 } : { lang: 'und', confidence: 0 };
  const lead = best.accuracy - (all[1]?.accuracy ?? 0);
  let confidence = Math.min(0.9, 0.25 + best.accuracy * 0.4 + lead * 0.4);
  // The word vote and tinyld agreeing is worth more than either alone.
  if (first && first[0] === best.lang) confidence = Math.min(0.95, confidence + 0.25);
  return { lang: best.lang, confidence };
}

/** Detects the language of a text from its script, frequent words and (for unclear Latin text) tinyld. */
export function detectLanguage(text: string): LanguageGuess {
  const c = countScripts(text);
  if (c.letters === 0) return { lang: 'und', confidence: 0 };
  // Han characters carry a word each: weigh them up against alphabetic letters.
  const cjk = c.han * 2 + c.kana * 2 + c.hangul * 2;
  const scripts: [string, number][] = [
    ['latin', c.latin],
    ['cyrillic', c.cyrillic],
    ['arabic', c.arabic],
    ['cjk', cjk],
    ...[...c.other.entries()],
  ];
  scripts.sort((a, b) => b[1] - a[1]);
  const [script, count] = scripts[0]!;
  const share = count / Math.max(1, c.latin + c.cyrillic + c.arabic + cjk + [...c.other.values()].reduce((a, b) => a + b, 0));
  let guess: LanguageGuess;
  switch (script) {
    case 'latin':
      guess = guessLatin(text);
      break;
    case 'cyrillic':
      guess = guessCyrillic(text);
      break;
    case 'arabic':
      guess = guessArabicScript(text);
      break;
    case 'cjk':
      guess =
        c.kana * 5 >= c.han && c.kana > 0
          ? { lang: 'ja', confidence: 0.9 }
          : c.hangul > c.han
            ? { lang: 'ko', confidence: 0.95 }
            : { lang: 'zh', confidence: 0.95 };
      break;
    default:
      guess = { lang: script, confidence: 0.9 };
  }
  // Mixed scripts (a Russian review quoting an English model name) lower the confidence a little.
  if (share < 0.8) guess = { ...guess, confidence: guess.confidence * (0.5 + share / 2) };
  // One or two letters say little, whatever the script.
  if (c.letters < 3 && script !== 'cjk') guess = { ...guess, confidence: Math.min(guess.confidence, 0.4) };
  return guess;
}

/** Chooses the record's language: the detected one, or the declared one when detection is unsure. */
export function chooseLanguage(guess: LanguageGuess, declared: string | undefined): string {
  if (declared && (guess.lang === 'und' || guess.confidence < UNSURE)) return declared;
  return guess.confidence > 0 ? guess.lang : 'und';
}

/** The language stage: writes `lang` and `supported`. */
export function languageStage(): Stage {
  return {
    name: 'language',
    reads: [],
    writes: ['lang', 'supported'],
    run(record: AnalysisRecord): void {
      const lang = chooseLanguage(detectLanguage(record.text), record.declaredLang);
      record.lang = lang;
      record.supported = SENTIMENT_LANGUAGES.has(lang);
    },
  };
}
