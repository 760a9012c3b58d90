// RULES.md "Training rules" 10061-001: CountsForFla false without an ExclusionReason.
import { booleanValue } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10061-001', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['missing'] },
  create(context) {
    return {
      person(person) {
        for (const training of person.trainings) {
          if (readsRecord(training) && booleanValue(training.countsForFla?.text) === false && training.exclusionReason === undefined) {
            context.report({ messageId: 'missing', at: training.at, record: training, data: { reference: training.userReference?.text ?? '' } });
          }
        }
      },
    };
  },
});
