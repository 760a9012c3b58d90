// RULES.md "Person rules", in the order of the spec.
import type { Rule } from '../rule.js';
import birthDateInssMismatch from './birth-date-inss-mismatch.js';
import duplicateEmploymentSequence from './duplicate-employment-sequence.js';
import employmentEndBeforeStart from './employment-end-before-start.js';
import inssCheckDigit from './inss-check-digit.js';
import inssDatePart from './inss-date-part.js';
import meanHoursAboveReference from './mean-hours-above-reference.js';
import noEmploymentInQuarter from './no-employment-in-quarter.js';

export const PERSON_RULES: readonly Rule[] = [inssCheckDigit, inssDatePart, birthDateInssMismatch, duplicateEmploymentSequence, employmentEndBeforeStart, meanHoursAboveReference, noEmploymentInQuarter];
