// RULES.md "Training rules" 10052-166: REPLACE or CANCEL of a TrainingUserReference this employer never declared.
import { defineRule, FLA_2024 } from '../rule.js';
import { trainingsWith } from './support.js';

export default defineRule({
  meta: { code: '10052-166', severity: 'B', scope: 'RECORD', layer: 'ledger', ...FLA_2024, clause: 'Training rules', messages: ['unknownReference'] },
  create(context) {
    return {
      person(person, form) {
        for (const { training, reference, companyId, action } of trainingsWith(person, form, ['REPLACE', 'CANCEL'])) {
          if (context.ledger?.trainingState(companyId, reference.text) === 'unknown') context.report({ messageId: 'unknownReference', field: reference, record: training, data: { action } });
        }
      },
    };
  },
});
