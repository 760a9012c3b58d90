import type { Catalogue } from '../catalogue.js';

export const right: Catalogue = {
  '10043-001': {
    description: 'SECTOR right without CollectiveAgreementNbr',
    missing: 'The SECTOR right for {year} has no CollectiveAgreementNbr. Give the sector agreement that grants it, e.g. 181682/CO/200.',
  },
};
