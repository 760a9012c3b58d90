import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyLines } from '../../dist/rules/key-lines.js';

describe('KeyLines', () => {
  it('behaves like a Map of first lines, for any keys, through many resizes', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('', 'TR-1', 'TR-1\u0000', 'é', '€', 'TR-10'));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        const compact = new KeyLines();
        const plain = new Map<string, number>();
        keys.forEach((k, line) => {
          const first = plain.get(k);
          if (first === undefined) plain.set(k, line);
          expect(compact.addIfAbsent(k, line)).toBe(first);
        });
        expect(compact.size).toBe(plain.size);
        for (const [k, line] of plain) expect(compact.get(k)).toBe(line);
        expect(compact.get('never added \u{1F600}')).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('holds a million references in a few tens of megabytes', () => {
    const before = process.memoryUsage();
    const lines = new KeyLines();
    for (let i = 0; i < 1_000_000; i++) lines.addIfAbsent(`TR-20261-${String(i).padStart(7, '0')}`, i);
    const after = process.memoryUsage();
    const grown = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
    expect(lines.size).toBe(1_000_000);
    expect(lines.addIfAbsent('TR-20261-0999999', 5)).toBe(999_999);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });
});
