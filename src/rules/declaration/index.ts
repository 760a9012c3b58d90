// RULES.md "Declaration rules", in the order of the spec.
import type { Rule } from '../rule.js';
import duplicatePersonSequence from './duplicate-person-sequence.js';

export const DECLARATION_RULES: readonly Rule[] = [duplicatePersonSequence];
