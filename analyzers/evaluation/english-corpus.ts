/**
 * The English training sets, as domains. Only sets whose licence allows training a shipped model
 * are here (../shared/data/README.md): UCI review sentences (CC BY 4.0), the clothing reviews' training
 * file (CC0) and the four sets of the VADER ground truth (MIT). Each domain also names the items
 * `radar validate` scores with a model trained without that domain (leave one domain out).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadClothingReviews,
  loadUciSentences,
  loadVaderGroundTruth,
  type LabelledText,
  UCI_FILES,
  VADER_FILES,
  type VaderPart,
} from './evaluate.js';

/** One training domain. */
export interface TrainingDomain {
  /** Short name ("uci", "clothing", "vader-tweets", …). */
  name: string;
  /** What it is, for the model file and the README. */
  description: string;
  /** Licence as stated upstream. */
  licence: string;
  /** Folder under the data directory. */
  folder: string;
  /** Files it reads, relative to the data directory. */
  files: readonly string[];
  /** Its training items. */
  train(dataDir: string): LabelledText[];
  /**
   * The items that stand for this domain when a model trained without it is measured: the
   * training items themselves, or (clothing) the evaluation file of the same kind of reviews.
   */
  heldOut(dataDir: string): LabelledText[];
  /** Whether its labels have a neutral class (star ratings, rater means) or are polar only. */
  threeClass: boolean;
}

const VADER_DESCRIPTIONS: Record<VaderPart, string> = {
  tweets: 'VADER ground truth: tweets (Hutto & Gilbert 2014)',
  amazon: 'VADER ground truth: Amazon review snippets',
  movies: 'VADER ground truth: film review snippets',
  nyt: 'VADER ground truth: NYT editorial snippets',
};

function vaderDomain(part: VaderPart): TrainingDomain {
  return {
    name: `vader-${part}`,
    description: VADER_DESCRIPTIONS[part],
    licence: 'MIT',
    folder: 'en-vader-ground-truth',
    files: [join('en-vader-ground-truth', VADER_FILES[part])],
    train: (dir) => loadVaderGroundTruth(dir, part),
    heldOut: (dir) => loadVaderGroundTruth(dir, part),
    threeClass: true,
  };
}

/** The training domains, in training order. */
export const TRAINING_DOMAINS: readonly TrainingDomain[] = [
  {
    name: 'uci',
    description: 'UCI review sentences, Amazon + Yelp (Kotzias et al. 2015)',
    licence: 'CC BY 4.0',
    folder: 'en-uci-sentences',
    files: Object.values(UCI_FILES).map((f) => join('en-uci-sentences', f)),
    train: (dir) => [...loadUciSentences(dir, 'amazon'), ...loadUciSentences(dir, 'yelp')],
    heldOut: (dir) => [...loadUciSentences(dir, 'amazon'), ...loadUciSentences(dir, 'yelp')],
    threeClass: false,
  },
  {
    name: 'clothing',
    description: "Women's E-Commerce Clothing Reviews, training file",
    licence: 'CC0',
    folder: 'en-clothing-reviews',
    files: [join('en-clothing-reviews', 'clothing_train.csv'), join('en-clothing-reviews', 'clothing_reviews.csv')],
    train: (dir) => loadClothingReviews(dir, 'train'),
    heldOut: (dir) => loadClothingReviews(dir, 'evaluation'),
    threeClass: true,
  },
  vaderDomain('tweets'),
  vaderDomain('amazon'),
  vaderDomain('movies'),
  vaderDomain('nyt'),
];

/** Whether a domain's files are under the data folder. */
export function hasDomain(dataDir: string, d: TrainingDomain): boolean {
  return d.files.every((f) => existsSync(join(dataDir, f)));
}
