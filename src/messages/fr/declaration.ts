import type { Catalogue } from '../catalogue.js';

export const declaration: Catalogue = {
  '10020-006': {
    description: 'NaturalPersonSequenceNbr utilisé deux fois dans la déclaration',
    duplicate: "Le NaturalPersonSequenceNbr {value} est déjà utilisé à la ligne {firstLine} de cette déclaration. Donnez à chaque personne d'une déclaration son propre numéro d'ordre.",
  },
};
