import type { Catalogue } from '../catalogue.js';

export const person: Catalogue = {
  '10032-014': {
    description: 'EndingDate van de tewerkstelling vóór StartingDate',
    endBeforeStart: 'De tewerkstelling eindigt op {value}, vóór ze begint ({start}). Verbeter de StartingDate of de EndingDate.',
  },
};
