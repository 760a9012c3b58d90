// RULES.md "Training-right rules" 10042-021: LEGAL hours above the statutory entitlement, or under the 2-day floor from 20 FTE.
import { latestPeriodIn, periodsFrom, statutoryEntitlement } from '../../declaration/entitlement.js';
import { durationHours, referenceHoursForYear } from '../../declaration/conversion.js';
import { formatHundredths, hundredths, yearValue } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

/** "more than 0.01 h above": the one hundredth that two roundings may add. */
const TOLERANCE = 1;

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
          const year = yearValue(right.year?.text);
          // The formula starts in 2024; earlier years are 10040-008's to reject.
          if (right.rightType?.text !== 'LEGAL' || right.duration === undefined || year === null || year < 2024) continue;
          periods ??= periodsFrom(person.employments, hundredths);
          // Without employment in the year the entitlement is 0 because of that: 10040-021 says so.
          if (latestPeriodIn(year, periods) === null) continue;
          const hours = durationHours(right.duration, referenceHoursForYear(person.employments, year));
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
