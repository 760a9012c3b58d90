// RULES.md "Training rules" 10053-245: two trainings of the person with the same Title, StartingDate and EndingDate.
import { dayNumber } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

export default defineRule({
  meta: { code: '10053-245', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['possibleDouble'] },
  create(context) {
    return {
      person(person) {
        const seen = new Map<string, { line: number; reference: string | undefined }>();
        for (const training of person.trainings) {
          const title = training.title;
          const start = dayNumber(training.startingDate?.text);
          const end = dayNumber(training.endingDate?.text);
          if (!readsRecord(training) || title === undefined || start === null || end === null) continue;
          const key = `${start}\u0000${end}\u0000${title.text}`;
          const reference = training.userReference?.text;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, { line: title.at.line, reference });
          // The same reference is one training declared twice: 10051-006 says that, not a double.
          else if (first.reference !== reference) {
            context.report({
              messageId: 'possibleDouble',
              field: title,
              record: training,
              data: { start: training.startingDate!.text, end: training.endingDate!.text, firstLine: first.line },
            });
          }
        }
      },
    };
  },
});
