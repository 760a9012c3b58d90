import type { Catalogue } from '../catalogue.js';

export const receipt: Catalogue = {
  'ACRF-134': { empty: 'Le fichier est vide (0 octet). Envoyez à nouveau le fichier de déclaration complet.' },
  'ACRF-184': { tooLarge: 'Le fichier compte {size} octets, plus que la limite de {limit} octets. Répartissez les déclarations sur plusieurs fichiers.' },
  'ACRF-138': {
    declared: "Le fichier déclare l'encodage « {encoding} » ; seul UTF-8 est accepté. Enregistrez le fichier en UTF-8 et envoyez-le à nouveau.",
    detected: 'Le fichier est encodé en {encoding} ; seul UTF-8 est accepté. Enregistrez le fichier en UTF-8 et envoyez-le à nouveau.',
    invalidBytes: "L'octet {offset} du fichier n'est pas de l'UTF-8 valide. Enregistrez le fichier en UTF-8 et envoyez-le à nouveau.",
  },
  'ACRF-102': { notWellFormed: "Le fichier n'est pas du XML bien formé : {detail}. Corrigez le XML à cet endroit et envoyez le fichier à nouveau." },
  'ACRF-901': {
    doctype: "Un DOCTYPE ou une déclaration d'entité n'est pas admis dans un fichier de déclaration. Supprimez-le et envoyez le fichier à nouveau.",
    external: "Une référence externe ({what}) n'est pas admise dans un fichier de déclaration. Supprimez-la et envoyez le fichier à nouveau.",
  },
  'ACRF-902': {
    depth: "Les éléments sont imbriqués sur plus de {limit} niveaux. Un fichier de déclaration n'en a jamais besoin ; corrigez le fichier.",
    textSize: 'Une valeur texte dépasse {limit} caractères. Corrigez le fichier.',
  },
  'ACRF-088': {
    root: "L'élément racine est « {found} » ; un fichier de déclaration commence par FLADeclarations. Envoyez un fichier de déclaration FLA.",
    namespace: "L'élément racine est dans l'espace de noms « {found} » ; attendu : urn:be:fla:declaration:v1. Corrigez l'espace de noms.",
    version: 'La version du format est « {found} » ; ce traitement lit la version 1. Produisez le fichier en version 1 du format.',
  },
  'ACRF-255': { schema: "Non valide selon le schéma de déclaration : {detail}. Corrigez l’élément pour qu’il suive fla-declaration-v1.xsd." },
};
