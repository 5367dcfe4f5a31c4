/**
 * English word classes for the aspect finder: each word's most likely part of speech (pos-js
 * lexicon) and whether it is an opinion word (Hu & Liu), as bits looked up once per token, and the
 * small closed lists the rules read (determiners, copulas, function words, verbs of attitude).
 */
import {
  EN_ADJECTIVES,
  EN_ALSO_NOUNS,
  EN_NEGATIVE_OPINIONS,
  EN_OTHER_NON_NOUNS,
  EN_POSITIVE_OPINIONS,
  EN_VERBS,
} from '../taxonomy/english-words.js';

// One lookup per token: a word's classes as bits.
/** Most often an adjective. */
export const ADJECTIVE = 1;
/** Most often a verb. */
export const VERB = 2;
/** Most often not a noun. */
export const NOT_NOUN = 4;
/** A Hu & Liu opinion word. */
export const OPINION = 8;
/** Not most often a noun, but a noun too. */
export const ALSO_NOUN = 128;

let flags: Map<string, number> | undefined;

/** The English word classes as bit flags, built on first use (a few milliseconds). */
export function wordFlags(): Map<string, number> {
  if (flags) return flags;
  const map = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) map.set(w, (map.get(w) ?? 0) | bit);
  };
  mark(EN_ADJECTIVES.split(' '), ADJECTIVE | NOT_NOUN);
  mark(EN_VERBS.split(' '), VERB | NOT_NOUN);
  mark(EN_OTHER_NON_NOUNS.split(' '), NOT_NOUN);
  mark(EN_ALSO_NOUNS.split(' '), ALSO_NOUN);
  mark(FUNCTION_WORDS, NOT_NOUN);
  mark(EN_POSITIVE_OPINIONS.split(' '), OPINION);
  mark(EN_NEGATIVE_OPINIONS.split(' '), OPINION);
  flags = map;
  return map;
}

/** Whether an English word is in the Hu & Liu opinion lexicon. */
export function isEnglishOpinionWord(word: string): boolean {
  return ((wordFlags().get(word) ?? 0) & OPINION) !== 0;
}

/** Whether an English word is most likely a noun (or unknown: names, new product words). */
export function isEnglishNoun(word: string): boolean {
  return ((wordFlags().get(word) ?? 0) & NOT_NOUN) === 0;
}

/** Pronouns, determiners, prepositions, auxiliaries and other words no aspect is made of. */
export const FUNCTION_WORDS = new Set(
  `a an the this that these those my your his her its our their i me you he she it we they them us him mine yours ours
   theirs who whom what which whose and or but nor so if then than as of in on at to for with by from about into over
   after before under again also just only very too not no n't s t ve ll re d m o im ive dont didnt doesnt isnt wasnt
   cant wont couldnt wouldnt there here all any some each every both either neither few many much more most less least
   other another such own same lot lots bit kind sort thing things stuff one ones everything something anything nothing
   someone anyone everyone everybody somebody nobody way time times day days night nights week weeks month months year
   years hour hours minute minutes today tonight yesterday tomorrow morning evening weekend will would shall should can could
   may might must am be been being do does did have has had get gets got`.split(/\s+/),
);

// Nouns that name no aspect of what is reviewed: people around the reviewer, the review itself, and
// words that carry a judgement rather than a thing ("problem", "experience").
/** Nouns that name no aspect of what is reviewed. */
export const NOT_ASPECTS = new Set(
  `people person persons guy guys girl girls friend friends husband wife family kids kid children child son daughter mom dad
   mother father boyfriend girlfriend wife's husband's review reviews star stars rating experience experiences problem
   problems issue issues reason reasons fact job deal money choice option options opinion idea part parts rest end side
   purchase purchases order orders buy addition difference change changes couple number amount use lots brand brands company
   investment investments decision decisions product products item items user users customer customers owner owners
   touch group groups crowd`.split(/\s+/),
);

/** Determiners and possessives: a noun follows. */
export const DETERMINERS = new Set([
  'the',
  'my',
  'this',
  'that',
  'its',
  'their',
  'our',
  'your',
  'his',
  'her',
  'these',
  'those',
  'a',
  'an',
  'some',
  'all',
  'every',
  'no',
]);

/** Copulas and verbs of perception: what follows is said of the subject. */
export const COPULAS = new Set([
  'is',
  'was',
  'are',
  'were',
  "'s",
  'feels',
  'feel',
  'felt',
  'looks',
  'look',
  'looked',
  'seems',
  'seem',
  'seemed',
  'became',
  'becomes',
  'stays',
  'stayed',
  'remains',
  'remained',
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  'isnt',
  'wasnt',
  'tastes',
  'tasted',
  'sounds',
  'sounded',
  'smells',
  'smelled',
]);

// What may stand between a copula and its opinion ("was not very good", "is a bit too loud").
/** Words that may stand between a copula and its opinion. */
export const BETWEEN = new Set([
  'not',
  'never',
  'very',
  'really',
  'so',
  'too',
  'quite',
  'pretty',
  'rather',
  'a',
  'an',
  'bit',
  'little',
  'just',
  'always',
  'also',
  'still',
  'extremely',
  'absolutely',
  'super',
  'incredibly',
  'fairly',
  'somewhat',
  'totally',
  'simply',
  'definitely',
  'been',
  'be',
  'being',
  'ever',
  'even',
  "n't",
  'beyond',
]);

// Verbs whose object is what the opinion is about (unlike "never answered my emails").
/** Verbs of attitude: their object is what the opinion is about. */
export const ATTITUDE_VERBS = new Set(
  `love loved loves loving like liked likes hate hated hates enjoy enjoyed enjoys adore adored adores appreciate appreciated
   dislike disliked dislikes prefer preferred recommend recommended recommends admire admired praise praised`.split(/\s+/),
);

/** Words that open a clause. */
export const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'although', 'though', 'because', 'so', 'however']);

/** Verbs that name the attribute they evaluate: "fits great" is about the fit, "looks lovely" about the look. */
export const PERCEPTION_VERBS = new Set(
  `fit fits fitted fitting look looks looked looking smell smells smelled smelt taste tastes tasted sound sounds sounded`.split(' '),
);
