import type { Catalogue } from '../catalogue.js';

export const person: Catalogue = {
  '10032-014': {
    description: "EndingDate de l'occupation antérieure à StartingDate",
    endBeforeStart: "L'occupation se termine le {value}, avant son début ({start}). Corrigez la StartingDate ou l'EndingDate.",
  },
};
