import type { Catalogue } from '../catalogue.js';

export const ledger: Catalogue = {
  '10005-006': {
    description: 'ReferenceNbr déjà acceptée pour cet expéditeur, ou deux fois dans un fichier',
    alreadyAccepted: 'Une déclaration avec la ReferenceNbr {value} a déjà été acceptée de cet expéditeur. Donnez à chaque déclaration sa propre référence.',
    twiceInFile: 'La ReferenceNbr {value} est utilisée par une déclaration précédente de ce fichier. Donnez à chaque déclaration sa propre référence.',
  },
  '10012-101': {
    description: "l'expéditeur ne détient aucun mandat pour cette CompanyID",
    noMandate: "L'expéditeur {sender} ne détient aucun mandat pour l'employeur {value} à la date du {date} (la FormCreationDate). Faites enregistrer le mandat, ou corrigez la CompanyID.",
  },
  '10052-166': {
    description: "REPLACE ou CANCEL d'une formation que cet employeur n'a jamais déclarée",
    unknownReference: "{action} de la formation {value}, que cet employeur n'a jamais déclarée. Déclarez-la d'abord avec CREATE, ou corrigez la TrainingUserReference.",
  },
  '10052-006': {
    description: "CREATE d'une formation que cet employeur a déjà déclarée",
    alreadyDeclared: 'La formation {value} a déjà été déclarée par cet employeur. Utilisez REPLACE pour la corriger.',
  },
  '10052-241': {
    description: "REPLACE ou CANCEL d'une formation déjà annulée",
    cancelled: '{action} de la formation {value}, qui est déjà annulée. Déclarez une nouvelle formation avec CREATE et une nouvelle référence.',
  },
  '10066-245': {
    description: 'les heures de formation dépassent le crédit restant de la période',
    uncovered: "La formation {reference} n'est pas entièrement couverte par le crédit de formation de la période : {uncovered} h non couvertes. Vérifiez les droits déclarés pour ce travailleur.",
  },
};
