import type { Catalogue } from '../catalogue.js';

export const right: Catalogue = {
  '10040-008': {
    description: 'Year vóór 2024 of meer dan één jaar na het jaar van het Quarter',
    beforeFirstYear: 'Het recht is aangegeven voor {value}, vóór {firstYear}, het eerste jaar van de Federal Learning Account. Verbeter het Year.',
    tooFarAhead: 'Het recht is aangegeven voor {value}, meer dan één jaar na kwartaal {quarter}: het laatste toegelaten jaar is {lastYear}. Verbeter het Year of geef dit recht aan in een latere aangifte.',
  },
  '10041-006': {
    description: 'Dezelfde (Year, RightType) tweemaal voor de persoon',
    duplicate: 'Het {rightType}-recht voor {year} is voor deze persoon al aangegeven op regel {firstLine}; dit recht wordt verworpen. Geef elke combinatie van Year en RightType maar één keer per persoon en per aangifte aan.',
  },
  '10043-001': {
    description: 'SECTOR-recht zonder CollectiveAgreementNbr',
    missing: 'Het SECTOR-recht voor {year} heeft geen CollectiveAgreementNbr. Vermeld de sectorale cao die het toekent, bv. 181682/CO/200.',
  },
  '10043-005': {
    description: 'CollectiveAgreementNbr bij een LEGAL- of EMPLOYER-recht',
    ignored: 'CollectiveAgreementNbr {value} bij het {rightType}-recht voor {year} wordt genegeerd: alleen een SECTOR-recht verwijst naar een sectorale cao. Laat het nummer weg, of geef het recht aan als SECTOR als de sector het toekent.',
  },
  '10041-146': {
    description: 'LEGAL-recht met uren > 0 terwijl WorkforceSize < 10',
    smallEmployer: 'Het LEGAL-recht voor {year} vermeldt {zone} {value} terwijl WorkforceSize {workforce} bedraagt: onder 10 voltijdse equivalenten kent de wet geen individueel opleidingsrecht toe. Controleer de WorkforceSize, of geef de dagen die de werkgever toekent aan als EMPLOYER-recht (SECTOR als een sectorale cao ze toekent).',
  },
  '10042-021': {
    description: 'LEGAL-uren boven het wettelijke recht of onder de bodem van 2 dagen',
    aboveEntitlement: 'Het LEGAL-recht voor {year} bedraagt {hours} u, meer dan het wettelijke recht van {entitlement} u voor deze werknemer (WorkforceSize {workforce}, pro rata van de arbeidsduur en de maanden tewerkstelling). Geef de bijkomende uren aan als SECTOR- of EMPLOYER-recht.',
    belowFloor: 'Het LEGAL-recht voor {year} bedraagt {hours} u, minder dan de {floor} u waaronder een sectorale cao niet mag gaan (2 dagen pro rata van de arbeidsduur en de maanden tewerkstelling, WorkforceSize {workforce}). Geef ten minste {floor} u aan.',
  },
  '10040-021': {
    description: 'Geen tewerkstellingsperiode in het Year van het recht',
    noEmployment: 'Het {rightType}-recht is aangegeven voor {value}, maar de persoon heeft in dat jaar geen tewerkstellingsperiode. Controleer het Year en de data van de tewerkstelling.',
  },
};
