// RULES.md "Training rules" 10055-111: a Training starts after the declaration was created.
import { dayNumber } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10055-111', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['inFuture'] },
  create(context) {
    return {
      person(person, form) {
        const created = dayNumber(form.creationDate?.text);
        if (created === null) return;
        for (const training of person.trainings) {
          if (!readsRecord(training) || training.startingDate === undefined) continue;
          const start = dayNumber(training.startingDate.text);
          if (start !== null && start > created) {
            context.report({ messageId: 'inFuture', field: training.startingDate, record: training, data: { created: form.creationDate!.text } });
          }
        }
      },
    };
  },
});
