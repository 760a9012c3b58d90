// RULES.md "Person rules" 10032-014: an Employment's EndingDate lies before its StartingDate.
import { dayNumber } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10032-014', severity: 'B', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Person rules', messages: ['endBeforeStart'] },
  create(context) {
    return {
      person(person) {
        for (const employment of person.employments) {
          const start = dayNumber(employment.startingDate?.text);
          const end = dayNumber(employment.endingDate?.text);
          if (start !== null && end !== null && end < start && employment.endingDate !== undefined) {
            context.report({ messageId: 'endBeforeStart', field: employment.endingDate, data: { start: employment.startingDate!.text } });
          }
        }
      },
    };
  },
});
