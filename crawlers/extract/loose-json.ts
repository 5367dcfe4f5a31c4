/**
 * Tolerant JSON: pages ship JSON-LD with trailing commas, HTML comments and raw control
 * characters, and state blobs as JavaScript object literals (unquoted keys, single quotes,
 * `undefined`, `!0`). This module repairs what it can and finds such blobs inside scripts.
 */

/** Parses JSON, repairing common breakage; undefined when it cannot be made valid. */
export function parseLooseJson(text: string): unknown {
  const trimmed = stripWrappers(text);
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // fall through to the repairing pass
  }
  const repaired = jsLiteralToJson(trimmed);
  if (repaired === undefined) return undefined;
  try {
    return JSON.parse(repaired);
  } catch {
    // Several objects back to back ("{…}{…}") are a common CMS accident.
    if (/^\{[\s\S]*\}\s*\{/.test(repaired)) {
      try {
        return JSON.parse(`[${repaired.replace(/\}\s*\{/g, '},{')}]`);
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

function stripWrappers(text: string): string {
  let t = text.trim();
  t = t.replace(/^<!--/, '').replace(/-->$/, '').trim();
  t = t.replace(/^\/\*\s*<!\[CDATA\[\s*\*\//, '').replace(/\/\*\s*\]\]>\s*\*\/$/, '');
  t = t.replace(/^\/\/\s*<!\[CDATA\[/, '').replace(/\/\/\s*\]\]>$/, '');
  t = t.replace(/^<!\[CDATA\[/, '').replace(/\]\]>$/, '');
  return t
    .replace(/^\uFEFF/, '')
    .replace(/;\s*$/, '')
    .trim();
}

const IDENT_START = /[A-Za-z_$]/;
const IDENT = /[\w$]/;

/**
 * Rewrites a JavaScript object/array literal as JSON: quotes bare keys, converts single-quoted and
 * template strings, escapes control characters inside strings, drops comments and trailing
 * commas, maps `undefined`/`NaN`/`!0`/`!1`. Returns undefined when it meets code it cannot map.
 */
export function jsLiteralToJson(src: string): string | undefined {
  const out: string[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i] as string;
    if (c === '"' || c === "'" || c === '`') {
      const end = readString(src, i);
      if (end < 0) return undefined;
      out.push(requote(src.slice(i + 1, end), c));
      i = end + 1;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === '<' && src.startsWith('<!--', i)) {
      const close = src.indexOf('-->', i);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (c === ',') {
      // Trailing comma before a closing bracket.
      let j = i + 1;
      while (j < n && /\s/.test(src[j] as string)) j++;
      if (src[j] === '}' || src[j] === ']') {
        i = j;
        continue;
      }
      out.push(c);
      i++;
      continue;
    }
    if (c === '!' && (src[i + 1] === '0' || src[i + 1] === '1')) {
      out.push(src[i + 1] === '0' ? 'true' : 'false');
      i += 2;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT.test(src[j] as string)) j++;
      const word = src.slice(i, j);
      let k = j;
      while (k < n && /\s/.test(src[k] as string)) k++;
      if (src[k] === ':' && src[k + 1] !== ':') {
        out.push(JSON.stringify(word));
      } else if (word === 'true' || word === 'false' || word === 'null') {
        out.push(word);
      } else if (word === 'undefined' || word === 'NaN' || word === 'Infinity') {
        out.push('null');
      } else {
        return undefined;
      }
      i = j;
      continue;
    }
    if (c < ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      i++;
      continue;
    }
    if (c === '.' && /\d/.test(src[i + 1] ?? '')) {
      out.push('0.');
      i++;
      continue;
    }
    out.push(c);
    i++;
  }
  return out.join('');
}

function readString(src: string, start: number): number {
  const quote = src[start];
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === quote) return i;
    if (quote !== '`' && c === '\n' && quote === "'") return -1;
  }
  return -1;
}

function requote(body: string, quote: string): string {
  let out = '"';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\') {
      const next = body[i + 1];
      i++;
      if (next === undefined) break;
      if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
        out += `\\u00${body.slice(i + 1, i + 3)}`;
        i += 2;
      } else if (next === 'u') {
        out += /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5)) ? '\\u' : 'u';
      } else if ('"\\/bfnrt'.includes(next)) {
        out += `\\${next}`;
      } else if (next !== '\n') {
        // Invalid JSON escapes (\', \`, \$) stand for the character itself.
        out += next === '"' ? '\\"' : next;
      }
      continue;
    }
    if (c === '"' && quote !== '"') {
      out += '\\"';
      continue;
    }
    if (c < ' ') {
      // Raw control characters inside strings are what most broken JSON-LD trips on.
      out += c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : '';
      continue;
    }
    out += c;
  }
  return `${out}"`;
}

/** A JSON-ish blob found inside a script. */
export interface ScriptBlob {
  /** The parsed value. */
  value: unknown;
  /** What the code did with it, for explanations: `AF_initDataCallback(…)`, `window.__STATE__ = …`. */
  where?: string;
}

function whereOf(code: string, at: number, op: string): string | undefined {
  const before = /([\w$][\w$.]*)\s*$/.exec(code.slice(Math.max(0, at - 80), at));
  if (!before?.[1]) return undefined;
  return op === '(' ? `${before[1]}(…)` : op === '=' ? `${before[1]} = …` : undefined;
}

// An object or array literal assigned or passed, `JSON.parse('…')`, or a string literal holding JSON.
const BLOB_START = /[=(:,]\s*(?=[{[])|JSON\.parse\(\s*(?=["'])|[=(:,]\s*(?=["']\s*[{[])/g;

/**
 * Finds object/array literals assigned or passed in script code (`x = {…}`, `fn({…})`,
 * `JSON.parse('…')`) and parses them leniently. Blobs shorter than `minLength` are skipped.
 */
export function findScriptBlobs(code: string, minLength = 80, budget = { chars: 20_000_000 }): ScriptBlob[] {
  const found: ScriptBlob[] = [];
  const re = new RegExp(BLOB_START.source, 'g');
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const start = m.index + m[0].length;
    const op = m[0][0];
    // "==", "<=", "=>"-style operators are comparisons and arrows, not assignments.
    if (op === '=' && /[=!<>]/.test(code[m.index - 1] ?? '')) continue;
    const open = code[start];
    if (open === '"' || open === "'") {
      const end = readString(code, start);
      if (end < 0 || end - start < minLength) continue;
      budget.chars -= end - start;
      if (budget.chars < 0) break;
      const literal = requote(code.slice(start + 1, end), open);
      try {
        const inner = JSON.parse(literal) as string;
        const value = parseLooseJson(inner);
        if (value && typeof value === 'object') found.push({ value, where: op === 'J' ? 'JSON.parse(…)' : 'a JSON string' });
      } catch {
        // not a JSON string after all
      }
      re.lastIndex = end + 1;
      continue;
    }
    const end = matchBracket(code, start);
    budget.chars -= Math.max(0, (end < 0 ? code.length : end) - start);
    if (budget.chars < 0) break;
    if (end < 0 || end - start + 1 < minLength) continue;
    const value = parseLooseJson(code.slice(start, end + 1));
    if (value && typeof value === 'object') {
      const where = whereOf(code, m.index, op as string);
      found.push(where ? { value, where } : { value });
      re.lastIndex = end + 1;
    }
  }
  return found;
}

/** Index of the bracket closing the one at `start`, skipping strings and comments; -1 when unbalanced. */
function matchBracket(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = readString(code, i);
      if (end < 0) return -1;
      i = end;
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
