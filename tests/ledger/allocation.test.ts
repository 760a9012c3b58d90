// The worked example of COUNTERS.md, step by step.
import { describe, expect, it } from 'vitest';
import { allocate, type GrantedRight, type UsingTraining } from '../../src/ledger/allocation.js';
import { windowLabel, windowStart } from '../../src/ledger/windows.js';
import { dayNumber } from '../../src/declaration/values.js';

const h = (hours: number): number => Math.round(hours * 100);
const training = (reference: string, end: string, hours: number, rightType: UsingTraining['rightType'] = null): UsingTraining => ({
  reference,
  startDay: dayNumber(end)!,
  endDay: dayNumber(end)!,
  year: Number(end.slice(0, 4)),
  hours: h(hours),
  rightType,
});

const RIGHTS: GrantedRight[] = [
  { year: 2024, type: 'LEGAL', hours: h(38) },
  { year: 2025, type: 'LEGAL', hours: h(38) },
  { year: 2025, type: 'SECTOR', hours: h(7.6) },
];
const T1 = training('T1', '2024-05-15', 30);
const T2 = training('T2', '2025-03-20', 60);
const T3 = training('T3', '2025-06-30', 20, 'EMPLOYER');

describe('COUNTERS.md worked example', () => {
  it('step 1: 30 h in 2024 use LEGAL of 2024', () => {
    const c = allocate(RIGHTS, [T1]);
    expect(c.types.LEGAL).toEqual({ granted: h(76), used: h(30) });
    expect(c.uncovered).toBe(0);
  });

  it('step 2: 60 h in 2025 take LEGAL 46, SECTOR 7.6, and leave 6.4 uncovered', () => {
    const c = allocate(RIGHTS, [T1, T2]);
    expect(c.types.LEGAL.used).toBe(h(76));
    expect(c.types.SECTOR.used).toBe(h(7.6));
    expect(c.types.EMPLOYER.used).toBe(0);
    expect(c.uncovered).toBe(h(6.4));
    expect(c.uncoveredByTraining.get('T2')).toBe(h(6.4));
  });

  it('step 3: 20 h on EMPLOYER with nothing granted are uncovered; the result of COUNTERS.md', () => {
    const c = allocate(RIGHTS, [T3, T2, T1]);
    expect(c.types).toEqual({
      LEGAL: { granted: h(76), used: h(76) },
      SECTOR: { granted: h(7.6), used: h(7.6) },
      EMPLOYER: { granted: 0, used: 0 },
    });
    expect(c.uncovered).toBe(h(26.4));
    expect(c.years.get(2024)!.LEGAL).toEqual({ granted: h(38), used: h(30) });
    expect(c.years.get(2025)!.LEGAL).toEqual({ granted: h(38), used: h(46) });
  });

  it('cancelling training 2 re-allocates the window: LEGAL used 30, SECTOR free, 20 uncovered', () => {
    const c = allocate(RIGHTS, [T1, T3]);
    expect(c.types.LEGAL).toEqual({ granted: h(76), used: h(30) });
    expect(c.types.SECTOR).toEqual({ granted: h(7.6), used: 0 });
    expect(c.uncovered).toBe(h(20));
  });

  it('a training cannot use rights of later years of the window', () => {
    const c = allocate([{ year: 2026, type: 'LEGAL', hours: h(38) }], [training('early', '2025-01-10', 10)]);
    expect(c.types.LEGAL.used).toBe(0);
    expect(c.uncovered).toBe(h(10));
  });
});

describe('windows', () => {
  it('are fixed five-year periods anchored at 2024', () => {
    expect([2024, 2028, 2029, 2033, 2034].map((y) => windowLabel(windowStart(y)))).toEqual(['2024-2028', '2024-2028', '2029-2033', '2029-2033', '2034-2038']);
  });
});
