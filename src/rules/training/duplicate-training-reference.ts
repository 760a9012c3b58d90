// RULES.md "Training rules" 10051-006: the same TrainingUserReference twice for one employer in one file.
import { KeyLines } from '../key-lines.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10051-006', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['duplicate'] },
  create(context) {
    // Lives for the whole file, because two Forms of one employer may repeat a reference: a
    // million trainings make a million keys, hence the compact KeyLines per employer.
    const seen = new Map<string, KeyLines>();
    return {
      person(person, form) {
        const companyId = form.companyId?.text;
        if (companyId === undefined) return;
        let references = seen.get(companyId);
        for (const training of person.trainings) {
          const reference = training.userReference;
          if (reference === undefined) continue;
          if (references === undefined) seen.set(companyId, (references = new KeyLines()));
          if (references.addIfAbsent(reference.text, reference.at.line) !== undefined) context.report({ messageId: 'duplicate', field: reference, record: training, data: { companyId } });
        }
      },
    };
  },
});
