// RULES.md "Declaration rules", in the order of the spec.
import type { Rule } from '../rule.js';
import companyIdCheckDigit from './company-id-check-digit.js';
import creationDateInFuture from './creation-date-in-future.js';
import duplicateInss from './duplicate-inss.js';
import duplicatePersonSequence from './duplicate-person-sequence.js';
import quarterOutOfRange from './quarter-out-of-range.js';

export const DECLARATION_RULES: readonly Rule[] = [creationDateInFuture, quarterOutOfRange, companyIdCheckDigit, duplicatePersonSequence, duplicateInss];
