// RULES.md "Training-right rules", in the order of the spec.
import type { Rule } from '../rule.js';
import sectorRightWithoutAgreement from './sector-right-without-agreement.js';

export const RIGHT_RULES: readonly Rule[] = [sectorRightWithoutAgreement];
