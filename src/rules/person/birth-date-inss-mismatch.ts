// RULES.md "Person rules" 10024-021: the BirthDate does not match the date part of the INSS.
import { inssFacts } from '../../declaration/inss.js';
import { defineRule, FLA_2024 } from '../rule.js';

export default defineRule({
  meta: { code: '10024-021', severity: 'W', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'Person rules', messages: ['mismatch', 'mismatchNoCentury'] },
  create(context) {
    return {
      person(person) {
        const { inss, birthDate } = person;
        const facts = inss === undefined ? null : inssFacts(inss.text);
        const birth = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate?.text ?? '');
        if (inss === undefined || birthDate === undefined || facts === null || birth === null) return;
        // An impossible date part is 10021-003's finding; a bis number may leave the month or day unknown (0).
        if (!facts.datePartValid || (facts.bis !== 'none' && (facts.month === 0 || facts.day === 0))) return;
        const yy = Number(inss.text.slice(0, 2));
        const [year, month, day] = [Number(birth[1]), Number(birth[2]), Number(birth[3])];
        const mmdd = `${pad(facts.month)}-${pad(facts.day)}`;
        // The check number tells the century only when it is valid.
        if (facts.checkDigit === 'invalid') {
          if (year % 100 !== yy || month !== facts.month || day !== facts.day) {
            context.report({ messageId: 'mismatchNoCentury', field: birthDate, data: { inss: inss.text, expected: `${pad(yy)}-${mmdd}` } });
          }
        } else {
          const inssYear = (facts.checkDigit === 'pre-2000' ? 1900 : 2000) + yy;
          if (year !== inssYear || month !== facts.month || day !== facts.day) {
            context.report({ messageId: 'mismatch', field: birthDate, data: { inss: inss.text, expected: `${inssYear}-${mmdd}` } });
          }
        }
      },
    };
  },
});

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
