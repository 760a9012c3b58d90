// The rules of RULES.md marked *ledger*: they need the stored history and run only with a database.
import type { Rule } from '../rule.js';
import mandateMissing from './mandate-missing.js';
import referenceAlreadyAccepted from './reference-already-accepted.js';
import trainingAlreadyCancelled from './training-already-cancelled.js';
import trainingCreatedTwice from './training-created-twice.js';
import trainingExceedsCredit from './training-exceeds-credit.js';
import trainingReferenceState from './training-reference-state.js';

export const LEDGER_RULES: readonly Rule[] = [referenceAlreadyAccepted, mandateMissing, trainingReferenceState, trainingCreatedTwice, trainingAlreadyCancelled, trainingExceedsCredit];
