import type { Catalogue } from '../catalogue.js';

export const declaration: Catalogue = {
  '10002-111': {
    description: 'FormCreationDate more than a day in the future',
    inFuture: 'The FormCreationDate {value} lies more than a day after today ({today}). Correct the FormCreationDate: it is the day the declaration was made.',
  },
  '10010-008': {
    description: 'Quarter before 20241, or after the quarter of the FormCreationDate',
    beforeFirstQuarter: 'Quarter {value} lies before {firstQuarter}, the first quarter of the Federal Learning Account. Correct the Quarter.',
    afterCreation: 'Quarter {value} lies after the quarter of the FormCreationDate {creationDate}: the latest quarter that can be declared is {lastQuarter}. Correct the Quarter, or send this declaration once the quarter has begun.',
  },
  '10012-004': {
    description: 'CompanyID fails the mod-97 check or does not start with 0 or 1',
    firstDigit: "CompanyID {value} does not start with 0 or 1, so it is not an enterprise number. Give the employer's 10-digit enterprise number from the CBE, without dots.",
    checkDigit: 'CompanyID {value} fails the check: its last two digits must be 97 minus the first eight digits modulo 97. Check the enterprise number against the CBE.',
  },
  '10020-006': {
    description: 'NaturalPersonSequenceNbr used twice in the declaration',
    duplicate: 'NaturalPersonSequenceNbr {value} is already used on line {firstLine} of this declaration. Give every person of a declaration its own sequence number.',
  },
  '10021-006': {
    description: 'The same INSS twice in one declaration',
    duplicate: 'INSS {value} is already declared on line {firstLine} of this declaration; this person is rejected. Declare each worker once per declaration, with all their employments, rights and trainings.',
  },
};
