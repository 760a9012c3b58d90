// RULES.md "Training rules" 10052-006: CREATE of a TrainingUserReference this employer already declared.
import { defineRule, FLA_2024 } from '../rule.js';
import { trainingsWith } from './support.js';

export default defineRule({
  meta: { code: '10052-006', severity: 'B', scope: 'RECORD', layer: 'ledger', ...FLA_2024, clause: 'Training rules', messages: ['alreadyDeclared'] },
  create(context) {
    return {
      person(person, form) {
        for (const { training, reference, companyId } of trainingsWith(person, form, ['CREATE'])) {
          if (context.ledger?.trainingState(companyId, reference.text) !== 'unknown') context.report({ messageId: 'alreadyDeclared', field: reference, record: training });
        }
      },
    };
  },
});
