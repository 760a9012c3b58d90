// RULES.md "Training rules" 10055-270: declared after the month that follows the quarter the training ended in.
import { declarationDeadline as deadline } from '../../declaration/deadline.js';
import { dayNumber, dayToIso } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10055-270', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['late'] },
  create(context) {
    return {
      person(person, form) {
        const created = dayNumber(form.creationDate?.text);
        if (created === null) return;
        for (const training of person.trainings) {
          if (!readsRecord(training) || training.endingDate === undefined) continue;
          const end = dayNumber(training.endingDate.text);
          if (end === null || created <= deadline(end)) continue;
          context.report({
            messageId: 'late',
            field: training.endingDate,
            record: training,
            data: { deadline: dayToIso(deadline(end)), created: form.creationDate!.text },
          });
        }
      },
    };
  },
});
