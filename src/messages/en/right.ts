import type { Catalogue } from '../catalogue.js';

export const right: Catalogue = {
  '10040-008': {
    description: "Year before 2024, or more than one year after the Quarter's year",
    beforeFirstYear: 'The right is declared for {value}, before {firstYear}, the first year of the Federal Learning Account. Correct the Year.',
    tooFarAhead: 'The right is declared for {value}, more than one year after quarter {quarter}: the latest year allowed is {lastYear}. Correct the Year, or declare this right in a later declaration.',
  },
  '10041-006': {
    description: 'The same (Year, RightType) twice for the person',
    duplicate: 'The {rightType} right for {year} is already declared for this person on line {firstLine}; this one is rejected. Declare each Year and RightType only once per person in a declaration.',
  },
  '10043-001': {
    description: 'SECTOR right without CollectiveAgreementNbr',
    missing: 'The SECTOR right for {year} has no CollectiveAgreementNbr. Give the sector agreement that grants it, e.g. 181682/CO/200.',
  },
  '10043-005': {
    description: 'CollectiveAgreementNbr on a LEGAL or EMPLOYER right',
    ignored: 'CollectiveAgreementNbr {value} on the {rightType} right for {year} is ignored: only a SECTOR right refers to a sector agreement. Remove it, or declare the right as SECTOR if the sector grants it.',
  },
  '10041-146': {
    description: 'LEGAL right with hours > 0 while WorkforceSize < 10',
    smallEmployer: 'The LEGAL right for {year} declares {zone} {value} while WorkforceSize is {workforce}: under 10 full-time equivalents the law grants no individual training right. Check the WorkforceSize, or declare the days the employer grants as an EMPLOYER right (SECTOR if a sector agreement grants them).',
  },
  '10042-021': {
    description: 'LEGAL hours above the statutory entitlement, or below the 2-day floor',
    aboveEntitlement: 'The LEGAL right for {year} comes to {hours} h, more than the statutory entitlement of {entitlement} h for this worker (WorkforceSize {workforce}, pro rata of the working hours and the months employed). Declare the extra hours as a SECTOR or EMPLOYER right.',
    belowFloor: 'The LEGAL right for {year} comes to {hours} h, less than the {floor} h that a sector agreement may not go under (2 days pro rata of the working hours and the months employed, WorkforceSize {workforce}). Declare at least {floor} h.',
  },
  '10040-021': {
    description: "No employment period in the right's Year",
    noEmployment: 'The {rightType} right is declared for {value}, but the person has no employment period in that year. Check the Year and the employment dates.',
  },
};
