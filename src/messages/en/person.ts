import type { Catalogue } from '../catalogue.js';

export const person: Catalogue = {
  '10032-014': {
    description: 'Employment EndingDate before StartingDate',
    endBeforeStart: 'The employment ends on {value}, before it starts ({start}). Correct the StartingDate or the EndingDate.',
  },
};
