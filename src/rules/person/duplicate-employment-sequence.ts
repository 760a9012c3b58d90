// RULES.md "Person rules" 10030-006: an EmploymentSequenceNbr used twice for the person.
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10030-006', severity: 'B', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Person rules', messages: ['duplicate'] },
  create(context) {
    return {
      person(person) {
        const seen = new Map<string, number>();
        for (const employment of person.employments) {
          const nbr = employment.sequenceNbr;
          if (nbr === undefined) continue;
          // An xs:int: '01' and '1' are the same number.
          const key = /^[+-]?\d+$/.test(nbr.text) ? String(Number(nbr.text)) : nbr.text;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, nbr.at.line);
          else context.report({ messageId: 'duplicate', field: nbr, data: { firstLine: first } });
        }
      },
    };
  },
});
