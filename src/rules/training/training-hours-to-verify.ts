// RULES.md "Training rules" 10057-245: more than 10 hours per calendar day, or 0 hours for an attended training.
import { booleanValue, formatHundredths } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord, trainingHours, trainingPeriod } from './support.js';
import { DAY_LIMIT } from './training-hours-over-24.js';

const USUAL_DAY = 1000;

export default defineRule({
  meta: { code: '10057-245', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['longDays', 'zeroAttended'] },
  create(context) {
    return {
      person(person) {
        for (const training of person.trainings) {
          if (!readsRecord(training) || training.duration === undefined) continue;
          const hours = trainingHours(training, person.employments);
          if (hours === null) continue;
          if (hours === 0) {
            if (booleanValue(training.attended?.text) === true) context.report({ messageId: 'zeroAttended', field: training.duration.amount, record: training });
            continue;
          }
          const period = trainingPeriod(training);
          // Above 24 h a day 10057-008 rejects the record: one finding says it.
          if (period === null || hours <= USUAL_DAY * period.days || hours > DAY_LIMIT * period.days) continue;
          context.report({
            messageId: 'longDays',
            field: training.duration.amount,
            record: training,
            data: { hours: formatHundredths(hours), days: period.days, max: formatHundredths(USUAL_DAY * period.days) },
          });
        }
      },
    };
  },
});
