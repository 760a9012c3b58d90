import type { Catalogue } from '../catalogue.js';

export const receipt: Catalogue = {
  'ACRF-134': { description: 'le fichier est vide', empty: 'Le fichier est vide (0 octet). Envoyez à nouveau le fichier de déclaration complet.' },
  'ACRF-184': { description: 'le fichier dépasse la limite configurée', tooLarge: 'Le fichier compte {size} octets, plus que la limite de {limit} octets. Répartissez les déclarations sur plusieurs fichiers.' },
  'ACRF-138': {
    description: "l'encodage n'est pas UTF-8, ou les octets ne sont pas de l'UTF-8 valide",
    declared: "Le fichier déclare l'encodage « {encoding} » ; seul UTF-8 est accepté. Enregistrez le fichier en UTF-8 et envoyez-le à nouveau.",
    detected: 'Le fichier est encodé en {encoding} ; seul UTF-8 est accepté. Enregistrez le fichier en UTF-8 et envoyez-le à nouveau.',
    invalidBytes: "L'octet {offset} du fichier n'est pas de l'UTF-8 valide. Enregistrez le fichier en UTF-8 et envoyez-le à nouveau.",
  },
  'ACRF-102': { description: 'XML mal formé', notWellFormed: "Le fichier n'est pas du XML bien formé : {detail}. Corrigez le XML à cet endroit et envoyez le fichier à nouveau." },
  'ACRF-901': {
    description: "DOCTYPE, déclaration d'entité ou référence externe présente",
    doctype: "Un DOCTYPE ou une déclaration d'entité n'est pas admis dans un fichier de déclaration. Supprimez-le et envoyez le fichier à nouveau.",
    external: "Une référence externe ({what}) n'est pas admise dans un fichier de déclaration. Supprimez-la et envoyez le fichier à nouveau.",
  },
  'ACRF-902': {
    description: "une limite de l'analyseur dépassée",
    depth: "Les éléments sont imbriqués sur plus de {limit} niveaux. Un fichier de déclaration n'en a jamais besoin ; corrigez le fichier.",
    textSize: 'Une valeur texte dépasse {limit} caractères. Corrigez le fichier.',
    nameLength: "Un nom d'élément ou d'attribut dépasse {limit} caractères. Corrigez le fichier.",
    attributeLength: "Une valeur d'attribut dépasse {limit} caractères. Corrigez le fichier.",
    markupLength: 'Un commentaire, une instruction de traitement, une section CDATA ou une balise dépasse {limit} caractères. Corrigez le fichier.',
  },
  'ACRF-088': {
    description: 'élément racine, espace de noms ou version inconnus',
    root: "L'élément racine est « {found} » ; un fichier de déclaration commence par FLADeclarations. Envoyez un fichier de déclaration FLA.",
    namespace: "L'élément racine est dans l'espace de noms « {found} » ; attendu : urn:be:fla:declaration:v1. Corrigez l'espace de noms.",
    version: 'La version du format est « {found} » ; ce traitement lit la version 1. Produisez le fichier en version 1 du format.',
  },
  'ACRF-255': { description: 'non valide selon la XSD', schema: "Non valide selon le schéma de déclaration : {detail}. Corrigez l’élément pour qu’il suive fla-declaration-v1.xsd.",
    date: "{element} {value} n'est pas une date écrite AAAA-MM-JJ avec une année de quatre chiffres (un fuseau horaire comme Z ou +01:00 peut suivre). Corrigez la date.",
    year: "{element} {value} n'est pas une année de quatre chiffres (un fuseau horaire comme Z ou +01:00 peut suivre). Corrigez l'année.",
  },
  'ACRF-133': { description: 'fichier déjà reçu de cet expéditeur', duplicate: 'Ce fichier a déjà été reçu de cet expéditeur (ticket {ticket}), par son nom ou son contenu. Envoyez les nouvelles déclarations dans un nouveau fichier.' },
  'ACRF-131': { description: 'dossier de dépôt : le nom du fichier ne suit pas les règles de nommage', badName: 'Le nom de fichier « {name} » ne suit pas FI.FLAD.<expéditeur>.<AAAAMMJJ>.<séquence>.<environnement>.<parties>.<partie>. Renommez le fichier et envoyez-le à nouveau.' },
  'ACRF-108': { description: "dossier de dépôt : le numéro d'expéditeur du nom n'est pas celui du dossier", otherSender: "Le numéro d'expéditeur {found} du nom de fichier n'est pas l'expéditeur {sender} de ce dossier. Déposez dans votre propre dossier, avec votre propre numéro d'expéditeur." },
  'ACRF-117': { description: "dossier de dépôt : la lettre d'environnement n'est pas R, T ou S", environment: "La lettre d'environnement « {found} » n'est pas R (production), T (test) ou S (simulation). Corrigez le nom du fichier." },
  'ACRF-118': { description: "dossier de dépôt : l'environnement ne correspond pas au dossier", wrongFolder: "Un fichier de l'environnement {env} va dans {expected}, pas dans {folder}. Déposez-le dans {expected}." },
  'ACRF-119': { description: "dossier de dépôt : l'expéditeur a retiré l'envoi (fichier TD)", withdrawn: "L'envoi a été retiré par le fichier {name} : rien n'en a été lu ni appliqué. Envoyez-le à nouveau sous un nouveau numéro de séquence s'il est toujours voulu." },
  'ACRF-120': { description: "dossier de dépôt : pas un fichier ordinaire (un lien symbolique, un dossier, un tube …)", symlink: "Le fichier {name} est un lien symbolique : ni le lien ni ce vers quoi il pointe n'a été lu. Déposez le fichier lui-même.", special: "Le fichier {name} n'est pas un fichier ordinaire (un dossier, un tube ou un autre fichier spécial) et n'a pas été lu. Déposez un fichier ordinaire." },
};
