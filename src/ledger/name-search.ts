// `fla counters --name`: a family name is found whatever its case and accents, as people type
// them (FRANÇOIS, françois and Francois are one name). SQLite's LIKE folds ASCII letters only.
import type { Db } from './database.js';

/** The SQL function the counters query compares names with. */
export const FOLD_FUNCTION = 'fla_fold_name';

/**
 * Compatibility decomposition, then without combining marks (accents, cedillas) and in lower case
 * by way of upper case, so that ß and SS, ﬁ and FI compare equal too.
 */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase();
}

const registered = new WeakSet<Db>();
// Most names are plain ASCII, which lower-casing alone folds: the normalisation is skipped for them.
const ASCII = /^[\x00-\x7f]*$/;

/** Makes `fla_fold_name(text)` available on this connection (once per connection). */
export function registerNameFolding(db: Db): void {
  if (registered.has(db)) return;
  db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? (ASCII.test(value) ? value.toLowerCase() : foldName(value)) : value));
  registered.add(db);
}
