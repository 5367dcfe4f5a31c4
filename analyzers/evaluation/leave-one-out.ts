/**
 * Leave one domain out: for each English training domain, a model is trained on the other domains
 * alone (same trainer, same settings as the shipped model) and the whole pipeline, running that
 * model, scores the left-out domain. So every figure `radar validate` gives for a training set is
 * from a model that never saw that set, nor anything else of its kind. Features are computed once
 * per domain and shared by the runs.
 */
import { englishModel, loadModel, setEnglishModel } from '../sentiment/model.js';
import type { TrainingDomain } from './english-corpus.js';
import type { LabelledText } from './evaluate.js';
import { domainsFor, type FeaturedItem, trainEnglish } from './train-english.js';

/** FNV-1a of a text: which fifth of a domain an item falls in, the same on every run. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whether an item is in the fifth of its domain that `oneFifthOut` holds back. */
export function inHeldFifth(text: string): boolean {
  return fnv1a(text) % 5 === 0;
}

/** One left-out domain, ready to score. */
export interface LeftOut {
  /** The domain left out of training. */
  domain: TrainingDomain;
  /** Its items, to score. */
  items: LabelledText[];
  /** Runs `fn` with the model trained without the domain in use, then puts the shipped model back. */
  withModel<T>(fn: () => T): T;
}

/**
 * Trains one model per training domain found under `dataDir`, each without that domain, and hands
 * each to `visit` with the domain's items.
 */
export async function leaveOneDomainOut(
  dataDir: string,
  visit: (left: LeftOut) => Promise<void> | void,
  progress: (m: string) => void = () => {},
  options: { only?: (d: TrainingDomain) => boolean; featured?: Map<string, FeaturedItem[]> } = {},
): Promise<void> {
  const { only } = options;
  const shipped = englishModel();
  const featured = options.featured ?? new Map<string, FeaturedItem[]>();
  const domains = domainsFor(dataDir);
  if (domains.length < 2) return;
  for (const domain of domains) {
    if (only && !only(domain)) continue;
    progress(`validate: training an English model without ${domain.name} (on ${domains.length - 1} other domains)…`);
    const model = loadModel(trainEnglish(dataDir, () => {}, { without: [domain.name], featured }));
    const items = domain.heldOut(dataDir);
    await visit({
      domain,
      items,
      withModel(fn) {
        setEnglishModel(model);
        try {
          return fn();
        } finally {
          setEnglishModel(shipped);
        }
      },
    });
  }
}

/**
 * Within one domain: a model trained on every training domain but a fifth of this one (chosen by a
 * hash of the text), handed to `visit` with that fifth — the figure for new text of a kind the
 * shipped model learned from. Does nothing when the domain's files are missing.
 */
export async function oneFifthOut(
  dataDir: string,
  domainName: string,
  visit: (left: LeftOut) => Promise<void> | void,
  progress: (m: string) => void = () => {},
  featured: Map<string, FeaturedItem[]> = new Map(),
): Promise<void> {
  const domain = domainsFor(dataDir).find((d) => d.name === domainName);
  if (!domain) return;
  progress(`validate: training an English model without a fifth of ${domain.name}…`);
  const shipped = englishModel();
  const exclude = (item: LabelledText, d: string) => d === domainName && inHeldFifth(item.text);
  const model = loadModel(trainEnglish(dataDir, () => {}, { featured, exclude }));
  await visit({
    domain,
    items: domain.train(dataDir).filter((i) => inHeldFifth(i.text)),
    withModel(fn) {
      setEnglishModel(model);
      try {
        return fn();
      } finally {
        setEnglishModel(shipped);
      }
    },
  });
}
