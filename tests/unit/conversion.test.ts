import { describe, expect, it } from 'vitest';
import { durationHours } from '../../src/declaration/conversion.js';

const days = (text: string) => ({ unit: 'days' as const, amount: { text, at: { line: 1, column: 1, xpath: '' } } });

describe('Days to hours (COUNTERS.md)', () => {
  it('hours = days × S / 5, rounded half away from zero to hundredths', () => {
    expect(durationHours(days('5'), 3800)).toBe(3800);
    expect(durationHours(days('1'), 3800)).toBe(760);
    expect(durationHours(days('0.5'), 3750)).toBe(375);
    expect(durationHours(days('1'), 3725)).toBe(745); // 7.45 exactly
    expect(durationHours(days('0.33'), 3800)).toBe(251); // 2.508 → 2.51
    expect(durationHours(days('0.01'), 3750)).toBe(8); // 0.075 → 0.08 (half away from zero)
  });
});

describe('dayNumber', () => {
  it('agrees with Date.UTC on every day from 1899 to 2101 and refuses impossible dates', async () => {
    const { dayNumber } = await import('../../src/declaration/values.js');
    for (let day = Date.UTC(1899, 0, 1) / 86_400_000; day <= Date.UTC(2101, 11, 31) / 86_400_000; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(iso) !== day) throw new Error(`${iso}: ${dayNumber(iso)} ≠ ${day}`);
    }
    expect(['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '20260101', '2026-1-01', 'abcd-01-01'].map(dayNumber)).toEqual([null, null, null, null, null, null, null, null]);
    expect(dayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(dayNumber('2026-04-20Z')).toBe(Date.UTC(2026, 3, 20) / 86_400_000);
  });
});
