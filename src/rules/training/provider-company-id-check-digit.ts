// RULES.md "Training rules" 10065-004: the Provider's CompanyID fails the mod-97 check.
import { companyIdFacts } from '../../declaration/company-id.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10065-004', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['checkDigit'] },
  create(context) {
    return {
      person(person) {
        for (const training of person.trainings) {
          const companyId = training.provider?.companyId;
          if (!readsRecord(training) || companyId === undefined) continue;
          // Only the check digits: unlike 10012-004, RULES.md does not ask for a first digit 0 or 1 here.
          if (companyIdFacts(companyId.text)?.checkDigitOk === false) {
            context.report({ messageId: 'checkDigit', field: companyId, record: training });
          }
        }
      },
    };
  },
});
