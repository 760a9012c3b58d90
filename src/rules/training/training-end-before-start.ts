// RULES.md "Training rules" 10056-014: a Training's EndingDate lies before its StartingDate.
import { dayNumber } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10056-014', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['endBeforeStart'] },
  create(context) {
    return {
      person(person) {
        for (const training of person.trainings) {
          if (!readsRecord(training) || training.startingDate === undefined || training.endingDate === undefined) continue;
          const start = dayNumber(training.startingDate.text);
          const end = dayNumber(training.endingDate.text);
          if (start !== null && end !== null && end < start) {
            context.report({ messageId: 'endBeforeStart', field: training.endingDate, record: training, data: { start: training.startingDate.text } });
          }
        }
      },
    };
  },
});
