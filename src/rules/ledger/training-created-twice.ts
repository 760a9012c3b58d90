// RULES.md "Training rules" 10052-006: CREATE of a TrainingUserReference this employer already declared.
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10052-006', severity: 'B', scope: 'RECORD', layer: 'ledger', ...FLA_2024, clause: 'Training rules', messages: ['alreadyDeclared'] },
  create(context) {
    return {
      person(person, form) {
        const companyId = form.companyId?.text;
        for (const training of person.trainings) {
          const reference = training.userReference;
          if (companyId === undefined || reference === undefined || training.action?.text !== 'CREATE') continue;
          if (context.ledger?.trainingState(companyId, reference.text) !== 'unknown') context.report({ messageId: 'alreadyDeclared', field: reference, record: training });
        }
      },
    };
  },
});
