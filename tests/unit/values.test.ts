import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilToDay, dayNumber, hundredths, monthOfDay } from '../../dist/declaration/values.js';

/** The plain definition the hand-rolled parser must agree with. */
function reference(text: string): number | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''));
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const fraction = (m[3] ?? '').padEnd(2, '0');
  if (fraction.length > 2 && !/^0*$/.test(fraction.slice(2))) return null;
  const value = Number(m[2] || '0') * 100 + Number(fraction.slice(0, 2));
  return m[1] === '-' ? -value : value;
}

describe('hundredths', () => {
  it('reads decimals with up to two significant fraction digits as exact hundredths', () => {
    expect(hundredths('38.00')).toBe(3800);
    expect(hundredths('7.6')).toBe(760);
    expect(hundredths(' 12 ')).toBe(1200);
    expect(hundredths('-0.05')).toBe(-5);
    expect(hundredths('+.5')).toBe(50);
    expect(hundredths('1.2500')).toBe(125);
    expect(hundredths('1.255')).toBeNull();
    expect(hundredths('.')).toBeNull();
    expect(hundredths('-')).toBeNull();
    expect(hundredths('1.2.3')).toBeNull();
    expect(hundredths('1e2')).toBeNull();
    expect(hundredths(undefined)).toBeNull();
  });

  it('agrees with the regular-expression definition on any short text of decimal characters', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', '+', ' ', 'x'), maxLength: 8 });
    fc.assert(fc.property(text, (s) => hundredths(s) === reference(s)), { numRuns: 5000 });
  });
});

describe('dayNumber', () => {
  it('counts days since 1970-01-01 and refuses impossible dates', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(dayNumber('2023-02-29')).toBeNull();
    expect(dayNumber('2026-13-01')).toBeNull();
  });
});

describe('day arithmetic without Date', () => {
  it('agrees with Date.UTC and getUTCMonth on every day from 1600 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1600, 0, 1) / 86_400_000, max: Date.UTC(2400, 11, 31) / 86_400_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        expect(monthOfDay(day)).toBe(date.getUTCMonth());
        expect(civilToDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
      }),
      { numRuns: 5000 },
    );
  });
});
