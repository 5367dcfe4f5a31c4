/**
 * Words that disclose special categories of personal data (health, pregnancy, disability,
 * religion, ethnicity, sexuality). People write them in reviews ("I'm pregnant and…", "since my
 * chemo…"); Review Radar never turns them into segments: no key phrase, no discovered theme and no
 * persona quote is made from a sentence that holds one. Sentiment is still scored, and the document
 * stays in the store like any other. Words that are mostly something else in reviews ("black" the
 * colour, "kosher salt", "hearing aids") are left out on purpose. Russian, Persian and Chinese
 * terms follow the English ones.
 */

const TERMS = `
  cancer cancers chemo chemotherapy radiotherapy tumor tumour tumors tumours oncologist mastectomy leukemia leukaemia
  diabetes diabetic diabetics insulin hiv pregnant pregnancy pregnancies miscarriage miscarried ivf infertility infertile
  trimester postpartum depression antidepressant antidepressants ptsd adhd autism autistic asperger aspergers bipolar
  schizophrenia schizophrenic epilepsy epileptic seizure seizures dementia alzheimer alzheimer's alzheimers parkinson
  parkinson's parkinsons arthritis multiple sclerosis ms fibromyalgia lupus crohn crohn's celiac coeliac ostomy colostomy
  dialysis amputee amputation paralysed paralyzed paraplegic quadriplegic wheelchair disabled disability
  disabilities handicapped deaf blindness anorexia bulimia rehab addiction alcoholic alcoholism overdose hiv-positive
  suicide suicides suicidal self-harm selfharm
  muslim muslims islam islamic christian christians christianity catholic catholics protestant jewish jew jews judaism
  hindu hindus hinduism buddhist buddhists buddhism sikh sikhs atheist atheists mormon mormons church mosque synagogue
  ramadan bible quran koran scripture
  hispanic latino latina latinx caucasian african-american ethnicity ethnic immigrant immigrants refugee refugees
  gay gays lesbian lesbians bisexual transgender trans queer lgbt lgbtq lgbtqia nonbinary non-binary homosexual
  heterosexual sexuality
`
  .split(/\s+/)
  .filter(Boolean);

/** Two-word terms. */
const PAIRS = new Set([
  'multiple sclerosis',
  'african american',
  'breast cancer',
  'my therapist',
  'mental health',
  'chronic pain',
  'chronic illness',
  'self harm',
  'eating disorder',
  'mental illness',
  'killed myself',
  'kill myself',
]);

