import type { Catalogue } from '../catalogue.js';

export const declaration: Catalogue = {
  '10020-006': {
    description: 'NaturalPersonSequenceNbr used twice in the declaration',
    duplicate: 'NaturalPersonSequenceNbr {value} is already used on line {firstLine} of this declaration. Give every person of a declaration its own sequence number.',
  },
};
