// RULES.md "Declaration rules" 10012-101: drop folder with mandates configured, the sender holds no mandate for this CompanyID.
import { companyIdFacts } from '../../declaration/company-id.js';
import { calendarDate } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10012-101', severity: 'B', scope: 'FORM', layer: 'ledger', ...FLA_2024, clause: 'Declaration rules', messages: ['noMandate'] },
  create(context) {
    return {
      form(form) {
        const companyId = form.companyId;
        // The calendar date without a zone: '2026-04-20Z' must be checked too, and on the last day of a mandate.
        const date = calendarDate(form.creationDate?.text) ?? undefined;
        // A CompanyID that is no enterprise number is 10012-004's; a missing date is the XSD's.
        const facts = companyId === undefined ? null : companyIdFacts(companyId.text);
        if (companyId === undefined || facts === null || !facts.firstDigitOk || !facts.checkDigitOk || date === undefined) return;
        const ledger = context.ledger;
        if (ledger?.holdsMandate?.(companyId.text, date) === false) context.report({ messageId: 'noMandate', field: companyId, data: { sender: ledger.sender, date } });
      },
    };
  },
});
