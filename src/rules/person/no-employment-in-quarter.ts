// RULES.md "Person rules" 10031-021: no employment period of the person overlaps the declared Quarter.
import { dayNumber, quarterPeriod } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10031-021', severity: 'W', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Person rules', messages: ['noEmployment'] },
  create(context) {
    return {
      person(person, form) {
        const quarter = quarterPeriod(form.quarter?.text);
        if (quarter === null || person.employments.length === 0) return;
        for (const employment of person.employments) {
          const start = dayNumber(employment.startingDate?.text);
          const end = employment.endingDate === undefined ? null : dayNumber(employment.endingDate.text);
          // An unreadable period might be the one that covers the quarter: say nothing rather than guess.
          if (start === null || (employment.endingDate !== undefined && end === null)) return;
          if (start <= quarter.lastDay && (end === null || end >= quarter.firstDay)) return;
        }
        context.report({ messageId: 'noEmployment', at: person.at, data: { quarter: form.quarter!.text } });
      },
    };
  },
});
