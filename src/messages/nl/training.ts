import type { Catalogue } from '../catalogue.js';

export const training: Catalogue = {
  '10050-006': {
    description: 'TrainingSequenceNbr tweemaal gebruikt voor de persoon',
    duplicate: 'TrainingSequenceNbr {value} wordt voor deze persoon al gebruikt op regel {firstLine}. Geef elke opleiding van een persoon een eigen volgnummer.',
  },
  '10051-006': {
    description: 'Dezelfde TrainingUserReference tweemaal voor één werkgever in het bestand',
    duplicate: 'TrainingUserReference {value} van werkgever {companyId} komt eerder in dit bestand al voor; deze opleiding wordt daarom geweigerd. Geef elke opleiding slechts één keer per bestand aan, of geef ze een eigen referentie.',
  },
  '10053-001': {
    description: 'CREATE of REPLACE zonder Title, Kind, data, duur, Attended of CountsForFla',
    missing: 'Bij de {action} van opleiding {reference} ontbreken de volgende zones: {missing}. Een CREATE of REPLACE bevat de volledige opleiding: vul de ontbrekende zones aan.',
  },
  '10056-014': {
    description: 'EndingDate van de opleiding vóór StartingDate',
    endBeforeStart: 'De opleiding eindigt op {value}, vóór ze begint ({start}). Verbeter de StartingDate of de EndingDate.',
  },
  '10055-111': {
    description: 'StartingDate van de opleiding na de FormCreationDate',
    inFuture: 'De opleiding begint op {value}, na de aanmaakdatum van de aangifte ({created}). Geef een opleiding pas aan wanneer ze begonnen is, of verbeter de StartingDate.',
  },
  '10056-021': {
    description: 'EndingDate van de opleiding na de laatste dag van het aangegeven kwartaal',
    afterQuarter: 'De opleiding eindigt op {value}, na de laatste dag van kwartaal {quarter} ({lastDay}). Geef ze aan voor het kwartaal waarin ze eindigt, of verbeter de EndingDate.',
  },
  '10057-008': {
    description: 'Meer dan 24 uur per kalenderdag van de opleidingsperiode',
    moreThanADay: 'De opleiding duurt {hours} uur over {days} kalenderdag(en): meer dan 24 uur per dag (hoogstens {max} uur). Verbeter de Hours/Days of de data.',
  },
  '10057-245': {
    description: 'Meer dan 10 uur per kalenderdag van de opleidingsperiode, of 0 uur voor een gevolgde opleiding',
    longDays: 'De opleiding duurt {hours} uur over {days} kalenderdag(en): meer dan 10 uur per dag ({max} uur). Controleer de Hours/Days en de data.',
    zeroAttended: 'De opleiding werd gevolgd maar duurt 0 uur. Controleer de Hours/Days, of zet Attended op false.',
  },
  '10061-001': {
    description: 'CountsForFla false zonder ExclusionReason',
    missing: 'Opleiding {reference} wordt niet van het opleidingskrediet afgetrokken (CountsForFla false) maar heeft geen ExclusionReason. Vermeld VOV, BEV of NON_PROFESSIONAL.',
  },
  '10061-005': {
    description: 'ExclusionReason vermeld terwijl CountsForFla true is',
    forbidden: 'ExclusionReason {value} is vermeld voor een opleiding die van het opleidingskrediet wordt afgetrokken (CountsForFla true). Verwijder de ExclusionReason, of zet CountsForFla op false.',
  },
  '10063-014': {
    description: 'ValidUntil van het certificaat vóór de EndingDate van de opleiding',
    expiresBeforeEnd: 'Het certificaat is geldig tot {value}, vóór het einde van de opleiding ({end}). Verbeter de ValidUntil of de EndingDate.',
  },
  '10065-004': {
    description: 'CompanyID van de opleidingsverstrekker voldoet niet aan de modulo 97-controle',
    checkDigit: 'Het ondernemingsnummer {value} van de opleidingsverstrekker voldoet niet aan de modulo 97-controle. Verbeter de CompanyID van de verstrekker, of laat hem weg.',
  },
  '10055-021': {
    description: 'Opleidingsperiode buiten elke tewerkstellingsperiode van de persoon',
    outsideEmployment: 'Opleiding {reference} ({start} tot {end}) valt in geen enkele tewerkstellingsperiode van deze persoon. Controleer de data van de opleiding en de tewerkstellingsperiodes.',
  },
  '10055-270': {
    description: 'Opleiding aangegeven na de maand die volgt op het kwartaal waarin ze eindigde',
    late: 'De opleiding eindigde op {value} en moest dus uiterlijk op {deadline} aangegeven worden; deze aangifte werd aangemaakt op {created}. Geef een opleiding aan vóór het einde van de maand na het kwartaal waarin ze eindigt.',
  },
  '10053-245': {
    description: 'Een andere opleiding van de persoon met dezelfde Title, StartingDate en EndingDate',
    possibleDouble: 'Een opleiding "{value}" van {start} tot {end} is voor deze persoon al aangegeven op regel {firstLine}. Controleer of ze niet tweemaal aangegeven is; zo ja, annuleer er één met CANCEL.',
  },
};
