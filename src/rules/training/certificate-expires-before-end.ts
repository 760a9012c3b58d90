// RULES.md "Training rules" 10063-014: the Certificate's ValidUntil lies before the training's EndingDate.
import { dayNumber } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10063-014', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['expiresBeforeEnd'] },
  create(context) {
    return {
      person(person) {
        for (const training of person.trainings) {
          const validUntil = training.certificate?.validUntil;
          if (!readsRecord(training) || validUntil === undefined || training.endingDate === undefined) continue;
          const until = dayNumber(validUntil.text);
          const end = dayNumber(training.endingDate.text);
          if (until !== null && end !== null && until < end) {
            context.report({ messageId: 'expiresBeforeEnd', field: validUntil, record: training, data: { end: training.endingDate.text } });
          }
        }
      },
    };
  },
});
