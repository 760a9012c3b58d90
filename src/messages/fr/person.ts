import type { Catalogue } from '../catalogue.js';

export const person: Catalogue = {
  '10021-004': {
    description: 'Nombre de contrôle du NISS erroné',
    checkDigit: "Le NISS {value} ne satisfait pas au contrôle : ses deux derniers chiffres ne valent ni 97 moins les neuf premiers chiffres modulo 97, ni, pour une personne née à partir de 2000, le même calcul sur 2 suivi des neuf chiffres. Vérifiez le numéro sur la carte d'identité ou au Registre national.",
  },
  '10021-003': {
    description: 'Partie date du NISS impossible, ou numéro de suite 000 ou 999',
    datePart: "Le NISS {value} a une partie date impossible (mois {month}, jour {day}) : après retrait d'une majoration bis de 20 ou 40, le mois doit être compris entre 00 et 12 et le jour entre 00 et 31. Vérifiez le numéro sur la carte d'identité ou au Registre national.",
    sequence: "Le NISS {value} a le numéro de suite {sequence}, qui n'est jamais attribué (001 à 998). Vérifiez le numéro sur la carte d'identité ou au Registre national.",
  },
  '10024-021': {
    description: 'BirthDate ne correspond pas à la partie date du NISS',
    mismatch: 'La BirthDate {value} ne correspond pas au NISS {inss}, qui donne la date de naissance {expected}. Corrigez la BirthDate ou le NISS.',
    mismatchNoCentury: 'La BirthDate {value} ne correspond pas au NISS {inss}, dont la partie date donne {expected} (AA-MM-JJ). Corrigez la BirthDate ou le NISS.',
  },
  '10030-006': {
    description: 'EmploymentSequenceNbr utilisé deux fois pour la personne',
    duplicate: "L'EmploymentSequenceNbr {value} est déjà utilisé à la ligne {firstLine} pour cette personne. Donnez à chaque occupation d'une personne son propre numéro d'ordre.",
  },
  '10032-014': {
    description: "EndingDate de l'occupation antérieure à StartingDate",
    endBeforeStart: "L'occupation se termine le {value}, avant son début ({start}). Corrigez la StartingDate ou l'EndingDate.",
  },
  '10034-008': {
    description: 'MeanWorkingHours supérieur à RefMeanWorkingHours',
    aboveReference: "Le MeanWorkingHours {value} est supérieur au RefMeanWorkingHours {reference} d'un travailleur à temps plein. Corrigez la durée hebdomadaire de travail du travailleur (Q) ou de la personne de référence (S).",
  },
  '10031-021': {
    description: "Aucune période d'occupation ne recoupe le Quarter déclaré",
    noEmployment: "Aucune période d'occupation de cette personne ne recoupe le trimestre {quarter}. Vérifiez la StartingDate et l'EndingDate des occupations, ou le Quarter.",
  },
};
