/**
 * Russian, Persian and Chinese aspect candidates beyond the taxonomy: the noun an opinion attaches
 * to. Russian: an opinion adjective before its noun ("уютная веранда") or a noun before its
 * predicate ("веранда уютная", "веранда была уютной"); Persian: the noun before its opinion
 * ("غذا خوب بود", "کیفیت عالی"); Chinese: the word before its opinion, past adverbs ("早餐很丰富"), or
 * after "opinion + 的" ("不错的早餐"). Words are told apart from nouns by their endings (Russian),
 * their verb prefix (Persian "می") and the stopword lists.
 */
import type { Sentence } from '../record.js';
import type { LanguageTaxonomy } from '../taxonomy/compile.js';
import { normaliseToken, wordKey } from '../taxonomy/keys.js';
import type { AspectLanguage } from '../taxonomy/types.js';
import type { Mention } from './aspect-mentions.js';
import { STOPWORDS } from './stopwords.js';

// Endings of Russian adjectives, participles, verbs and adverbs: words ending so are no noun.
const RU_NOT_NOUN =
  /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|ыми|ими|ых|их|ую|юю|ть|ться|ться|ешь|ишь|ет|ит|ют|ят|ут|ат|ем|ил|ал|ял|ел|ла|ли|ло|лся|лась|лись|сь|ся|ски|но|ко|во)$/;
const RU_BETWEEN = new Set([
  'был',
  'была',
  'было',
  'были',
  'очень',
  'просто',
  'весьма',
  'вполне',
  'довольно',
  'не',
  'тоже',
  'также',
  'всегда',
  'очень-очень',
  'так',
  'совсем',
  'слишком',
  'оказался',
  'оказалась',
  'оказалось',
  'оказались',
]);
const FA_BETWEEN = new Set(['خیلی', 'بسیار', 'واقعا', 'هم', 'کاملا', 'نسبتا', 'فوق', 'العاده', 'خیلیی', 'اصلا', 'بسیارعالی']);
const ZH_BETWEEN = new Set([
  '很',
  '非常',
  '太',
  '比较',
  '挺',
  '特别',
  '十分',
  '还',
  '也',
  '都',
  '不',
  '没有',
  '没',
  '真',
  '好',
  '超',
  '相当',
  '蛮',
  '还是',
  '还算',
  '真的',
  '有点',
  '有些',
  '更',
  '最',
  '很是',
  '就是',
  '是',
]);

function ruNoun(word: string, stop: ReadonlySet<string>): boolean {
  return word.length >= 3 && /^[а-яё-]+$/.test(word) && !stop.has(word) && !RU_NOT_NOUN.test(word);
}

function faNoun(word: string, stop: ReadonlySet<string>): boolean {
  // Present-tense verbs open with "می"; "است", "بود", "شد" and their forms close clauses; past-tense
  // verbs in the first person end in "دم"/"تم" ("کردم", "خریدم", "گرفتم").
  return (
    word.length >= 2 &&
    /^\p{Script=Arabic}+$/u.test(word) &&
    !stop.has(word) &&
    !word.startsWith('می') &&
    !/^(?:بود|شد|است|هست|نیست|ندار|دار)/.test(word) &&
    !(word.length >= 4 && /[دت]م$/.test(word))
  );
}

// Characters of adverbs, pronouns, particles and verbs of saying and feeling: a word holding one
// ("都很", "感觉", "下次", "这么") is no thing an opinion is about.
const ZH_FUNCTION =
  /[不很都也是就还太真最更挺这那么来说觉得确实感下次应该以后令什其总绝对强烈算些点过着了的吗呢吧啊我你他她它们一唯稍虽然超首先已经时候看提解决意识再又只才刚非常比较特别十分相当有没无会能可要想让给被把在从到与及或而但因为所如果即使]/u;

function zhNoun(word: string, stop: ReadonlySet<string>): boolean {
  return word.length >= 2 && /^\p{Script=Han}+$/u.test(word) && !stop.has(word) && !ZH_BETWEEN.has(word) && !ZH_FUNCTION.test(word);
}

/** Candidate aspect nouns an opinion attaches to, in a Russian, Persian or Chinese sentence. */
export function otherMentions(sentence: Sentence, terms: Mention[], taxonomy: LanguageTaxonomy, lang: AspectLanguage): Mention[] {
  const toks = sentence.tokens;
  const n = toks.length;
  const stop = STOPWORDS[lang] ?? new Set<string>();
  // Normalised forms, made only for the few tokens next to an opinion that are looked at.
  const cache: (string | undefined)[] = new Array(n);
  const norm = (k: number): string => {
    if (k < 0 || k >= n) return '';
    let w = cache[k];
    if (w === undefined) cache[k] = w = toks[k]!.kind === 'word' ? normaliseToken(lang, toks[k]!.norm) : '';
    return w;
  };
  const opinion = new Uint8Array(n);
  for (const o of sentence.opinions ?? []) for (let k = o.first; k <= o.last; k++) opinion[k] = 1;
  const taken = new Uint8Array(n);
  for (const m of terms) for (let k = m.first; k <= m.last; k++) taken[k] = 1;
  const isNoun = (k: number) => {
    if (k < 0 || k >= n || opinion[k] || taken[k]) return false;
    const w = norm(k);
    if (!w || taxonomy.objects.has(wordKey(lang, w))) return false;
    return lang === 'ru' ? ruNoun(w, stop) : lang === 'fa' ? faNoun(w, stop) : zhNoun(w, stop);
  };
  const between = lang === 'ru' ? RU_BETWEEN : lang === 'fa' ? FA_BETWEEN : ZH_BETWEEN;
  const out: Mention[] = [];
  const accept = (k: number) => {
    taken[k] = 1;
    out.push({ first: k, last: k });
  };
  for (const o of sentence.opinions ?? []) {
    // The noun before the opinion, past "был", "очень", "خیلی", "很".
    let j = o.first - 1;
    while (j >= 0 && between.has(norm(j))) j--;
    if (isNoun(j)) {
      accept(j);
      continue;
    }
    // Russian adjective before its noun; Chinese "opinion + 的 + noun".
    if (lang === 'ru' && /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ую)$/.test(norm(o.last)) && isNoun(o.last + 1)) accept(o.last + 1);
    else if (lang === 'zh' && norm(o.last + 1) === '的' && isNoun(o.last + 2)) accept(o.last + 2);
  }
  return out;
}
