// RULES.md "Training-right rules" 10040-021: a right for a Year in which the person has no employment period.
import { latestPeriodIn, periodsFrom } from '../../declaration/entitlement.js';
import { hundredths, yearValue } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10040-021', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training-right rules', messages: ['noEmployment'] },
  create(context) {
    return {
      person(person) {
        const periods = periodsFrom(person.employments, hundredths);
        // An unreadable period might be the one that covers the year: say nothing rather than guess.
        if (periods.length !== person.employments.length) return;
        for (const right of person.rights) {
          const year = yearValue(right.year?.text);
          if (year === null || right.year === undefined) continue;
          // Hours 0 withdraws the right (COUNTERS.md): exactly what a right without employment calls for.
          if (hundredths(right.duration?.amount.text) === 0) continue;
          if (latestPeriodIn(year, periods) === null) {
            context.report({ messageId: 'noEmployment', field: right.year, record: right, data: { rightType: right.rightType?.text ?? '' } });
          }
        }
      },
    };
  },
});
