import type { Catalogue } from '../catalogue.js';

export const declaration: Catalogue = {
  '10002-111': {
    description: 'FormCreationDate meer dan een dag in de toekomst',
    inFuture: 'De FormCreationDate {value} ligt meer dan een dag na vandaag ({today}). Verbeter de FormCreationDate: het is de dag waarop de aangifte werd opgemaakt.',
  },
  '10010-008': {
    description: 'Quarter vóór 20241, of na het kwartaal van de FormCreationDate',
    beforeFirstQuarter: 'Kwartaal {value} ligt vóór {firstQuarter}, het eerste kwartaal van de Federal Learning Account. Verbeter het Quarter.',
    afterCreation: 'Kwartaal {value} ligt na het kwartaal van de FormCreationDate {creationDate}: het laatste kwartaal dat kan worden aangegeven is {lastQuarter}. Verbeter het Quarter, of verstuur deze aangifte zodra het kwartaal begonnen is.',
  },
  '10012-004': {
    description: 'CompanyID voldoet niet aan de modulo 97-controle of begint niet met 0 of 1',
    firstDigit: 'CompanyID {value} begint niet met 0 of 1 en is dus geen ondernemingsnummer. Vermeld het ondernemingsnummer van de werkgever in de KBO, 10 cijfers zonder punten.',
    checkDigit: 'CompanyID {value} voldoet niet aan de controle: de laatste twee cijfers moeten gelijk zijn aan 97 min de eerste acht cijfers modulo 97. Controleer het ondernemingsnummer in de KBO.',
  },
  '10020-006': {
    description: 'NaturalPersonSequenceNbr tweemaal gebruikt in de aangifte',
    duplicate: 'NaturalPersonSequenceNbr {value} wordt al gebruikt op regel {firstLine} van deze aangifte. Geef elke persoon van een aangifte een eigen volgnummer.',
  },
  '10021-006': {
    description: 'Hetzelfde INSZ tweemaal in één aangifte',
    duplicate: 'INSZ {value} is al aangegeven op regel {firstLine} van deze aangifte; deze persoon wordt verworpen. Geef elke werknemer één keer per aangifte aan, met al zijn tewerkstellingen, rechten en opleidingen.',
  },
};
