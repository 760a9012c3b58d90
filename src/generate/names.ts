// Word lists for the generator: names, training titles and providers as a Belgian social
// secretariat's quarterly file would hold them. Everything is XML-escaped once, here, so the hot
// loop only concatenates.

export type Region = 'flanders' | 'wallonia' | 'brussels';
export type Language = 'nl' | 'fr';

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const escaped = (items: readonly string[]): readonly string[] => items.map(xmlEscape);

export const FAMILY_NAMES: Readonly<Record<Region, readonly string[]>> = {
  flanders: escaped([
    'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
    'Van den Bossche', "D'Hondt", 'Vermeulen', 'Van de Velde', 'Dewulf', 'De Backer', 'Hermans', 'Michiels',
    'Vandenberghe', 'De Vos', 'Van Damme', 'Verstraete', 'Aerts', 'Desmet', 'Van Acker', 'Vanhoutte',
    'De Clercq', 'Declercq', 'Pauwels', 'Segers', 'Coppens', 'Verhaeghe', "D'Haese", 'Van Hoeymissen',
  ]),
  wallonia: escaped([
    'Dubois', 'Lambert', 'Dupont', 'Martin', 'Simon', 'Lemaire', 'Gérard', 'Leclercq', 'Lejeune', 'Renard',
    'François', 'Mathieu', 'Léonard', 'Collard', 'Piérard', 'Laurent', 'Denis', 'Hubert', 'Gilson', 'Thiry',
    'Delvaux', 'Noël', 'Lefèbvre', 'Dethier', 'Rémy', 'Masson', 'Müller', 'Schmitz', 'Kessler',
  ]),
  brussels: escaped([
    'El Amrani', 'Benali', 'El Idrissi', 'Bouzid', 'Çelik', 'Yılmaz', 'Öztürk', 'Demir', 'Nowak', 'Kowalski',
    'Rossi', 'Esposito', 'Nguyen', 'Diallo', 'Mukendi', 'Kabongo', 'Ngoy', 'Popescu', 'García', 'Fernández',
    'Da Silva', 'Papadopoulos', 'Van der Elst', 'Dupont', 'Peeters', 'Janssens', "D'Ursel",
  ]),
};

export const FIRST_NAMES: Readonly<Record<Region, readonly string[]>> = {
  flanders: escaped([
    'An', 'Jan', 'Pieter', 'Bart', 'Koen', 'Sofie', 'Els', 'Lotte', 'Emma', 'Marie', 'Jef', 'Wout', 'Fien',
    'Lucas', 'Noah', 'Liam', 'Tom', 'Sarah', 'Hanne', 'Joke', 'Dirk', 'Griet', 'Stijn', 'Ine', 'Wannes', 'Anneleen',
  ]),
  wallonia: escaped([
    'Louis', 'Théo', 'Hélène', 'Élodie', 'Chloé', 'Amélie', 'Jérôme', 'François', 'Benoît', 'Geneviève', 'Noël',
    'Maëlle', 'Zoé', 'Céline', 'Frédéric', 'Aurélie', 'Nathalie', 'Cédric', 'Léa', 'Hugo', 'Jean-Pierre', 'Anaïs',
  ]),
  brussels: escaped([
    'Mohamed', 'Fatima', 'Yasmine', 'Ayoub', 'Inès', 'Adam', 'Rayan', 'Aïcha', 'Emre', 'Zeynep', 'Mehmet',
    'Agnieszka', 'Giulia', 'Olumide', 'Thi Hoa', 'Aminata', 'Jean', 'Sofia', 'Nour', 'Ibrahim', 'Elif', 'Marc',
  ]),
};

/** At least five per language: a person gets up to four trainings, each with its own title. */
export const TRAINING_TITLES: Readonly<Record<Language, readonly string[]>> = {
  nl: escaped([
    'Eerste hulp op de werkvloer', 'Veiligheid & welzijn op het werk', 'VCA basisveiligheid', 'Heftruckbestuurder',
    'Excel voor gevorderden', 'Klantgericht communiceren', 'Timemanagement', 'Leidinggeven aan een team',
    'GDPR in de praktijk', 'Brandpreventie en evacuatie', 'Rijbewijs C & CE - code 95', 'Projectmanagement <PRINCE2> Foundation',
    'Onthaal van nieuwe medewerkers', 'Digitale vaardigheden', 'Ergonomie aan het bureau', 'Lassen TIG',
  ]),
  fr: escaped([
    'Premiers secours en entreprise', 'Sécurité & bien-être au travail', 'VCA sécurité de base', 'Cariste - chariot élévateur',
    'Excel avancé', "Communication orientée client", 'Gestion du temps', "Gestion d'équipe", 'RGPD en pratique',
    'Prévention incendie et évacuation', 'Permis C & CE - code 95', 'Néerlandais au travail', "Accueil des nouveaux collaborateurs",
    'Compétences numériques', 'Ergonomie au poste de travail', 'Soudage TIG',
  ]),
};

export interface ProviderName {
  readonly name: string;
  /** First 8 digits of a (synthetic) enterprise number; null for a provider named without one. */
  readonly base8: number | null;
}

export const PROVIDERS: readonly ProviderName[] = [
  { name: 'Syntra West', base8: 4_120_337 },
  { name: 'Syntra Antwerpen & Vlaams-Brabant', base8: 4_287_615 },
  { name: 'VDAB', base8: 8_871_260 },
  { name: 'Le Forem', base8: 2_365_189 },
  { name: 'Bruxelles Formation', base8: 2_470_318 },
  { name: 'IFAPME', base8: 2_499_874 },
  { name: 'Cevora', base8: 4_196_583 },
  { name: 'Educam', base8: 4_436_210 },
  { name: 'Constructiv', base8: 4_073_322 },
  { name: 'Securex Academy', base8: 4_622_017 },
  { name: 'Rode Kruis-Vlaanderen', base8: 4_097_125 },
  { name: 'Croix-Rouge de Belgique', base8: 4_093_902 },
  { name: 'Formation interne', base8: null },
  { name: 'Interne opleiding', base8: null },
].map((p) => ({ name: xmlEscape(p.name), base8: p.base8 }));
