// Messages are keyed by code and message id, one catalogue per language; English is the fallback.
// A message says what is wrong, with the value, and what to do. Placeholders are {name}.
import type { Lang, MessageData } from '../findings.js';
import { en } from './en/index.js';
import { nl } from './nl/index.js';
import { fr } from './fr/index.js';

export type Catalogue = Readonly<Record<string, Readonly<Record<string, string>>>>;

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, nl, fr };

export function formatMessage(lang: Lang, code: string, messageId: string, data: MessageData): string {
  const template = CATALOGUES[lang][code]?.[messageId] ?? en[code]?.[messageId];
  if (template === undefined) return `${code} ${messageId}`;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholders a template uses, for the meta-test that keeps languages in step. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** The short label of a rule or receipt code, in `lang` or else English. */
export function describeCode(code: string, lang: Lang): string {
  return CATALOGUES[lang][code]?.description ?? en[code]?.description ?? code;
}
