// RULES.md "Training-right rules" 10041-146: a LEGAL right with hours > 0 while WorkforceSize is under 10.
import { hundredths } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10041-146', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training-right rules', messages: ['smallEmployer'] },
  create(context) {
    return {
      person(person, form) {
        const workforce = hundredths(form.workforceSize?.text);
        if (workforce === null || workforce >= 1000) return;
        for (const right of person.rights) {
          const amount = right.duration === undefined ? null : hundredths(right.duration.amount.text);
          // Days > 0 are hours > 0 whatever the conversion, so no employment is needed here.
          if (right.rightType?.text === 'LEGAL' && amount !== null && amount > 0) {
            context.report({ messageId: 'smallEmployer', field: right.duration!.amount, record: right, data: { year: right.year?.text ?? '', zone: right.duration!.unit === 'hours' ? 'Hours' : 'Days', workforce: form.workforceSize!.text } });
          }
        }
      },
    };
  },
});
