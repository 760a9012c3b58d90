// RULES.md "Training-right rules" 10043-001: a SECTOR right needs its CollectiveAgreementNbr.
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10043-001', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training-right rules', messages: ['missing'] },
  create(context) {
    return {
      person(person) {
        for (const right of person.rights) {
          if (right.rightType?.text === 'SECTOR' && right.collectiveAgreementNbr === undefined) {
            context.report({ messageId: 'missing', at: right.at, record: right, data: { year: right.year?.text ?? '' } });
          }
        }
      },
    };
  },
});
