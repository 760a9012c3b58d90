// RULES.md "Training rules" 10052-166: REPLACE or CANCEL of a TrainingUserReference this employer never declared.
import { defineRule, FLA_2024 } from '../rule.js';
import { trainingsWith } from './support.js';

export default defineRule({
  meta: { code: '10052-166', severity: 'B', scope: 'RECORD', layer: 'ledger', ...FLA_2024, clause: 'Training rules', messages: ['unknownReference'] },
  create(context) {
    return {
      person(person, form) {
        // The ledger holds the earlier persons of the file; this person's own earlier records are
        // not applied yet, and one of them may have declared the reference (10051-006 then says so).
        const declaredHere = new Set<string>();
        for (const { training, reference, companyId, action } of trainingsWith(person, form, ['CREATE', 'REPLACE', 'CANCEL'])) {
          if (action !== 'CREATE' && !declaredHere.has(reference.text) && context.ledger?.trainingState(companyId, reference.text) === 'unknown') {
            context.report({ messageId: 'unknownReference', field: reference, record: training, data: { action } });
          }
          declaredHere.add(reference.text);
        }
      },
    };
  },
});
