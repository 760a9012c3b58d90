// RULES.md "Declaration rules" 10002-111: a FormCreationDate more than a day after the day the file
// is processed. A day of slack for clock skew and time zones (a Brussels sender just after
// midnight is a day ahead of UTC); beyond that the date is wrong, and the rules that compare with
// it (10010-008, 10055-111, 10055-270) would judge the declaration by a date that has not come.
import { dayNumber, dayToIso } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

const SLACK_DAYS = 1;

export default defineRule({
  meta: { code: '10002-111', severity: 'B', scope: 'FORM', layer: 'rules', ...FLA_2024, clause: 'Declaration rules', messages: ['inFuture'] },
  create(context) {
    return {
      form(form) {
        const field = form.creationDate;
        const created = dayNumber(field?.text);
        if (field !== undefined && created !== null && created > context.today + SLACK_DAYS) {
          context.report({ messageId: 'inFuture', field, data: { today: dayToIso(context.today) } });
        }
      },
    };
  },
});
