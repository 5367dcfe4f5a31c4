/**
 * Words that disclose special categories of personal data (health, pregnancy, disability,
 * religion, ethnicity, sexuality). People write them in reviews ("I'm pregnant and…", "since my
 * chemo…"); Review Radar never turns them into segments: no key phrase, no discovered theme and no
 * persona quote is made from a sentence that holds one. Sentiment is still scored, and the document
 * stays in the store like any other. Words that are mostly something else in reviews ("black" the
 * colour, "kosher salt", "hearing aids") are left out on purpose.
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
const WORD_RE = /[\p{L}][\p{L}'-]*/gu;

/** Whether a run of lower-cased words (a sentence's tokens) discloses a special category. */
export function wordsMentionSensitive(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (WORDS.has(w)) return true;
    if (i > 0 && PAIRS.has(`${words[i - 1]} ${w}`)) return true;
  }
  return false;
}

/** Whether a text (a sentence, phrase or theme term) discloses a special category. */
export function mentionsSensitive(text: string): boolean {
  return wordsMentionSensitive([...text.toLowerCase().replace(/’/g, "'").matchAll(WORD_RE)].map((m) => m[0]));
}
