// RULES.md "Training rules", in the order of the spec.
import type { Rule } from '../rule.js';

export const TRAINING_RULES: readonly Rule[] = [];
