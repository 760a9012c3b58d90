import type { Catalogue } from '../catalogue.js';

export const person: Catalogue = {
  '10021-004': {
    description: 'INSS check number wrong',
    checkDigit: 'INSS {value} fails the check: its last two digits match neither 97 minus the first nine digits modulo 97 nor, for a birth from 2000 on, the same computed on 2 followed by the nine digits. Check the number against the identity card or the national register.',
  },
  '10021-003': {
    description: 'INSS date part impossible, or sequence 000 or 999',
    datePart: 'INSS {value} has an impossible date part (month {month}, day {day}): after removing a bis offset of 20 or 40, the month must lie between 00 and 12 and the day between 00 and 31. Check the number against the identity card or the national register.',
    sequence: 'INSS {value} has the sequence number {sequence}, which is never issued (001 to 998). Check the number against the identity card or the national register.',
  },
  '10024-021': {
    description: 'BirthDate does not match the INSS date part',
    mismatch: 'BirthDate {value} does not match INSS {inss}, which gives the birth date {expected}. Correct the BirthDate or the INSS.',
    mismatchNoCentury: 'BirthDate {value} does not match INSS {inss}, whose date part gives {expected} (YY-MM-DD). Correct the BirthDate or the INSS.',
  },
  '10030-006': {
    description: 'EmploymentSequenceNbr used twice for the person',
    duplicate: 'EmploymentSequenceNbr {value} is already used on line {firstLine} for this person. Give every employment of a person its own sequence number.',
  },
  '10032-014': {
    description: 'Employment EndingDate before StartingDate',
    endBeforeStart: 'The employment ends on {value}, before it starts ({start}). Correct the StartingDate or the EndingDate.',
  },
  '10034-008': {
    description: 'MeanWorkingHours greater than RefMeanWorkingHours',
    aboveReference: 'MeanWorkingHours {value} is greater than the RefMeanWorkingHours {reference} of a full-time worker. Correct the weekly hours of the worker (Q) or of the reference person (S).',
  },
  '10031-021': {
    description: 'No employment period overlaps the declared Quarter',
    noEmployment: 'None of the employment periods of this person overlaps quarter {quarter}. Check the StartingDate and EndingDate of the employments, or the Quarter.',
  },
};
