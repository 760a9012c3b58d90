// RULES.md "Declaration rules" 10012-004: the employer's CompanyID fails the mod-97 check or does not start with 0 or 1.
import { companyIdFacts } from '../../declaration/company-id.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10012-004', severity: 'B', scope: 'FORM', layer: 'rules', ...FLA_2024, clause: 'Declaration rules', messages: ['firstDigit', 'checkDigit'] },
  create(context) {
    return {
      form(form) {
        const field = form.companyId;
        const facts = field === undefined ? null : companyIdFacts(field.text);
        if (field === undefined || facts === null) return;
        // One finding per value: a wrong first digit is the more basic mistake.
        if (!facts.firstDigitOk) context.report({ messageId: 'firstDigit', field });
        else if (!facts.checkDigitOk) context.report({ messageId: 'checkDigit', field });
      },
    };
  },
});
