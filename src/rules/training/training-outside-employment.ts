// RULES.md "Training rules" 10055-021: the training period overlaps no employment period of the person.
import { defineRule, FLA_2024 } from '../rule.js';
import { datedEmployments, readsRecord, trainingPeriod } from './support.js';

export default defineRule({
  meta: { code: '10055-021', severity: 'W', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['outsideEmployment'] },
  create(context) {
    return {
      person(person) {
        const { dated, complete } = datedEmployments(person.employments);
        // An unreadable employment might be the one that covers the training: say nothing then.
        if (!complete) return;
        for (const training of person.trainings) {
          if (!readsRecord(training)) continue;
          const period = trainingPeriod(training);
          if (period === null) continue;
          if (dated.some((e) => e.start <= period.end && (e.end === null || e.end >= period.start))) continue;
          context.report({
            messageId: 'outsideEmployment',
            at: training.at,
            record: training,
            data: { reference: training.userReference?.text ?? '', start: training.startingDate!.text, end: training.endingDate!.text },
          });
        }
      },
    };
  },
});
