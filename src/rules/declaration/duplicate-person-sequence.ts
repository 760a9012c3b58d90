// RULES.md "Declaration rules" 10020-006: a NaturalPersonSequenceNbr used twice in one declaration.
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10020-006', severity: 'B', scope: 'FORM', layer: 'rules', ...FLA_2024, clause: 'Declaration rules', messages: ['duplicate'] },
  create(context) {
    // Only the numbers seen in the current Form: a few bytes per person, never the persons.
    let seen = new Map<string, number>();
    return {
      form() {
        seen = new Map();
      },
      person(person) {
        const nbr = person.sequenceNbr;
        if (nbr === undefined) return;
        const first = seen.get(nbr.text);
        if (first === undefined) seen.set(nbr.text, nbr.at.line);
        else context.report({ messageId: 'duplicate', field: nbr, data: { firstLine: first } });
      },
    };
  },
});
