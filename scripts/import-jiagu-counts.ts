/**
 * Converts jiagu's Chinese sentiment model (naive-Bayes word counts, MIT, © Yener (Zheng Wenyu) / ownthink) into
 * analyzers/sentiment/models/zh-naive-bayes.tsv, which the Chinese scorer reads. The model is
 * `jiagu/sentiment/model/sentiment.model` inside the jiagu source package (`pip download jiagu`):
 * a gzip of a Python `marshal` dump. It is read here without Python.
 *
 *   node dist/scripts/import-jiagu-counts.js path/to/sentiment.model [out.tsv]
 *
 * Words counted fewer than MIN_COUNT times over both classes are left out (they decide little and
 * would triple the file); their absence reads as the add-one count jiagu gives an unseen word.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Words with fewer (real) occurrences over both classes are dropped. */
export const MIN_COUNT = 2;

type Value = string | number | null | Map<Value, Value> | Value[];

/**
 * Reads the subset of Python's marshal format (versions 3–4) a dict of dicts of word counts uses:
 * dicts, strings (ASCII, short ASCII, Unicode, interned), ints, floats, None, tuples and back-references.
 */
export function readMarshal(buf: Buffer): Value {
  let at = 0;
  const refs: Value[] = [];
  const read = (): Value => {
    const code = buf[at++]!;
    const flag = code & 0x80;
    const type = String.fromCharCode(code & 0x7f);
    const slot = flag ? refs.push(null) - 1 : -1;
    const keep = <T extends Value>(v: T): T => {
      if (slot >= 0) refs[slot] = v;
      return v;
    };
    switch (type) {
      case '0':
        return null; // end of a dict
      case 'N':
        return null;
      case 'i': {
        const v = buf.readInt32LE(at);
        at += 4;
        return keep(v);
      }
      case 'g': {
        const v = buf.readDoubleLE(at);
        at += 8;
        return keep(v);
      }
      case 'z':
      case 'Z': {
        const n = buf[at++]!;
        const v = buf.toString('latin1', at, at + n);
        at += n;
        return keep(v);
      }
      case 'a':
      case 'A':
      case 'u':
      case 't': {
        const n = buf.readUInt32LE(at);
        at += 4;
        const v = buf.toString(type === 'u' || type === 't' ? 'utf8' : 'latin1', at, at + n);
        at += n;
        return keep(v);
      }
      case ')': {
        const n = buf[at++]!;
        const list: Value[] = [];
        keep(list);
        for (let k = 0; k < n; k++) list.push(read());
        return list;
      }
      case '{': {
        const map = new Map<Value, Value>();
        keep(map);
        for (;;) {
          if (buf[at] === 0x30) {
            at++;
            return map;
          }
          const key = read();
          map.set(key, read());
        }
      }
      case 'r': {
        const k = buf.readUInt32LE(at);
        at += 4;
        return refs[k]!;
      }
      default:
        throw new Error(`marshal: type '${type}' (0x${code.toString(16)}) at byte ${at - 1} is not one a word-count model uses`);
    }
  };
  return read();
}

/** The counts file: a header line with the class totals, then "word<TAB>positive<TAB>negative" per word (jiagu's add-one counts). */
export function countsFile(model: Value): string {
  const root = model as Map<Value, Value>;
  const classes = root.get('d') as Map<Value, Value>;
  const cls = (name: string) => {
    const c = classes.get(name) as Map<Value, Value>;
    return { total: c.get('total') as number, d: c.get('d') as Map<string, number> };
  };
  const pos = cls('positive');
  const neg = cls('negative');
  const words = [...new Set([...pos.d.keys(), ...neg.d.keys()])]
    .filter((w) => (pos.d.get(w) ?? 1) - 1 + ((neg.d.get(w) ?? 1) - 1) >= MIN_COUNT && !/[\t\n]/.test(w))
    .sort();
  const lines = [`#totals\t${pos.total}\t${neg.total}`];
  for (const w of words) lines.push(`${w}\t${pos.d.get(w) ?? 1}\t${neg.d.get(w) ?? 1}`);
  return `${lines.join('\n')}\n`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const [input, output] = process.argv.slice(2);
  if (!input) {
    process.stderr.write('usage: node dist/scripts/import-jiagu-counts.js path/to/jiagu/sentiment/model/sentiment.model [out.tsv]\n');
    process.exit(2);
  }
  const root = resolve(import.meta.dirname, '..', '..');
  const out = output ?? resolve(root, 'analyzers', 'sentiment', 'models', 'zh-naive-bayes.tsv');
  const text = countsFile(readMarshal(gunzipSync(readFileSync(input))));
  writeFileSync(out, text);
  process.stderr.write(`wrote ${out}: ${text.split('\n').length - 2} words\n`);
}
