// RULES.md "Person rules" 10021-003: the INSS date part is impossible (month or day out of range) or its sequence is 000 or 999.
import { inssFacts } from '../../declaration/inss.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10021-003', severity: 'B', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Person rules', messages: ['datePart', 'sequence'] },
  create(context) {
    return {
      person(person) {
        const inss = person.inss;
        const facts = inss === undefined ? null : inssFacts(inss.text);
        if (inss === undefined || facts === null) return;
        // Independent of the check number (10021-004): both may be reported for one INSS.
        if (!facts.datePartValid) context.report({ messageId: 'datePart', field: inss, data: { month: inss.text.slice(2, 4), day: inss.text.slice(4, 6) } });
        else if (!facts.sequenceValid) context.report({ messageId: 'sequence', field: inss, data: { sequence: inss.text.slice(6, 9) } });
      },
    };
  },
});
