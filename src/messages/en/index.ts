import type { Catalogue } from '../catalogue.js';
import { declaration } from './declaration.js';
import { ledger } from './ledger.js';
import { person } from './person.js';
import { receipt } from './receipt.js';
import { right } from './right.js';
import { training } from './training.js';

export const en: Catalogue = { ...receipt, ...declaration, ...person, ...right, ...training, ...ledger };
