// FORMAT.md "Identifiers": the facts of an INSS (YYMMDDSSSCC) that the person rules and the
// generator need. Pure integer arithmetic: 9 digits (+ 2·10⁹) stay far below 2⁵³.

export type InssBis = 'none' | 'sex-unknown' | 'sex-known';

export interface InssFacts {
  /** Which form of the mod-97 check matches; pre-2000 wins when (never, as 2·10⁹ mod 97 ≠ 0) both would. */
  readonly checkDigit: 'pre-2000' | 'from-2000' | 'invalid';
  /** Month offset 20 (sex unknown) or 40 (sex known); 'none' when the month part is not offset. */
  readonly bis: InssBis;
  /** Month part after removing the bis offset. */
  readonly month: number;
  readonly day: number;
  /** SSS */
  readonly sequence: number;
  /** Month (after offset) 0..12 and day 0..31. */
  readonly datePartValid: boolean;
  /** 001..998 */
  readonly sequenceValid: boolean;
  /** 'YYYY-MM-DD' when the check digit decides the century and month and day form a real date. */
  readonly birthDate: string | null;
}

const FROM_2000_PREFIX = 2_000_000_000;

// Three person rules ask about the same INSS in turn: the last answer is kept.
let lastValue: string | undefined;
let lastFacts: InssFacts | null = null;

/** null when the value is not exactly 11 ASCII digits */
export function inssFacts(value: string): InssFacts | null {
  if (value !== lastValue) {
    lastFacts = computeInssFacts(value);
    lastValue = value;
  }
  return lastFacts;
}

function computeInssFacts(value: string): InssFacts | null {
  // Digit arithmetic instead of a regex and five Number(slice) calls: this runs for every person.
  if (value.length !== 11) return null;
  for (let i = 0; i < 11; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  const yy = digitsAt(value, 0, 2);
  const rawMonth = digitsAt(value, 2, 2);
  const day = digitsAt(value, 4, 2);
  const sequence = digitsAt(value, 6, 3);
  const base = yy * 10_000_000 + rawMonth * 100_000 + day * 1_000 + sequence;
  const check = digitsAt(value, 9, 2);
  const checkDigit = 97 - (base % 97) === check ? 'pre-2000' : 97 - ((FROM_2000_PREFIX + base) % 97) === check ? 'from-2000' : 'invalid';

  const bis: InssBis = rawMonth >= 20 && rawMonth <= 32 ? 'sex-unknown' : rawMonth >= 40 && rawMonth <= 52 ? 'sex-known' : 'none';
  const month = bis === 'sex-unknown' ? rawMonth - 20 : bis === 'sex-known' ? rawMonth - 40 : rawMonth;
  const datePartValid = month <= 12 && day <= 31;

  let birthDate: string | null = null;
  if (checkDigit !== 'invalid' && month >= 1 && month <= 12 && day >= 1) {
    const year = (checkDigit === 'pre-2000' ? 1900 : 2000) + yy;
    // Date.UTC rolls 1900-02-29 over to 03-01: a round trip tells a real date from an impossible one.
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) birthDate = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  }

  return { checkDigit, bis, month, day, sequence, datePartValid, sequenceValid: sequence >= 1 && sequence <= 998, birthDate };
}

/** An INSS with a valid check number; mm may carry a bis offset (20 or 40). */
export function makeInss(yy: number, mm: number, dd: number, seq: number, century: 1900 | 2000): string {
  const base = yy * 10_000_000 + mm * 100_000 + dd * 1_000 + seq;
  const check = 97 - ((century === 2000 ? FROM_2000_PREFIX + base : base) % 97);
  return pad(base, 9) + pad(check, 2);
}

/** The number written by `count` ASCII digits of `text` from `from` (checked by the caller). */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
