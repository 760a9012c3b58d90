// RULES.md "Declaration rules" 10021-006: the same INSS twice in one declaration (the later person is rejected).
import { FirstSeen } from '../first-seen.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10021-006', severity: 'B', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Declaration rules', messages: ['duplicate'] },
  create(context) {
    const seen = new FirstSeen();
    return {
      form: () => seen.reset(),
      person(person) {
        const inss = person.inss;
        const firstLine = inss === undefined ? undefined : seen.earlier(inss.text, inss);
        if (firstLine !== undefined) context.report({ messageId: 'duplicate', field: inss!, data: { firstLine } });
      },
    };
  },
});
