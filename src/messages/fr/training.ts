import type { Catalogue } from '../catalogue.js';

export const training: Catalogue = {
  '10050-006': {
    description: 'TrainingSequenceNbr utilisé deux fois pour la personne',
    duplicate: "Le TrainingSequenceNbr {value} est déjà utilisé à la ligne {firstLine} pour cette personne. Donnez à chaque formation d'une personne son propre numéro d'ordre.",
  },
  '10051-006': {
    description: 'La même TrainingUserReference deux fois pour un employeur dans le fichier',
    duplicate: "La TrainingUserReference {value} de l'employeur {companyId} figure déjà plus haut dans ce fichier ; cette formation est donc refusée. Déclarez chaque formation une seule fois par fichier, ou donnez-lui sa propre référence.",
  },
  '10053-001': {
    description: 'CREATE ou REPLACE sans Title, Kind, dates, durée, Attended ou CountsForFla',
    missing: 'Il manque {missing} au {action} de la formation {reference}. Un CREATE ou un REPLACE contient la formation complète : ajoutez les zones manquantes.',
  },
  '10056-014': {
    description: 'EndingDate de la formation antérieure à StartingDate',
    endBeforeStart: "La formation se termine le {value}, avant son début ({start}). Corrigez la StartingDate ou l'EndingDate.",
  },
  '10055-111': {
    description: 'StartingDate de la formation postérieure à la FormCreationDate',
    inFuture: "La formation commence le {value}, après la date de création de la déclaration ({created}). Ne déclarez une formation qu'une fois commencée, ou corrigez la StartingDate.",
  },
  '10056-021': {
    description: 'EndingDate de la formation postérieure au dernier jour du trimestre déclaré',
    afterQuarter: "La formation se termine le {value}, après le dernier jour du trimestre {quarter} ({lastDay}). Déclarez-la pour le trimestre au cours duquel elle se termine, ou corrigez l'EndingDate.",
  },
  '10057-008': {
    description: 'Plus de 24 heures par jour civil de la période de formation',
    moreThanADay: 'La formation dure {hours} heures sur {days} jour(s) civil(s) : plus de 24 heures par jour (au maximum {max} heures). Corrigez les Hours/Days ou les dates.',
  },
  '10057-245': {
    description: 'Plus de 10 heures par jour civil de la période de formation, ou 0 heure pour une formation suivie',
    longDays: 'La formation dure {hours} heures sur {days} jour(s) civil(s) : plus de 10 heures par jour ({max} heures). Vérifiez les Hours/Days et les dates.',
    zeroAttended: 'La formation a été suivie mais dure 0 heure. Vérifiez les Hours/Days, ou mettez Attended à false.',
  },
  '10061-001': {
    description: 'CountsForFla false sans ExclusionReason',
    missing: "La formation {reference} n'est pas déduite du crédit de formation (CountsForFla false) mais n'a pas d'ExclusionReason. Indiquez VOV, BEV ou NON_PROFESSIONAL.",
  },
  '10061-005': {
    description: 'ExclusionReason indiquée alors que CountsForFla est true',
    forbidden: "L'ExclusionReason {value} est indiquée pour une formation déduite du crédit de formation (CountsForFla true). Supprimez l'ExclusionReason, ou mettez CountsForFla à false.",
  },
  '10063-014': {
    description: "ValidUntil du certificat antérieure à l'EndingDate de la formation",
    expiresBeforeEnd: "Le certificat est valable jusqu'au {value}, avant la fin de la formation ({end}). Corrigez la ValidUntil ou l'EndingDate.",
  },
  '10065-004': {
    description: 'CompanyID du prestataire de formation non conforme au contrôle modulo 97',
    checkDigit: "Le numéro d'entreprise {value} du prestataire de formation ne satisfait pas au contrôle modulo 97. Corrigez le CompanyID du prestataire, ou omettez-le.",
  },
  '10055-021': {
    description: "Période de formation en dehors de toute période d'occupation de la personne",
    outsideEmployment: "La formation {reference} (du {start} au {end}) ne chevauche aucune période d'occupation de cette personne. Vérifiez les dates de la formation et les périodes d'occupation.",
  },
  '10055-270': {
    description: "Formation déclarée après le mois qui suit le trimestre au cours duquel elle s'est terminée",
    late: "La formation s'est terminée le {value} et devait donc être déclarée au plus tard le {deadline} ; cette déclaration a été créée le {created}. Déclarez une formation avant la fin du mois qui suit le trimestre au cours duquel elle se termine.",
  },
  '10053-245': {
    description: 'Une autre formation de la personne avec le même Title, la même StartingDate et la même EndingDate',
    possibleDouble: "Une formation « {value} » du {start} au {end} est déjà déclarée pour cette personne à la ligne {firstLine}. Vérifiez qu'elle n'est pas déclarée deux fois ; si c'est le cas, annulez-en une par CANCEL.",
  },
};
