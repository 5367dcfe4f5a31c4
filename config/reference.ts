/**
 * The configuration reference as Markdown, generated from the JSON Schema (itself generated from
 * the zod schema), so the README's reference can never drift from what radar.yaml accepts.
 */
import { configJsonSchema } from './json-schema.js';

interface Node {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
  const?: unknown;
  additionalProperties?: Node | boolean;
  required?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

/** The range a number must lie in, as the reference shows it: "1–100", "> 0, ≤ 3,600", "0–1". */
function rangeOf(n: Node): string {
  const fmt = (v: number) => v.toLocaleString('en-US');
  // An integer above 0 is an integer from 1.
  const min = n.minimum ?? (n.type === 'integer' && n.exclusiveMinimum !== undefined ? Math.floor(n.exclusiveMinimum) + 1 : undefined);
  const low = min !== undefined ? fmt(min) : n.exclusiveMinimum !== undefined ? `> ${fmt(n.exclusiveMinimum)}` : undefined;
  if (n.maximum === undefined) return low ? ` ${min !== undefined ? `≥ ${low}` : low}` : '';
  if (min !== undefined) return ` ${low}–${fmt(n.maximum)}`;
  return low ? ` ${low}, ≤ ${fmt(n.maximum)}` : ` ≤ ${fmt(n.maximum)}`;
}

function typeOf(n: Node): string {
  if (n.enum) return n.enum.map((e) => `\`${String(e)}\``).join(' | ');
  if (n.anyOf) return n.anyOf.map(typeOf).join(' | ');
  if (n.type === 'array') return `list of ${n.items ? typeOf(n.items) : 'values'}`;
  if (n.type === 'object' && n.additionalProperties && typeof n.additionalProperties === 'object')
    return `map of ${typeOf(n.additionalProperties)}`;
  if (n.type === 'number' || n.type === 'integer') return `${n.type}${rangeOf(n)}`;
  return Array.isArray(n.type) ? n.type.join(' | ') : (n.type ?? 'any');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

type Row = { path: string; type: string; def: string; description: string };

/** Names of the nested shapes documented in tables of their own. */
const SHAPES: [string, (n: Node) => boolean][] = [
  ['Brand', (n) => !!n.properties?.own],
  ['Product', (n) => !!n.properties?.aliases && !n.properties?.own && !n.properties?.urls],
  ['Source', (n) => !!n.properties?.urls],
  ['Recipe', (n) => !!n.properties?.container],
];

function shapeOf(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  return SHAPES.find(([, test]) => test(n))?.[0];
}

/** The variants of a union told apart by a constant `type` key (alert channels and rules), each documented in a table of its own. */
function variantsOf(n: Node | undefined): [string, Node][] | undefined {
  const list = n?.oneOf ?? n?.anyOf;
  if (!list?.length || !list.every((v) => v.properties?.type?.const !== undefined)) return undefined;
  return list.map((v) => [String(v.properties!.type!.const), v]);
}

function rowsOf(node: Node, path: string, rows: Row[], shapes: Map<string, Node>): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const p = path ? `${path}.${key}` : key;
    const inner = child.type === 'array' ? child.items : child;
    const variants = variantsOf(inner);
    if (variants) {
      const names = variants.map(([type]) => `\`${p}${child.type === 'array' ? '[]' : ''}\` of type \`${type}\``);
      for (const [i, [, v]] of variants.entries()) shapes.set(names[i]!, v);
      rows.push({
        path: p,
        type: `${child.type === 'array' ? 'list of ' : ''}${variants.map(([type]) => `\`${type}\``).join(' | ')} (by \`type\`)`,
        def: child.default !== undefined ? `\`${JSON.stringify(child.default)}\`` : node.required?.includes(key) ? 'required' : '',
        description: `${child.description ?? ''} See the tables below.`,
      });
      continue;
    }
    const shape = shapeOf(inner);
    if (shape && inner) shapes.set(shape, inner);
    rows.push({
      path: p,
      type: shape ? (child.type === 'array' ? `list of ${shape}` : shape) : typeOf(child),
      def: child.default !== undefined ? `\`${JSON.stringify(child.default)}\`` : node.required?.includes(key) ? 'required' : '',
      description: child.description ?? '',
    });
    if (!shape && inner?.properties) rowsOf(inner, child.type === 'array' ? `${p}[]` : p, rows, shapes);
  }
}

function table(rows: Row[]): string {
  return [
    '| Key | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${r.path}\` | ${cell(r.type)} | ${cell(r.def)} | ${cell(r.description)} |`),
  ].join('\n');
}

/** The reference as Markdown: the project file's keys, then one table per nested shape. */
export function configReferenceMarkdown(): string {
  const shapes = new Map<string, Node>();
  const top: Row[] = [];
  rowsOf(configJsonSchema() as Node, '', top, shapes);
  const parts = [table(top)];
  const done = new Set<string>();
  for (let again = true; again; ) {
    again = false;
    for (const [name] of SHAPES) {
      const node = shapes.get(name);
      if (!node || done.has(name)) continue;
      done.add(name);
      again = true;
      const rows: Row[] = [];
      rowsOf(node, '', rows, shapes);
      parts.push(`#### ${name}\n\n${node.description ?? ''}\n\n${table(rows)}`);
    }
  }
  for (const [name, node] of shapes) {
    if (done.has(name)) continue;
    done.add(name);
    const rows: Row[] = [];
    rowsOf(node, '', rows, shapes);
    parts.push(`#### ${name}\n\n${node.description ?? ''}\n\n${table(rows)}`);
  }
  return parts.join('\n\n');
}
