/**
 * Edits of the project's YAML through the `yaml` Document API, so comments, key order and the
 * layout of everything the edit does not touch stay as they were: brands, products and sources
 * are changed where they stand, new ones appended.
 */
import { isMap, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

/** Where a source sits: under a brand, a product of a brand, or the project's own `sources`. */
export interface SourceOwner {
  /** Brand id. */
  brand?: string;
  /** Product id (with its brand). */
  product?: string;
}

/** A thing to change that is not there. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

function seqAt(doc: Document, parent: YAMLMap | Document, key: string, create: boolean): YAMLSeq | undefined {
  const node = parent.get(key, true);
  if (isSeq(node)) return node;
  if (!create) return undefined;
  const created = doc.createNode([]) as YAMLSeq;
  parent.set(key, created);
  return created;
}

function findById(seq: YAMLSeq | undefined, id: string): { node: YAMLMap; index: number } | undefined {
  if (!seq) return undefined;
  for (let i = 0; i < seq.items.length; i++) {
    const item = seq.items[i];
    if (isMap(item) && String(item.get('id')) === id) return { node: item, index: i };
  }
  return undefined;
}

/** The brand's map node. */
export function brandNode(doc: Document, id: string): YAMLMap {
  const found = findById(seqAt(doc, doc, 'brands', false), id);
  if (!found) throw new NotFoundError(`no brand "${id}"`);
  return found.node;
}

/** Sets (or removes, for undefined) the given keys of a map, leaving every other key as it was. */
function assign(doc: Document, node: YAMLMap, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) node.delete(key);
    else if (node.has(key) && JSON.stringify(node.toJSON()[key]) === JSON.stringify(value)) continue;
    else node.set(key, doc.createNode(value));
  }
}

/** Adds a brand, or changes the one with `originalId`. */
export function putBrand(doc: Document, values: { id: string; name: string; own: boolean; aliases: string[] }, originalId?: string): void {
  if (originalId) {
    assign(doc, brandNode(doc, originalId), { ...values, aliases: values.aliases.length ? values.aliases : undefined });
    return;
  }
  const brands = seqAt(doc, doc, 'brands', true)!;
  brands.add(
    doc.createNode({ id: values.id, name: values.name, own: values.own, ...(values.aliases.length ? { aliases: values.aliases } : {}) }),
  );
}

/** Removes a brand with its products and their sources. */
export function deleteBrand(doc: Document, id: string): void {
  const brands = seqAt(doc, doc, 'brands', false);
  const found = findById(brands, id);
  if (!found) throw new NotFoundError(`no brand "${id}"`);
  brands!.delete(found.index);
}

/** Adds a product to a brand, or changes the one with `originalId`. */
export function putProduct(
  doc: Document,
  brand: string,
  values: { id: string; name: string; aliases: string[] },
  originalId?: string,
): void {
  const b = brandNode(doc, brand);
  if (originalId) {
    const found = findById(seqAt(doc, b, 'products', false), originalId);
    if (!found) throw new NotFoundError(`no product "${originalId}" in brand "${brand}"`);
    assign(doc, found.node, { ...values, aliases: values.aliases.length ? values.aliases : undefined });
    return;
  }
  seqAt(doc, b, 'products', true)!.add(
    doc.createNode({ id: values.id, name: values.name, ...(values.aliases.length ? { aliases: values.aliases } : {}) }),
  );
}

/** Removes a product (and its sources). */
export function deleteProduct(doc: Document, brand: string, id: string): void {
  const products = seqAt(doc, brandNode(doc, brand), 'products', false);
  const found = findById(products, id);
  if (!found) throw new NotFoundError(`no product "${id}" in brand "${brand}"`);
  products!.delete(found.index);
}

function ownerSeq(doc: Document, owner: SourceOwner, create: boolean): YAMLSeq | undefined {
  if (!owner.brand) return seqAt(doc, doc, 'sources', create);
  const b = brandNode(doc, owner.brand);
  if (!owner.product) return seqAt(doc, b, 'sources', create);
  const p = findById(seqAt(doc, b, 'products', false), owner.product);
  if (!p) throw new NotFoundError(`no product "${owner.product}" in brand "${owner.brand}"`);
  return seqAt(doc, p.node, 'sources', create);
}

/** Every source list of the document, with its owner. */
function sourceLists(doc: Document): { owner: SourceOwner; seq: YAMLSeq }[] {
  const out: { owner: SourceOwner; seq: YAMLSeq }[] = [];
  const top = seqAt(doc, doc, 'sources', false);
  if (top) out.push({ owner: {}, seq: top });
  for (const b of seqAt(doc, doc, 'brands', false)?.items ?? []) {
    if (!isMap(b)) continue;
    const brand = String(b.get('id'));
    const own = seqAt(doc, b, 'sources', false);
    if (own) out.push({ owner: { brand }, seq: own });
    for (const p of seqAt(doc, b, 'products', false)?.items ?? []) {
      if (!isMap(p)) continue;
      const ps = seqAt(doc, p, 'sources', false);
      if (ps) out.push({ owner: { brand, product: String(p.get('id')) }, seq: ps });
    }
  }
  return out;
}

/** Finds a source anywhere in the document. */
export function findSource(doc: Document, id: string): { owner: SourceOwner; seq: YAMLSeq; node: YAMLMap; index: number } | undefined {
  for (const list of sourceLists(doc)) {
    const found = findById(list.seq, id);
    if (found) return { ...list, ...found };
  }
  return undefined;
}

/**
 * Adds a source under its owner, or changes the one with `originalId` — in place when its owner is
 * the same, moved (with its recipe and comments) when the owner changed. Keys given as undefined
 * are removed (a schedule taken away); keys not given (a recipe) are kept.
 */
export function putSource(doc: Document, owner: SourceOwner, values: Record<string, unknown>, originalId?: string): void {
  if (originalId) {
    const found = findSource(doc, originalId);
    if (!found) throw new NotFoundError(`no source "${originalId}"`);
    assign(doc, found.node, values);
    const same = (found.owner.brand ?? '') === (owner.brand ?? '') && (found.owner.product ?? '') === (owner.product ?? '');
    if (!same) {
      found.seq.delete(found.index);
      ownerSeq(doc, owner, true)!.add(found.node);
    }
    return;
  }
  const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  ownerSeq(doc, owner, true)!.add(doc.createNode(clean));
}

/** Removes a source. */
export function deleteSource(doc: Document, id: string): void {
  const found = findSource(doc, id);
  if (!found) throw new NotFoundError(`no source "${id}"`);
  found.seq.delete(found.index);
}

/** Sets keys of a source (a schedule, pause), leaving the others as they were. */
export function patchSource(doc: Document, id: string, values: Record<string, unknown>): void {
  const found = findSource(doc, id);
  if (!found) throw new NotFoundError(`no source "${id}"`);
  assign(doc, found.node, values);
}