const WORDS = new Set(TERMS.filter((t) => t !== 'multiple' && t !== 'sclerosis' && t !== 'ms'));
/** First words of the pairs: only after one is a pair looked up (no string is built for every word). */
const PAIR_FIRSTS = new Set([...PAIRS].map((p) => p.split(' ')[0]!));
const WORD_RE = /[\p{L}][\p{L}'-]*/gu;

/**
 * Russian, Persian and Chinese: Russian and Persian words by their stems (they inflect: "беременна",
 * "беременность"), matched at a word's start; Chinese terms as written (no spaces to find words by).
 * Left out on purpose, as in English: "раки" (crayfish on a menu, not cancer), "пост" (a post), "روزه"
 * ("دو روزه" is "in two days"), "清真" (a kind of food), and names of cuisines ("узбекская кухня").
 */
const STEMS_RU = `
  беременн выкидыш бесплод эко-беременн онколог химиотерап опухол лейкоз лейкеми диабет инсулин депресси антидепрессант
  аутизм аутист эпилепс эпилептик деменци альцгеймер паркинсон инвалид колясочн наркозависим наркоман алкоголизм алкоголик
  анорекси булими суицид самоубийств шизофрен биполярн психиатр рассеянн\\p{L}*\\s+склероз
  мусульман ислам христиан православн католи протестант иудей иудаизм еврей буддист буддизм индуист атеист церк(?:овь|ви|вей|вям|овн) мечет(?:ь|и|ью|ей|ям|ях)(?!\\p{L})
  синагог рамадан ураза коран намаз библи[яию](?!\\p{L})
  национальност этническ мигрант беженц гастарбайтер
  ге(?:й|и|ев|я|ям|ями)(?!\\p{L}) лесбиян бисексуал трансгендер лгбт гомосексуал
`;
const STEMS_FA = `
  باردار سقط جنین نازا ناباروری سرطان شیمی\\s?درمانی تومور دیابت انسولین افسردگی اوتیسم صرع آلزایمر پارکینسون معلول معلولیت
  ویلچر ایدز اعتیاد معتاد خودکشی
  مسلمان اسلام مسیحی یهودی زرتشتی بهایی مذهب نماز رمضان مسجد کلیسا قرآن
  همجنس\\s?گرا دوجنس\\s?گرا تراجنسیتی قومیت پناهنده
`;
const TERMS_ZH = `
  怀孕 孕妇 孕期 流产 不孕 试管婴儿 癌症 化疗 肿瘤 白血病 糖尿病 胰岛素 抑郁症 自闭症 癫痫 痴呆 阿尔茨海默 帕金森 残疾 残障 轮椅 艾滋
  吸毒 戒毒 酗酒 自杀 精神病 穆斯林 伊斯兰 基督徒 基督教 天主教 佛教徒 信佛 犹太 清真寺 教堂 斋月 古兰经 圣经 同性恋 双性恋 变性人
  跨性别 少数民族 难民
`;
const list = (s: string) => s.trim().split(/\s+/).join('|');
/** Russian and Persian stems at the start of a (normalised) word, or of two words ("شیمی درمانی"). */
const STEM_START = new RegExp(`^(?:${list(STEMS_RU)}|${list(STEMS_FA)})`, 'u');
const ZH_RE = new RegExp(list(TERMS_ZH), 'u');
/** First words of the two-word stems ("рассеянный склероз", "شیمی درمانی"): only after one is a pair tested. */
const PAIR_START = /^(?:рассеянн|شیمی|همجنس|دوجنس)/u;
/** What lower-cased tokens may still need before the stems can be looked up. */
const NEEDS_NORMALISING = /[ёЁيىك\u200cA-ZА-Я]/u;
const NON_ASCII = /[^\u0000-\u007f]/;
const HAN = /\p{Script=Han}/u;

/** Lower case, "ё" as "е", Persian yeh and kaf for Arabic ones and no ZWNJ: how the stems are written. */
function normaliseForSensitive(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/\u200c/g, '');
}

/** What the test below learns about a word outside ASCII: Han or not, its normalised form, whether a stem starts it. */
interface NonAsciiWord {
  han: boolean;
  n: string;
  stem: boolean;
}

// Kept per word: every sentence of every Russian and Persian text is tested, with the same words
// again and again. Emptied when full.
const nonAsciiWords = new Map<string, NonAsciiWord>();
const NON_ASCII_LIMIT = 100_000;

function nonAsciiWord(w: string): NonAsciiWord {
  let word = nonAsciiWords.get(w);
  if (word === undefined) {
    if (HAN.test(w)) word = { han: true, n: w, stem: false };
    else {
      const n = NEEDS_NORMALISING.test(w) ? normaliseForSensitive(w) : w;
      word = { han: false, n, stem: STEM_START.test(n) };
    }
    if (nonAsciiWords.size >= NON_ASCII_LIMIT) nonAsciiWords.clear();
    nonAsciiWords.set(w, word);
  }
  return word;
}

/**
 * Whether a run of lower-cased words (a sentence's tokens) discloses a special category: English
 * words and pairs, Russian and Persian stems at a word's start (one anchored test per word), and
 * Chinese terms in the words joined back together (segmented words may split a term).
 */
export function wordsMentionSensitive(words: readonly string[]): boolean {
  let han = false;
  let prev = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (WORDS.has(w)) return true;
    if (i > 0 && PAIR_FIRSTS.has(words[i - 1]!) && PAIRS.has(`${words[i - 1]} ${w}`)) return true;
    if (NON_ASCII.test(w)) {
      const word = nonAsciiWord(w);
      if (word.han) {
        han = true;
        prev = '';
        continue;
      }
      if (word.stem || (prev && PAIR_START.test(prev) && STEM_START.test(`${prev} ${word.n}`))) return true;
      prev = word.n;
    } else prev = '';
  }
  return han && ZH_RE.test(words.join(''));
}

/** Whether a text (a sentence, phrase or theme term) discloses a special category, in English, Russian, Persian or Chinese. */
export function mentionsSensitive(text: string): boolean {
  const t = NON_ASCII.test(text) ? normaliseForSensitive(text) : text.toLowerCase();
  return wordsMentionSensitive([...t.replace(/’/g, "'").matchAll(WORD_RE)].map((m) => m[0]));
}
