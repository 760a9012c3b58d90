import type { Catalogue } from '../catalogue.js';

export const training: Catalogue = {
  '10050-006': {
    description: 'TrainingSequenceNbr used twice for the person',
    duplicate: 'TrainingSequenceNbr {value} is already used on line {firstLine} for this person. Give every training of a person its own sequence number.',
  },
  '10051-006': {
    description: 'The same TrainingUserReference twice for one employer in the file',
    duplicate: 'TrainingUserReference {value} of employer {companyId} already appears earlier in this file, so this record is rejected. Declare each training once per file, or give it its own reference.',
  },
  '10053-001': {
    description: 'CREATE or REPLACE without Title, Kind, dates, duration, Attended or CountsForFla',
    missing: 'The {action} of training {reference} lacks {missing}. A CREATE or REPLACE gives the whole training: add the missing zones.',
  },
  '10056-014': {
    description: 'Training EndingDate before StartingDate',
    endBeforeStart: 'The training ends on {value}, before it starts ({start}). Correct the StartingDate or the EndingDate.',
  },
  '10055-111': {
    description: 'Training StartingDate after the FormCreationDate',
    inFuture: 'The training starts on {value}, after the declaration was created ({created}). Declare a training only once it has started, or correct the StartingDate.',
  },
  '10056-021': {
    description: 'Training EndingDate after the last day of the declared Quarter',
    afterQuarter: 'The training ends on {value}, after the last day of quarter {quarter} ({lastDay}). Declare it for the quarter in which it ends, or correct the EndingDate.',
  },
  '10057-008': {
    description: 'More than 24 hours per calendar day of the training period',
    moreThanADay: 'The training lasts {hours} hours over {days} calendar day(s): more than 24 hours a day (at most {max} hours). Correct the Hours/Days or the dates.',
  },
  '10057-245': {
    description: 'More than 10 hours per calendar day of the training period, or 0 hours for an attended training',
    longDays: 'The training lasts {hours} hours over {days} calendar day(s): more than 10 hours a day ({max} hours). Check the Hours/Days and the dates.',
    zeroAttended: 'The training was attended but lasts 0 hours. Check the Hours/Days, or set Attended to false.',
  },
  '10061-001': {
    description: 'CountsForFla false without ExclusionReason',
    missing: 'Training {reference} is not deducted from the training credit (CountsForFla false) but has no ExclusionReason. Give VOV, BEV or NON_PROFESSIONAL.',
  },
  '10061-005': {
    description: 'ExclusionReason given while CountsForFla is true',
    forbidden: 'ExclusionReason {value} is given for a training that is deducted from the training credit (CountsForFla true). Remove the ExclusionReason, or set CountsForFla to false.',
  },
  '10063-014': {
    description: 'Certificate ValidUntil before the training EndingDate',
    expiresBeforeEnd: 'The certificate is valid until {value}, before the training ends ({end}). Correct the ValidUntil or the EndingDate.',
  },
  '10065-004': {
    description: 'Provider CompanyID fails the mod-97 check',
    checkDigit: "The provider's enterprise number {value} fails the mod-97 check. Correct the provider's CompanyID, or leave it out.",
  },
  '10055-021': {
    description: 'Training period outside every employment period of the person',
    outsideEmployment: 'Training {reference} ({start} to {end}) does not overlap any employment period of this person. Check the training dates and the employment periods.',
  },
  '10055-270': {
    description: 'Training declared after the month that follows the quarter in which it ended',
    late: 'The training ended on {value}, so it had to be declared by {deadline}; this declaration was created on {created}. Declare a training by the end of the month after the quarter in which it ends.',
  },
  '10053-245': {
    description: 'Another training of the person with the same Title, StartingDate and EndingDate',
    possibleDouble: 'A training "{value}" from {start} to {end} is already declared for this person on line {firstLine}. Check that it is not declared twice; if it is, CANCEL one of them.',
  },
};
