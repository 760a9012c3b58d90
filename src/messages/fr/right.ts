import type { Catalogue } from '../catalogue.js';

export const right: Catalogue = {
  '10043-001': {
    description: 'Droit SECTOR sans CollectiveAgreementNbr',
    missing: "Le droit SECTOR pour {year} n'a pas de CollectiveAgreementNbr. Indiquez la convention sectorielle qui l'accorde, p. ex. 181682/CO/200.",
  },
};
