// RULES.md "Declaration rules" 10005-006: ReferenceNbr already accepted for this sender, or twice in one file.
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10005-006', severity: 'B', scope: 'FORM', layer: 'ledger', ...FLA_2024, clause: 'Declaration rules', messages: ['alreadyAccepted', 'twiceInFile'] },
  create(context) {
    const inFile = new Set<string>();
    return {
      form(form) {
        const reference = form.referenceNbr;
        if (reference === undefined) return;
        if (inFile.has(reference.text)) context.report({ messageId: 'twiceInFile', field: reference });
        else if (context.ledger?.referenceAccepted(reference.text) === true) context.report({ messageId: 'alreadyAccepted', field: reference });
        inFile.add(reference.text);
      },
    };
  },
});
