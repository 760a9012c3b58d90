// RULES.md "Training rules" 10052-166: REPLACE or CANCEL of a TrainingUserReference this employer never declared.
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10052-166', severity: 'B', scope: 'RECORD', layer: 'ledger', ...FLA_2024, clause: 'Training rules', messages: ['unknownReference'] },
  create(context) {
    return {
      person(person, form) {
        const companyId = form.companyId?.text;
        for (const training of person.trainings) {
          const action = training.action?.text;
          const reference = training.userReference;
          if (companyId === undefined || reference === undefined || (action !== 'REPLACE' && action !== 'CANCEL')) continue;
          if (context.ledger?.trainingState(companyId, reference.text) === 'unknown') context.report({ messageId: 'unknownReference', field: reference, record: training, data: { action } });
        }
      },
    };
  },
});
