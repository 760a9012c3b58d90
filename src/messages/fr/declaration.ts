import type { Catalogue } from '../catalogue.js';

export const declaration: Catalogue = {
  '10002-111': {
    description: "FormCreationDate plus d'un jour dans le futur",
    inFuture: "La FormCreationDate {value} est postérieure de plus d'un jour à aujourd'hui ({today}). Corrigez la FormCreationDate : c'est le jour où la déclaration a été établie.",
  },
  '10010-008': {
    description: 'Quarter antérieur à 20241, ou postérieur au trimestre de la FormCreationDate',
    beforeFirstQuarter: 'Le trimestre {value} est antérieur à {firstQuarter}, premier trimestre du Federal Learning Account. Corrigez le Quarter.',
    afterCreation: "Le trimestre {value} est postérieur au trimestre de la FormCreationDate {creationDate} : le dernier trimestre qui peut être déclaré est {lastQuarter}. Corrigez le Quarter, ou envoyez cette déclaration une fois le trimestre commencé.",
  },
  '10012-004': {
    description: 'CompanyID ne satisfait pas au contrôle modulo 97 ou ne commence pas par 0 ou 1',
    firstDigit: "Le CompanyID {value} ne commence pas par 0 ou 1 et n'est donc pas un numéro d'entreprise. Indiquez le numéro d'entreprise de l'employeur à la BCE, 10 chiffres sans points.",
    checkDigit: "Le CompanyID {value} ne satisfait pas au contrôle : ses deux derniers chiffres doivent valoir 97 moins les huit premiers chiffres modulo 97. Vérifiez le numéro d'entreprise à la BCE.",
  },
  '10020-006': {
    description: 'NaturalPersonSequenceNbr utilisé deux fois dans la déclaration',
    duplicate: "Le NaturalPersonSequenceNbr {value} est déjà utilisé à la ligne {firstLine} de cette déclaration. Donnez à chaque personne d'une déclaration son propre numéro d'ordre.",
  },
  '10021-006': {
    description: 'Même NISS deux fois dans une déclaration',
    duplicate: 'Le NISS {value} est déjà déclaré à la ligne {firstLine} de cette déclaration ; cette personne est rejetée. Déclarez chaque travailleur une seule fois par déclaration, avec toutes ses occupations, tous ses droits et toutes ses formations.',
  },
};
