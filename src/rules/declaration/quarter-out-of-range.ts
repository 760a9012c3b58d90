// RULES.md "Declaration rules" 10010-008: a Quarter before 20241, or after the quarter of the FormCreationDate.
import { dayNumber, quarterPeriod } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

const FIRST_QUARTER = 20241;

export default defineRule({
  // The runner only runs a rule on quarters from its `since`: this one must also see the quarters before the rule set.
  meta: { code: '10010-008', severity: 'B', scope: 'FORM', layer: 'rules', ...FLA_2024, since: '0001-01-01', clause: 'Declaration rules', messages: ['beforeFirstQuarter', 'afterCreation'] },
  create(context) {
    return {
      form(form) {
        const field = form.quarter;
        const quarter = quarterPeriod(field?.text);
        if (field === undefined || quarter === null) return;
        if (quarter.year * 10 + quarter.quarter < FIRST_QUARTER) {
          context.report({ messageId: 'beforeFirstQuarter', field, data: { firstQuarter: FIRST_QUARTER } });
          return;
        }
        const created = dayNumber(form.creationDate?.text);
        if (created !== null && quarter.firstDay > created) {
          const date = new Date(created * 86_400_000);
          const lastQuarter = `${date.getUTCFullYear()}${Math.floor(date.getUTCMonth() / 3) + 1}`;
          context.report({ messageId: 'afterCreation', field, data: { creationDate: form.creationDate!.text, lastQuarter } });
        }
      },
    };
  },
});
