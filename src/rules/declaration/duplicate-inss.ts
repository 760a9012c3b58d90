// RULES.md "Declaration rules" 10021-006: the same INSS twice in one declaration (the later person is rejected).
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10021-006', severity: 'B', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Declaration rules', messages: ['duplicate'] },
  create(context) {
    // The INSS seen in the current Form and the line of the first one: 11 digits per person.
    let seen = new Map<string, number>();
    return {
      form() {
        seen = new Map();
      },
      person(person) {
        const inss = person.inss;
        if (inss === undefined) return;
        const first = seen.get(inss.text);
        if (first === undefined) seen.set(inss.text, inss.at.line);
        else context.report({ messageId: 'duplicate', field: inss, data: { firstLine: first } });
      },
    };
  },
});
