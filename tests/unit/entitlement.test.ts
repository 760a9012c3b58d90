import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entitlementDays, monthsEmployed, statutoryEntitlement, type EmploymentPeriod } from '../../src/declaration/entitlement.js';
import { dayNumber } from '../../src/declaration/values.js';

const day = (iso: string): number => dayNumber(iso)!;
const period = (start: string, end: string | null, q: number): EmploymentPeriod => ({ start: day(start), end: end === null ? null : day(end), meanHours: Math.round(q * 100) });
const fte = (n: number): number => Math.round(n * 100);

describe('statutory entitlement: the examples of COUNTERS.md', () => {
  it('full-time Q = 38 all year, N = 42 → 38.00 h', () => {
    expect(statutoryEntitlement(2026, fte(42), [period('2019-09-01', null, 38)])).toBe(3800);
  });
  it('Q = 19 → 19.00 h', () => {
    expect(statutoryEntitlement(2026, fte(42), [period('2019-09-01', null, 19)])).toBe(1900);
  });
  it('Q = 38 from 15 July → M = 6 → 19.00 h', () => {
    expect(statutoryEntitlement(2026, fte(42), [period('2026-07-15', null, 38)])).toBe(1900);
  });
  it('N = 12, Q = 40 all year → 8.00 h', () => {
    expect(statutoryEntitlement(2026, fte(12), [period('2020-01-01', null, 40)])).toBe(800);
  });
  it('N = 7 → 0.00 h', () => {
    expect(statutoryEntitlement(2026, fte(7), [period('2020-01-01', null, 38)])).toBe(0);
  });
});

describe('statutory entitlement: edge cases', () => {
  it('workforce exactly 10 and exactly 20 FTE are the thresholds', () => {
    expect([9.99, 10, 19.99, 20].map((n) => entitlementDays(fte(n)))).toEqual([0, 1, 1, 5]);
    expect([10, 19.99, 20].map((n) => entitlementDays(fte(n), 'floor'))).toEqual([0, 0, 2]);
  });
  it('an employment starting on the last day of a month counts that month in full', () => {
    expect(monthsEmployed(2026, [period('2026-01-31', null, 38)])).toBe(12);
    expect(monthsEmployed(2026, [period('2026-11-30', null, 38)])).toBe(2);
  });
  it('a period ending on the first day of a month counts that month', () => {
    expect(monthsEmployed(2026, [period('2020-01-01', '2026-03-01', 38)])).toBe(3);
  });
  it('leap years: 29 February employment counts February', () => {
    expect(monthsEmployed(2028, [period('2028-02-29', '2028-02-29', 38)])).toBe(1);
    expect(statutoryEntitlement(2028, fte(42), [period('2028-02-29', '2028-02-29', 38)])).toBe(317); // 38 × 1/12 = 3.1666…
  });
  it('several periods in one year: months are united, Q is that of the latest period', () => {
    const periods = [period('2026-01-01', '2026-03-31', 38), period('2026-09-01', null, 19)];
    expect(monthsEmployed(2026, periods)).toBe(7);
    expect(statutoryEntitlement(2026, fte(25), periods)).toBe(1108); // 5 × 19 / 5 × 7/12 = 11.083…
  });
  it('rounds half away from zero, once', () => {
    // 5 × 37.5 / 5 × 1/12 = 3.125 → 3.13
    expect(statutoryEntitlement(2026, fte(30), [period('2026-12-01', null, 37.5)])).toBe(313);
  });
  it('no employment in the year → 0', () => {
    expect(statutoryEntitlement(2026, fte(42), [period('2020-01-01', '2025-12-31', 38)])).toBe(0);
  });
});

describe('monthsEmployed', () => {
  /** The definition, month by month: a month counts when a period has one of its days. */
  const byDefinition = (year: number, periods: readonly EmploymentPeriod[]): number => {
    let months = 0;
    for (let month = 0; month < 12; month++) {
      const first = Date.UTC(year, month, 1) / 86_400_000;
      const last = Date.UTC(year, month + 1, 1) / 86_400_000 - 1;
      if (periods.some((p) => p.start <= last && (p.end === null || p.end >= first))) months++;
    }
    return months;
  };

  it('counts each month touched by any period once, whatever the overlaps', () => {
    const from = day('2022-06-01');
    const span = day('2028-06-30') - from;
    const employment = fc.tuple(fc.nat(span), fc.option(fc.nat(800), { nil: null })).map(([start, length]): EmploymentPeriod => ({ start: from + start, end: length === null ? null : from + start + length, meanHours: 3800 }));
    fc.assert(fc.property(fc.integer({ min: 2023, max: 2027 }), fc.array(employment, { maxLength: 4 }), (year, periods) => monthsEmployed(year, periods) === byDefinition(year, periods)), { numRuns: 3000 });
  });
});
