import type { Catalogue } from '../catalogue.js';

export const ledger: Catalogue = {
  '10005-006': {
    description: 'ReferenceNbr already accepted for this sender, or twice in one file',
    alreadyAccepted: 'A declaration with ReferenceNbr {value} was already accepted from this sender. Give every declaration its own reference.',
    twiceInFile: 'ReferenceNbr {value} is used by an earlier declaration of this file. Give every declaration its own reference.',
  },
  '10012-101': {
    description: 'the sender holds no mandate for this CompanyID',
    noMandate: 'Sender {sender} holds no mandate for employer {value} on {date} (the FormCreationDate). Have the mandate registered, or correct the CompanyID.',
  },
  '10052-166': {
    description: 'REPLACE or CANCEL of a training this employer never declared',
    unknownReference: '{action} of training {value}, which this employer never declared. Declare it with CREATE first, or correct the TrainingUserReference.',
  },
  '10052-006': {
    description: 'CREATE of a training this employer already declared',
    alreadyDeclared: 'Training {value} was already declared by this employer. Use REPLACE to correct it.',
  },
  '10052-241': {
    description: 'REPLACE or CANCEL of a training that is already cancelled',
    cancelled: '{action} of training {value}, which is already cancelled. Declare a new training with CREATE and a new reference.',
  },
  '10066-245': {
    description: 'training hours exceed the remaining credit of the window',
    uncovered: 'Training {reference} is not fully covered by the training credit of the window: {uncovered} h uncovered. Check the rights declared for this worker.',
  },
};
