// COUNTERS.md "Rights": Days convert to hours with S / 5, S the RefMeanWorkingHours of the employment period
// that applies (38.00 when there is none), rounded half away from zero to hundredths, once.
import type { Duration, Employment } from './model.js';
import { dayNumber, hundredths } from './values.js';

const DEFAULT_S = 3800;

export function durationHours(duration: Duration | undefined, s: number): number | null {
  if (duration === undefined) return null;
  const amount = hundredths(duration.amount.text);
  if (amount === null) return null;
  if (duration.unit === 'hours') return amount;
  // amount (hundredths of days) × S (hundredths of hours) / 5 / 100 → hundredths of hours
  const numerator = amount * s;
  return Math.floor((2 * numerator + 500) / 1000);
}

/** S of the worker's latest employment period that overlaps `year`. */
export function referenceHoursForYear(employments: readonly Employment[], year: number): number {
  const first = Date.UTC(year, 0, 1) / 86_400_000;
  const last = Date.UTC(year + 1, 0, 1) / 86_400_000 - 1;
  return latestS(employments, (start, end) => start <= last && (end === null || end >= first));
}

/** S of the employment period that covers `day` (a training's StartingDate). */
export function referenceHoursOnDay(employments: readonly Employment[], day: number): number {
  return latestS(employments, (start, end) => start <= day && (end === null || end >= day));
}

function latestS(employments: readonly Employment[], matches: (start: number, end: number | null) => boolean): number {
  let best: { start: number; s: number } | null = null;
  for (const e of employments) {
    const start = dayNumber(e.startingDate?.text);
    const end = e.endingDate === undefined ? null : dayNumber(e.endingDate.text);
    const s = hundredths(e.refMeanWorkingHours?.text);
    if (start === null || s === null || !matches(start, end)) continue;
    if (best === null || start >= best.start) best = { start, s };
  }
  return best?.s ?? DEFAULT_S;
}
