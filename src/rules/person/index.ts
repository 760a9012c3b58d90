// RULES.md "Person rules", in the order of the spec.
import type { Rule } from '../rule.js';
import employmentEndBeforeStart from './employment-end-before-start.js';

export const PERSON_RULES: readonly Rule[] = [employmentEndBeforeStart];
