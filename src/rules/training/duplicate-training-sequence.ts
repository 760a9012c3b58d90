// RULES.md "Training rules" 10050-006: a TrainingSequenceNbr used twice for the person.
import { defineRule, FLA_2024 } from '../rule.js';
import { integerKey } from './support.js';

export default defineRule({
  meta: { code: '10050-006', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['duplicate'] },
  create(context) {
    return {
      person(person) {
        // Applies to CANCEL too: the sequence number is one of the three zones a CANCEL carries.
        const seen = new Map<string, number>();
        for (const training of person.trainings) {
          const nbr = training.sequenceNbr;
          if (nbr === undefined) continue;
          const key = integerKey(nbr.text);
          const first = seen.get(key);
          if (first === undefined) seen.set(key, nbr.at.line);
          else context.report({ messageId: 'duplicate', field: nbr, record: training, data: { firstLine: first } });
        }
      },
    };
  },
});
