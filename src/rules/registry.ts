// The catalogue: every rule of RULES.md, one module each, grouped as RULES.md groups them.
import { DECLARATION_RULES } from './declaration/index.js';
import { LEDGER_RULES } from './ledger/index.js';
import { PERSON_RULES } from './person/index.js';
import { RIGHT_RULES } from './right/index.js';
import type { Rule } from './rule.js';
import { TRAINING_RULES } from './training/index.js';

export const RULES: readonly Rule[] = [...DECLARATION_RULES, ...PERSON_RULES, ...RIGHT_RULES, ...TRAINING_RULES, ...LEDGER_RULES];
