// RULES.md "Training rules" 10052-241: REPLACE or CANCEL of a training that is already cancelled.
import { defineRule, FLA_2024 } from '../rule.js';
import { trainingsWith } from './support.js';

export default defineRule({
  meta: { code: '10052-241', severity: 'B', scope: 'RECORD', layer: 'ledger', ...FLA_2024, clause: 'Training rules', messages: ['cancelled'] },
  create(context) {
    return {
      person(person, form) {
        for (const { training, reference, companyId, action } of trainingsWith(person, form, ['REPLACE', 'CANCEL'])) {
          if (context.ledger?.trainingState(companyId, reference.text) === 'cancelled') context.report({ messageId: 'cancelled', field: reference, record: training, data: { action } });
        }
      },
    };
  },
});
