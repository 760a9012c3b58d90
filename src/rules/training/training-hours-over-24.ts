// RULES.md "Training rules" 10057-008: more than 24 hours per calendar day of the training period.
import { formatHundredths } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord, trainingHours, trainingPeriod } from './support.js';

/** Hundredths of an hour a calendar day can hold. */
export const DAY_LIMIT = 2400;

export default defineRule({
  meta: { code: '10057-008', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['moreThanADay'] },
  create(context) {
    return {
      person(person) {
        for (const training of person.trainings) {
          if (!readsRecord(training) || training.duration === undefined) continue;
          const period = trainingPeriod(training);
          const hours = trainingHours(training, person.employments);
          if (period === null || hours === null || hours <= DAY_LIMIT * period.days) continue;
          context.report({
            messageId: 'moreThanADay',
            field: training.duration.amount,
            record: training,
            data: { hours: formatHundredths(hours), days: period.days, max: formatHundredths(DAY_LIMIT * period.days) },
          });
        }
      },
    };
  },
});
