import type { Catalogue } from '../catalogue.js';

export const right: Catalogue = {
  '10040-008': {
    description: "Year avant 2024, ou plus d'un an après l'année du Quarter",
    beforeFirstYear: 'Le droit est déclaré pour {value}, avant {firstYear}, première année du Federal Learning Account. Corrigez le Year.',
    tooFarAhead: "Le droit est déclaré pour {value}, plus d'un an après le trimestre {quarter} : la dernière année admise est {lastYear}. Corrigez le Year, ou déclarez ce droit dans une déclaration ultérieure.",
  },
  '10041-006': {
    description: 'Même (Year, RightType) deux fois pour la personne',
    duplicate: 'Le droit {rightType} pour {year} est déjà déclaré pour cette personne à la ligne {firstLine} ; celui-ci est rejeté. Déclarez chaque combinaison de Year et de RightType une seule fois par personne dans une déclaration.',
  },
  '10043-001': {
    description: 'Droit SECTOR sans CollectiveAgreementNbr',
    missing: "Le droit SECTOR pour {year} n'a pas de CollectiveAgreementNbr. Indiquez la convention sectorielle qui l'accorde, p. ex. 181682/CO/200.",
  },
  '10043-005': {
    description: 'CollectiveAgreementNbr sur un droit LEGAL ou EMPLOYER',
    ignored: "Le CollectiveAgreementNbr {value} du droit {rightType} pour {year} est ignoré : seul un droit SECTOR se réfère à une convention sectorielle. Supprimez-le, ou déclarez le droit comme SECTOR si le secteur l'accorde.",
  },
  '10041-146': {
    description: 'Droit LEGAL de plus de 0 heure alors que WorkforceSize < 10',
    smallEmployer: "Le droit LEGAL pour {year} indique {zone} {value} alors que le WorkforceSize est de {workforce} : en dessous de 10 équivalents temps plein, la loi n'accorde pas de droit individuel à la formation. Vérifiez le WorkforceSize, ou déclarez les jours accordés par l'employeur comme droit EMPLOYER (SECTOR si une convention sectorielle les accorde).",
  },
  '10042-021': {
    description: 'Heures LEGAL au-delà du droit légal, ou en dessous du plancher de 2 jours',
    aboveEntitlement: "Le droit LEGAL pour {year} s'élève à {hours} h, soit plus que le droit légal de {entitlement} h de ce travailleur (WorkforceSize {workforce}, au prorata de la durée de travail et des mois d'occupation). Déclarez les heures supplémentaires comme droit SECTOR ou EMPLOYER.",
    belowFloor: "Le droit LEGAL pour {year} s'élève à {hours} h, soit moins que les {floor} h en dessous desquelles une convention sectorielle ne peut descendre (2 jours au prorata de la durée de travail et des mois d'occupation, WorkforceSize {workforce}). Déclarez au moins {floor} h.",
  },
  '10040-021': {
    description: "Aucune période d'occupation dans le Year du droit",
    noEmployment: "Le droit {rightType} est déclaré pour {value}, mais la personne n'a aucune période d'occupation cette année-là. Vérifiez le Year et les dates de l'occupation.",
  },
};
