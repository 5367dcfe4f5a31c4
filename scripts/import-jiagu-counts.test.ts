import { describe, expect, it } from 'vitest';
import { countsFile, readMarshal } from './import-jiagu-counts.js';

// Python 3's marshal.dumps of a small model of our own in jiagu's shape:
// {'total': 9.0, 'd': {'positive': {'d': {'好': 4, '喜欢': 3, 'ok': 2}, 'total': 9.0, 'none': 1},
//                      'negative': {'d': {'差': 5, '好': 2}, 'total': 7.0, 'none': 1}}}
const MODEL = Buffer.from(
  'fbda05746f74616ce70000000000002240da01647bda08706f7369746976657b72030000007bf503000000e5a5bde904000000f506000000e5969ce6aca2e903000000da026f6be9020000003072010000007202000000da046e6f6e65e90100000030da086e656761746976657b72030000007bf503000000e5b7aee9050000007205000000720a000000307201000000e70000000000001c40720b000000720c000000303030',
  'hex',
);

describe('jiagu counts import', () => {
  it('reads a marshal dump with interned strings, floats and back-references', () => {
    const root = readMarshal(MODEL) as Map<unknown, unknown>;
    expect(root.get('total')).toBe(9);
    const neg = (root.get('d') as Map<unknown, unknown>).get('negative') as Map<unknown, unknown>;
    expect(neg.get('total')).toBe(7);
    expect(neg.get('none')).toBe(1);
    expect([...(neg.get('d') as Map<string, number>)]).toEqual([
      ['差', 5],
      ['好', 2],
    ]);
  });

  it('writes the class totals and the words counted at least twice, a word missing from a class at its add-one count', () => {
    expect(countsFile(readMarshal(MODEL)).split('\n')).toEqual(['#totals\t9\t7', '喜欢\t3\t1', '好\t4\t2', '差\t1\t5', '']);
  });

  it('names a marshal type it does not read', () => {
    expect(() => readMarshal(Buffer.from([0x5b, 0, 0, 0, 0]))).toThrow(/type '\[' .* not one a word-count model uses/);
  });
});
