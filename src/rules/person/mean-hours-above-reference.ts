// RULES.md "Person rules" 10034-008: an Employment's MeanWorkingHours greater than its RefMeanWorkingHours.
import { hundredths } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10034-008', severity: 'B', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Person rules', messages: ['aboveReference'] },
  create(context) {
    return {
      person(person) {
        for (const employment of person.employments) {
          const mean = hundredths(employment.meanWorkingHours?.text);
          const reference = hundredths(employment.refMeanWorkingHours?.text);
          if (mean !== null && reference !== null && mean > reference && employment.meanWorkingHours !== undefined) {
            context.report({ messageId: 'aboveReference', field: employment.meanWorkingHours, data: { reference: employment.refMeanWorkingHours!.text } });
          }
        }
      },
    };
  },
});
