import type { Catalogue } from '../catalogue.js';

export const person: Catalogue = {
  '10021-004': {
    description: 'Controlegetal van het INSZ onjuist',
    checkDigit: 'INSZ {value} voldoet niet aan de controle: de laatste twee cijfers zijn niet gelijk aan 97 min de eerste negen cijfers modulo 97, noch, voor wie vanaf 2000 geboren is, aan dezelfde berekening op 2 gevolgd door de negen cijfers. Controleer het nummer op de identiteitskaart of in het Rijksregister.',
  },
  '10021-003': {
    description: 'Datumgedeelte van het INSZ onmogelijk, of volgnummer 000 of 999',
    datePart: 'INSZ {value} heeft een onmogelijk datumgedeelte (maand {month}, dag {day}): na aftrek van een bis-verhoging met 20 of 40 moet de maand tussen 00 en 12 liggen en de dag tussen 00 en 31. Controleer het nummer op de identiteitskaart of in het Rijksregister.',
    sequence: 'INSZ {value} heeft volgnummer {sequence}, dat nooit wordt toegekend (001 tot 998). Controleer het nummer op de identiteitskaart of in het Rijksregister.',
  },
  '10024-021': {
    description: 'BirthDate stemt niet overeen met het datumgedeelte van het INSZ',
    mismatch: 'BirthDate {value} stemt niet overeen met INSZ {inss}, dat als geboortedatum {expected} geeft. Verbeter de BirthDate of het INSZ.',
    mismatchNoCentury: 'BirthDate {value} stemt niet overeen met INSZ {inss}, waarvan het datumgedeelte {expected} (JJ-MM-DD) geeft. Verbeter de BirthDate of het INSZ.',
  },
  '10030-006': {
    description: 'EmploymentSequenceNbr tweemaal gebruikt voor de persoon',
    duplicate: 'EmploymentSequenceNbr {value} wordt voor deze persoon al gebruikt op regel {firstLine}. Geef elke tewerkstelling van een persoon een eigen volgnummer.',
  },
  '10032-014': {
    description: 'EndingDate van de tewerkstelling vóór StartingDate',
    endBeforeStart: 'De tewerkstelling eindigt op {value}, vóór ze begint ({start}). Verbeter de StartingDate of de EndingDate.',
  },
  '10034-008': {
    description: 'MeanWorkingHours groter dan RefMeanWorkingHours',
    aboveReference: 'MeanWorkingHours {value} is groter dan de RefMeanWorkingHours {reference} van een voltijdse werknemer. Verbeter de wekelijkse arbeidsduur van de werknemer (Q) of van de maatpersoon (S).',
  },
  '10031-021': {
    description: 'Geen tewerkstellingsperiode overlapt het aangegeven Quarter',
    noEmployment: 'Geen enkele tewerkstellingsperiode van deze persoon overlapt kwartaal {quarter}. Controleer de StartingDate en EndingDate van de tewerkstellingen, of het Quarter.',
  },
};
