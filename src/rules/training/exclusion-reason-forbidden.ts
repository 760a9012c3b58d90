// RULES.md "Training rules" 10061-005: an ExclusionReason on a training that counts for the FLA.
import { booleanValue } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10061-005', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['forbidden'] },
  create(context) {
    return {
      person(person) {
        for (const training of person.trainings) {
          if (readsRecord(training) && booleanValue(training.countsForFla?.text) === true && training.exclusionReason !== undefined) {
            context.report({ messageId: 'forbidden', field: training.exclusionReason, record: training });
          }
        }
      },
    };
  },
});
