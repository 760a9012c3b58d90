// RULES.md "Training-right rules" 10043-005: a CollectiveAgreementNbr on a LEGAL or EMPLOYER right, where it is ignored.
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10043-005', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training-right rules', messages: ['ignored'] },
  create(context) {
    return {
      person(person) {
        for (const right of person.rights) {
          const type = right.rightType?.text;
          if ((type === 'LEGAL' || type === 'EMPLOYER') && right.collectiveAgreementNbr !== undefined) {
            context.report({ messageId: 'ignored', field: right.collectiveAgreementNbr, record: right, data: { rightType: type, year: right.year?.text ?? '' } });
          }
        }
      },
    };
  },
});
