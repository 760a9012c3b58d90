// RULES.md "Training rules" 10055-270: declared after the month that follows the quarter the training ended in.
import { dayNumber, dayToIso } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

/** The last day of the month after the calendar quarter that holds `day`. */
function deadline(day: number): number {
  const date = new Date(day * 86_400_000);
  const quarterStartMonth = Math.floor(date.getUTCMonth() / 3) * 3;
  // Month index quarterStart + 4 is the first day after the following month; Date.UTC rolls the year over.
  return Date.UTC(date.getUTCFullYear(), quarterStartMonth + 4, 1) / 86_400_000 - 1;
}

export default defineRule({
  meta: { code: '10055-270', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['late'] },
  create(context) {
    return {
      person(person, form) {
        const created = dayNumber(form.creationDate?.text);
        if (created === null) return;
        for (const training of person.trainings) {
          if (!readsRecord(training) || training.endingDate === undefined) continue;
          const end = dayNumber(training.endingDate.text);
          if (end === null || created <= deadline(end)) continue;
          context.report({
            messageId: 'late',
            field: training.endingDate,
            record: training,
            data: { deadline: dayToIso(deadline(end)), created: form.creationDate!.text },
          });
        }
      },
    };
  },
});
