// RULES.md "Training-right rules" 10042-021: LEGAL hours above the statutory entitlement, or under the 2-day floor from 20 FTE.
import type { Employment, TrainingRight } from '../../declaration/model.js';
import { latestPeriodIn, periodsFrom, statutoryEntitlement } from '../../declaration/entitlement.js';
import { dayNumber, formatHundredths, hundredths } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

/** "more than 0.01 h above": the one hundredth that two roundings may add. */
const TOLERANCE = 1;
const DEFAULT_REF_HOURS = 3800;

export default defineRule({
  meta: { code: '10042-021', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training-right rules', messages: ['aboveEntitlement', 'belowFloor'] },
  create(context) {
    return {
      person(person, form) {
        const workforce = hundredths(form.workforceSize?.text);
        // Under 10 FTE the entitlement is 0 and 10041-146 already warns: one warning for one fact.
        if (workforce === null || workforce < 1000) return;
        let periods: ReturnType<typeof periodsFrom> | null = null;
        for (const right of person.rights) {
          const year = Number.parseInt(right.year?.text ?? '', 10);
          // The formula starts in 2024; earlier years are 10040-008's to reject.
          if (right.rightType?.text !== 'LEGAL' || right.duration === undefined || !Number.isInteger(year) || year < 2024) continue;
          periods ??= periodsFrom(person.employments, hundredths);
          // Without employment in the year the entitlement is 0 because of that: 10040-021 says so.
          if (latestPeriodIn(year, periods) === null) continue;
          const hours = rightHours(right, year, person.employments);
          if (hours === null) continue;
          const data = { year, hours: formatHundredths(hours), workforce: form.workforceSize!.text };
          const entitlement = statutoryEntitlement(year, workforce, periods, 'full');
          if (hours > entitlement + TOLERANCE) {
            context.report({ messageId: 'aboveEntitlement', field: right.duration.amount, record: right, data: { ...data, entitlement: formatHundredths(entitlement) } });
            continue;
          }
          const floor = statutoryEntitlement(year, workforce, periods, 'floor');
          if (hours < floor) context.report({ messageId: 'belowFloor', field: right.duration.amount, record: right, data: { ...data, floor: formatHundredths(floor) } });
        }
      },
    };
  },
});

/**
 * The right in hundredths of an hour (COUNTERS.md "Rights"): Days × S / 5, S of the latest employment
 * period overlapping the year (38.00 without one), rounded once, half away from zero.
 */
function rightHours(right: TrainingRight, year: number, employments: readonly Employment[]): number | null {
  const amount = hundredths(right.duration?.amount.text);
  if (amount === null || right.duration?.unit === 'hours') return amount;
  const latest = latestEmploymentIn(year, employments);
  const ref = latest === null ? DEFAULT_REF_HOURS : hundredths(latest.refMeanWorkingHours?.text);
  if (ref === null) return null;
  // Both in hundredths: hours × 100 = amount × ref / 500, kept in integers so the rounding is exact.
  const product = amount * ref;
  return Math.sign(product) * Math.floor((2 * Math.abs(product) + 500) / 1000);
}

/** As latestPeriodIn of entitlement.ts (latest start, the later in the file on a tie), but the Employment itself. */
function latestEmploymentIn(year: number, employments: readonly Employment[]): Employment | null {
  const first = Date.UTC(year, 0, 1) / 86_400_000;
  const last = Date.UTC(year + 1, 0, 1) / 86_400_000 - 1;
  let latest: { employment: Employment; start: number } | null = null;
  for (const employment of employments) {
    const start = dayNumber(employment.startingDate?.text);
    const end = employment.endingDate === undefined ? null : dayNumber(employment.endingDate.text);
    if (start === null || (employment.endingDate !== undefined && end === null)) continue;
    if (start <= last && (end === null || end >= first) && (latest === null || start >= latest.start)) latest = { employment, start };
  }
  return latest?.employment ?? null;
}
