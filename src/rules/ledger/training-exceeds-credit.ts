// RULES.md "Training rules" 10066-245: the training's hours exceed the remaining credit of the window.
import { formatHundredths } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10066-245', severity: 'W', scope: 'RECORD', layer: 'ledger', ...FLA_2024, clause: 'Training rules', messages: ['uncovered'] },
  create(context) {
    return {
      // Only after the person was applied: allocation depends on the whole window, this file included.
      applied(person, form) {
        const companyId = form.companyId?.text;
        if (companyId === undefined) return;
        for (const training of person.trainings) {
          const reference = training.userReference;
          if (reference === undefined || training.action?.text === 'CANCEL') continue;
          const uncovered = context.ledger?.uncoveredHours(companyId, reference.text) ?? 0;
          if (uncovered > 0) context.report({ messageId: 'uncovered', at: training.duration?.amount.at ?? training.at, record: training, data: { uncovered: formatHundredths(uncovered), reference: reference.text } });
        }
      },
    };
  },
});
