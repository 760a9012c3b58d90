// RULES.md "Person rules" 10021-004: the INSS check number matches neither the pre-2000 nor the 2000+ form.
import { inssFacts } from '../../declaration/inss.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10021-004', severity: 'B', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Person rules', messages: ['checkDigit'] },
  create(context) {
    return {
      person(person) {
        const inss = person.inss;
        if (inss !== undefined && inssFacts(inss.text)?.checkDigit === 'invalid') context.report({ messageId: 'checkDigit', field: inss });
      },
    };
  },
});
