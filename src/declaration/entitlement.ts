// COUNTERS.md "Statutory legal entitlement": days(N) × Q / 5 × M / 12 hours, rounded once, half
// away from zero, to hundredths. Pure and exact (integers), because the ledger uses it too.
import { civilToDay, dayNumber, monthOfDay } from './values.js';

export interface EmploymentPeriod {
  /** Day numbers (days since 1970-01-01); end null when ongoing. */
  readonly start: number;
  readonly end: number | null;
  /** MeanWorkingHours (Q) in hundredths of an hour. */
  readonly meanHours: number;
}

export type EntitlementBasis = 'full' | 'floor';

/** days(N): 0 under 10 FTE, 1 from 10, 5 from 20 — or the 2-day floor a sector may not go under. */
export function entitlementDays(workforceHundredths: number, basis: EntitlementBasis = 'full'): number {
  if (workforceHundredths < 1000) return 0;
  if (workforceHundredths < 2000) return basis === 'floor' ? 0 : 1;
  return basis === 'floor' ? 2 : 5;
}

/** Calendar months of `year` with at least one day of employment, over all periods. */
export function monthsEmployed(year: number, periods: readonly EmploymentPeriod[]): number {
  // One bit per month: each period sets the months it touches, so overlapping periods count once.
  const yearStart = civilToDay(year, 1, 1);
  const yearEnd = civilToDay(year + 1, 1, 1) - 1;
  let mask = 0;
  for (const p of periods) {
    if (p.start > yearEnd || (p.end !== null && p.end < yearStart)) continue;
    const from = p.start <= yearStart ? 0 : monthOfDay(p.start);
    const to = p.end === null || p.end >= yearEnd ? 11 : monthOfDay(p.end);
    mask |= ((1 << (to + 1)) - 1) & ~((1 << from) - 1);
  }
  let months = 0;
  for (; mask !== 0; mask &= mask - 1) months++;
  return months;
}

/** The period of `year` with the latest start: its Q is the one that counts. */
export function latestPeriodIn(year: number, periods: readonly EmploymentPeriod[]): EmploymentPeriod | null {
  const first = civilToDay(year, 1, 1);
  const last = civilToDay(year + 1, 1, 1) - 1;
  let latest: EmploymentPeriod | null = null;
  for (const p of periods) {
    if (p.start <= last && (p.end === null || p.end >= first) && (latest === null || p.start >= latest.start)) latest = p;
  }
  return latest;
}

/** Entitlement in hundredths of an hour. */
export function statutoryEntitlement(year: number, workforceHundredths: number, periods: readonly EmploymentPeriod[], basis: EntitlementBasis = 'full'): number {
  const days = entitlementDays(workforceHundredths, basis);
  const latest = latestPeriodIn(year, periods);
  if (days === 0 || latest === null) return 0;
  // hours = days × Q / 5 × M / 12 = days × Q × M / 60, with Q in hundredths.
  const numerator = days * latest.meanHours * monthsEmployed(year, periods);
  return Math.floor((2 * numerator + 60) / 120);
}

/** Builds periods from declaration text; periods whose dates or hours do not parse are left out. */
export function periodsFrom(employments: ReadonlyArray<{ startingDate?: { text: string }; endingDate?: { text: string }; meanWorkingHours?: { text: string } }>, parseHours: (text: string | undefined) => number | null): EmploymentPeriod[] {
  const periods: EmploymentPeriod[] = [];
  for (const e of employments) {
    const start = dayNumber(e.startingDate?.text);
    const end = e.endingDate === undefined ? null : dayNumber(e.endingDate.text);
    const meanHours = parseHours(e.meanWorkingHours?.text);
    if (start !== null && meanHours !== null && (e.endingDate === undefined || end !== null)) periods.push({ start, end, meanHours });
  }
  return periods;
}
