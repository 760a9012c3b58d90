import type { Catalogue } from '../catalogue.js';

export const right: Catalogue = {
  '10043-001': {
    description: 'SECTOR-recht zonder CollectiveAgreementNbr',
    missing: 'Het SECTOR-recht voor {year} heeft geen CollectiveAgreementNbr. Vermeld de sectorale cao die het toekent, bv. 181682/CO/200.',
  },
};
