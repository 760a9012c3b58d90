import type { Catalogue } from '../catalogue.js';

export const ledger: Catalogue = {
  '10005-006': {
    description: 'ReferenceNbr al aanvaard voor deze afzender, of tweemaal in één bestand',
    alreadyAccepted: 'Een aangifte met ReferenceNbr {value} werd al aanvaard van deze afzender. Geef elke aangifte een eigen referentie.',
    twiceInFile: 'ReferenceNbr {value} wordt gebruikt door een eerdere aangifte in dit bestand. Geef elke aangifte een eigen referentie.',
  },
  '10012-101': {
    description: 'de afzender heeft geen mandaat voor deze CompanyID',
    noMandate: 'Afzender {sender} heeft op {date} (de FormCreationDate) geen mandaat voor werkgever {value}. Laat het mandaat registreren, of verbeter de CompanyID.',
  },
  '10052-166': {
    description: 'REPLACE of CANCEL van een opleiding die deze werkgever nooit aangaf',
    unknownReference: '{action} van opleiding {value}, die deze werkgever nooit aangaf. Geef ze eerst aan met CREATE, of verbeter de TrainingUserReference.',
  },
  '10052-006': {
    description: 'CREATE van een opleiding die deze werkgever al aangaf',
    alreadyDeclared: 'Opleiding {value} werd al aangegeven door deze werkgever. Gebruik REPLACE om ze te verbeteren.',
  },
  '10052-241': {
    description: 'REPLACE of CANCEL van een opleiding die al geannuleerd is',
    cancelled: '{action} van opleiding {value}, die al geannuleerd is. Geef een nieuwe opleiding aan met CREATE en een nieuwe referentie.',
  },
  '10066-245': {
    description: 'opleidingsuren overschrijden het resterende krediet van de periode',
    uncovered: 'Opleiding {reference} wordt niet volledig gedekt door het opleidingskrediet van de periode: {uncovered} u niet gedekt. Controleer de rechten die voor deze werknemer zijn aangegeven.',
  },
};
