// RULES.md "Training rules" 10053-001: a CREATE or REPLACE lacks one of the zones the record needs.
import type { Training } from '../../declaration/model.js';
import { defineRule, FLA_2024 } from '../rule.js';
import { readsRecord } from './support.js';

// The XSD makes these optional only because a CANCEL may leave them out (FORMAT.md).
const REQUIRED: ReadonlyArray<[string, (training: Training) => unknown]> = [
  ['Title', (t) => t.title],
  ['Kind', (t) => t.kind],
  ['StartingDate', (t) => t.startingDate],
  ['EndingDate', (t) => t.endingDate],
  ['Hours/Days', (t) => t.duration],
  ['Attended', (t) => t.attended],
  ['CountsForFla', (t) => t.countsForFla],
];

export default defineRule({
  meta: { code: '10053-001', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training rules', messages: ['missing'] },
  create(context) {
    return {
      person(person) {
        for (const training of person.trainings) {
          if (!readsRecord(training)) continue;
          const missing = REQUIRED.filter(([, zone]) => zone(training) === undefined).map(([name]) => name);
          if (missing.length === 0) continue;
          context.report({
            messageId: 'missing',
            at: training.at,
            record: training,
            data: { action: training.action!.text, reference: training.userReference?.text ?? '', missing: missing.join(', ') },
          });
        }
      },
    };
  },
});
