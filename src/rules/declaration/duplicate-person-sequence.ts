// RULES.md "Declaration rules" 10020-006: a NaturalPersonSequenceNbr used twice in one declaration.
import { integerKey } from '../../declaration/values.js';
import { FirstSeen } from '../first-seen.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10020-006', severity: 'B', scope: 'FORM', layer: 'rules', ...FLA_2024, clause: 'Declaration rules', messages: ['duplicate'] },
  create(context) {
    const seen = new FirstSeen();
    return {
      form: () => seen.reset(),
      person(person) {
        const nbr = person.sequenceNbr;
        // xs:int: '+01' and '1' are one number.
        const firstLine = nbr === undefined ? undefined : seen.earlier(integerKey(nbr.text), nbr);
        if (firstLine !== undefined) context.report({ messageId: 'duplicate', field: nbr!, data: { firstLine } });
      },
    };
  },
});
