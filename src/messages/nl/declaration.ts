import type { Catalogue } from '../catalogue.js';

export const declaration: Catalogue = {
  '10020-006': {
    description: 'NaturalPersonSequenceNbr tweemaal gebruikt in de aangifte',
    duplicate: 'NaturalPersonSequenceNbr {value} wordt al gebruikt op regel {firstLine} van deze aangifte. Geef elke persoon van een aangifte een eigen volgnummer.',
  },
};
