// RULES.md "Training-right rules" 10041-006: the same (Year, RightType) twice for one person in a declaration.
import { yearValue } from '../../declaration/values.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10041-006', severity: 'B', scope: 'RECORD', layer: 'rules', ...FLA_2024, clause: 'Training-right rules', messages: ['duplicate'] },
  create(context) {
    return {
      person(person) {
        // Keys of this person's rights only: the person is in memory anyway, nothing outlives it.
        const seen = new Map<string, number>();
        for (const right of person.rights) {
          const year = yearValue(right.year?.text);
          const type = right.rightType?.text;
          if (year === null || type === undefined) continue;
          const key = `${year} ${type}`;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, right.at.line);
          else context.report({ messageId: 'duplicate', at: right.at, record: right, data: { year, rightType: type, firstLine: first } });
        }
      },
    };
  },
});
