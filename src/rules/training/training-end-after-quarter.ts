// RULES.md "Training rules" 10056-021: a Training ends after the last day of the declared Quarter.
import { dayNumber, dayToIso, quarterPeriod } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10056-021', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['afterQuarter'] },
  create(context) {
    return {
      person(person, form) {
        const quarter = quarterPeriod(form.quarter?.text);
        if (quarter === null) return;
        for (const training of person.trainings) {
          if (!readsRecord(training) || training.endingDate === undefined) continue;
          const end = dayNumber(training.endingDate.text);
          if (end !== null && end > quarter.lastDay) {
            context.report({
              messageId: 'afterQuarter',
              field: training.endingDate,
              record: training,
              data: { quarter: form.quarter!.text, lastDay: dayToIso(quarter.lastDay) },
            });
          }
        }
      },
    };
  },
});
