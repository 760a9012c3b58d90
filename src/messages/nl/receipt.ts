import type { Catalogue } from '../catalogue.js';

export const receipt: Catalogue = {
  'ACRF-134': { description: 'het bestand is leeg', empty: 'Het bestand is leeg (0 bytes). Stuur het volledige aangiftebestand opnieuw.' },
  'ACRF-184': { description: 'het bestand is groter dan de ingestelde limiet', tooLarge: 'Het bestand telt {size} bytes, meer dan de limiet van {limit} bytes. Verdeel de aangiften over meerdere bestanden.' },
  'ACRF-138': {
    description: 'codering is geen UTF-8, of de bytes zijn geen geldige UTF-8',
    declared: 'Het bestand vermeldt codering "{encoding}"; alleen UTF-8 wordt aanvaard. Bewaar het bestand in UTF-8 en stuur het opnieuw.',
    detected: 'Het bestand is gecodeerd in {encoding}; alleen UTF-8 wordt aanvaard. Bewaar het bestand in UTF-8 en stuur het opnieuw.',
    invalidBytes: 'Byte {offset} van het bestand is geen geldige UTF-8. Bewaar het bestand in UTF-8 en stuur het opnieuw.',
  },
  'ACRF-102': { description: 'geen welgevormde XML', notWellFormed: 'Het bestand is geen welgevormde XML: {detail}. Verbeter de XML op deze plaats en stuur het bestand opnieuw.' },
  'ACRF-901': {
    description: 'DOCTYPE, entiteitsdeclaratie of externe verwijzing aanwezig',
    doctype: 'Een DOCTYPE of entiteitsdeclaratie is niet toegestaan in een aangiftebestand. Verwijder ze en stuur het bestand opnieuw.',
    external: 'Een externe verwijzing ({what}) is niet toegestaan in een aangiftebestand. Verwijder ze en stuur het bestand opnieuw.',
  },
  'ACRF-902': {
    description: 'een parserlimiet overschreden',
    depth: 'Elementen zijn meer dan {limit} niveaus diep genest. Een aangiftebestand heeft dat nooit nodig; verbeter het bestand.',
    textSize: 'Een tekstwaarde is langer dan {limit} tekens. Verbeter het bestand.',
    nameLength: 'Een element- of attribuutnaam is langer dan {limit} tekens. Verbeter het bestand.',
    attributeLength: 'Een attribuutwaarde is langer dan {limit} tekens. Verbeter het bestand.',
    markupLength: 'Een commentaar, verwerkingsinstructie, CDATA-sectie of tag is langer dan {limit} tekens. Verbeter het bestand.',
  },
  'ACRF-088': {
    description: 'onbekend hoofdelement, onbekende namespace of versie',
    root: 'Het hoofdelement is "{found}"; een aangiftebestand begint met FLADeclarations. Stuur een FLA-aangiftebestand.',
    namespace: 'Het hoofdelement staat in namespace "{found}"; verwacht is urn:be:fla:declaration:v1. Verbeter de namespace.',
    version: 'De formaatversie is "{found}"; deze verwerking leest versie 1. Maak het bestand aan in formaatversie 1.',
  },
  'ACRF-255': { description: 'niet geldig volgens de XSD', schema: 'Niet geldig volgens het aangifteschema: {detail}. Verbeter het element zodat het fla-declaration-v1.xsd volgt.',
    date: '{element} {value} is geen datum geschreven als JJJJ-MM-DD met een jaar van vier cijfers (een tijdzone zoals Z of +01:00 mag volgen). Verbeter de datum.',
    year: '{element} {value} is geen jaar van vier cijfers (een tijdzone zoals Z of +01:00 mag volgen). Verbeter het jaar.',
  },
  'ACRF-133': { description: 'bestand al ontvangen van deze afzender', duplicate: 'Dit bestand werd al ontvangen van deze afzender (ticket {ticket}), volgens naam of inhoud. Stuur nieuwe aangiften in een nieuw bestand.' },
  'ACRF-131': { description: 'dropfolder: bestandsnaam volgt de naamgevingsregels niet', badName: 'De bestandsnaam "{name}" volgt FI.FLAD.<afzender>.<JJJJMMDD>.<volgnummer>.<omgeving>.<delen>.<deel> niet. Hernoem het bestand en stuur het opnieuw.' },
  'ACRF-108': { description: 'dropfolder: afzendernummer in de naam is niet dat van de map', otherSender: 'Het afzendernummer {found} in de bestandsnaam is niet de afzender {sender} van deze map. Laad op in uw eigen map, met uw eigen afzendernummer.' },
  'ACRF-117': { description: 'dropfolder: omgevingsletter is niet R, T of S', environment: 'De omgevingsletter "{found}" is niet R (productie), T (test) of S (simulatie). Verbeter de bestandsnaam.' },
  'ACRF-118': { description: 'dropfolder: omgeving past niet bij de map', wrongFolder: 'Een bestand van omgeving {env} hoort in {expected}, niet in {folder}. Laad het op in {expected}.' },
  'ACRF-119': { description: 'dropfolder: de afzender trok de indiening in (TD-bestand)', withdrawn: 'De indiening werd ingetrokken door het bestand {name}: er werd niets van gelezen of verwerkt. Stuur ze opnieuw met een nieuw volgnummer als ze nog nodig is.' },
  'ACRF-120': { description: 'dropfolder: geen gewoon bestand (een symbolische koppeling, een map, een pipe …)', symlink: 'Het bestand {name} is een symbolische koppeling: noch de koppeling, noch waar ze naar verwijst, werd gelezen. Laad het bestand zelf op.', special: 'Het bestand {name} is geen gewoon bestand (een map, een pipe of een ander speciaal bestand) en werd niet gelezen. Laad een gewoon bestand op.' },
};
