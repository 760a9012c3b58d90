// RULES.md "Training rules" 10051-006: the same TrainingUserReference twice for one employer in one file.
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10051-006', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['duplicate'] },
  create(context) {
    // Lives for the whole file, because two Forms of one employer may repeat a reference: one short
    // key (CompanyID, NUL, reference; at most 41 characters) per distinct training of the file.
    const seen = new Set<string>();
    return {
      person(person, form) {
        const companyId = form.companyId?.text;
        if (companyId === undefined) return;
        for (const training of person.trainings) {
          const reference = training.userReference;
          if (reference === undefined) continue;
          const key = `${companyId}\u0000${reference.text}`;
          if (seen.has(key)) context.report({ messageId: 'duplicate', field: reference, record: training, data: { companyId } });
          else seen.add(key);
        }
      },
    };
  },
});
