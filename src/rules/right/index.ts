// RULES.md "Training-right rules", in the order of the spec.
import type { Rule } from '../rule.js';
import agreementOnNonSectorRight from './agreement-on-non-sector-right.js';
import duplicateRight from './duplicate-right.js';
import legalRightEntitlement from './legal-right-entitlement.js';
import legalRightSmallEmployer from './legal-right-small-employer.js';
import rightOutsideEmployment from './right-outside-employment.js';
import sectorRightWithoutAgreement from './sector-right-without-agreement.js';
import yearOutOfRange from './year-out-of-range.js';

export const RIGHT_RULES: readonly Rule[] = [
  yearOutOfRange,
  duplicateRight,
  sectorRightWithoutAgreement,
  agreementOnNonSectorRight,
  legalRightSmallEmployer,
  legalRightEntitlement,
  rightOutsideEmployment,
];
