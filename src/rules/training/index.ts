// RULES.md "Training rules", in the order of the spec.
import type { Rule } from '../rule.js';
import certificateExpiresBeforeEnd from './certificate-expires-before-end.js';
import duplicateTrainingReference from './duplicate-training-reference.js';
import duplicateTrainingSequence from './duplicate-training-sequence.js';
import exclusionReasonForbidden from './exclusion-reason-forbidden.js';
import exclusionReasonMissing from './exclusion-reason-missing.js';
import possibleDoubleTraining from './possible-double-training.js';
import providerCompanyIdCheckDigit from './provider-company-id-check-digit.js';
import trainingDeclaredLate from './training-declared-late.js';
import trainingEndAfterQuarter from './training-end-after-quarter.js';
import trainingEndBeforeStart from './training-end-before-start.js';
import trainingHoursOver24 from './training-hours-over-24.js';
import trainingHoursToVerify from './training-hours-to-verify.js';
import trainingOutsideEmployment from './training-outside-employment.js';
import trainingStartInFuture from './training-start-in-future.js';
import trainingZonesMissing from './training-zones-missing.js';

export const TRAINING_RULES: readonly Rule[] = [
  duplicateTrainingSequence,
  duplicateTrainingReference,
  trainingZonesMissing,
  trainingEndBeforeStart,
  trainingStartInFuture,
  trainingEndAfterQuarter,
  trainingHoursOver24,
  trainingHoursToVerify,
  exclusionReasonMissing,
  exclusionReasonForbidden,
  certificateExpiresBeforeEnd,
  providerCompanyIdCheckDigit,
  trainingOutsideEmployment,
  trainingDeclaredLate,
  possibleDoubleTraining,
];
