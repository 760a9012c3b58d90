// RULES.md "Training-right rules" 10040-008: a right's Year before 2024 or more than one year after the Quarter's year.
import { quarterPeriod, yearValue } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

const FIRST_YEAR = 2024;

export default defineRule({
  meta: { code: '10040-008', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training-right rules', messages: ['beforeFirstYear', 'tooFarAhead'] },
  create(context) {
    return {
      person(person, form) {
        const quarter = quarterPeriod(form.quarter?.text);
        for (const right of person.rights) {
          // parseInt reads the year of an xs:gYear and stops at a zone suffix ('2026Z').
          const year = yearValue(right.year?.text);
          if (year === null || right.year === undefined) continue;
          if (year < FIRST_YEAR) context.report({ messageId: 'beforeFirstYear', field: right.year, record: right, data: { firstYear: FIRST_YEAR } });
          else if (quarter !== null && year > quarter.year + 1) {
            context.report({ messageId: 'tooFarAhead', field: right.year, record: right, data: { quarter: form.quarter!.text, lastYear: quarter.year + 1 } });
          }
        }
      },
    };
  },
});
