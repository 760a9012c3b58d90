// Parsing of zone values for the rules: dates as day numbers, decimals as exact hundredths.
// Each returns null for text that does not parse, which only happens in a file the XSD rejects.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The XSD allows a zone on dates and years (DateType, YearType: four-digit years only); the zone
// never changes the calendar day or year that was declared, so every reader below ignores it.

/** Days since 1970-01-01 for an xs:date 'YYYY-MM-DD' (a zone offset, if any, is ignored). */
export function dayNumber(text: string | undefined): number | null {
  // Plain arithmetic (days from civil): rules call this for every date of every person.
  if (text === undefined || text.length < 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return null;
  return civilToDay(y, m, d);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function civilToDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The month (0-11) of a day number, without a Date (civil_from_days, month part only). */
export function monthOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return mp < 10 ? mp + 2 : mp - 10;
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The calendar date 'YYYY-MM-DD' of an xs:date, without its zone; null if it is none. */
export function calendarDate(text: string | undefined): string | null {
  return dayNumber(text) === null ? null : text!.slice(0, 10);
}

/** The year of an xs:gYear 'YYYY' with an optional zone ('2026Z', '2026+14:00'); null otherwise. */
export function yearValue(text: string | undefined): number | null {
  if (text === undefined || text.length < 4) return null;
  const year = digits(text, 0, 4);
  if (year < 0) return null;
  const zone = text.slice(4);
  return zone === '' || zone === 'Z' || /^[+-]\d\d:\d\d$/.test(zone) ? year : null;
}

/** An xs:int's value as a key, so that '+01' and '1' are the same number. */
export function integerKey(text: string): string {
  return /^[+-]?\d+$/.test(text) ? String(Number(text)) : text;
}

export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** An xs:decimal with at most two fraction digits as an integer number of hundredths. */
export function hundredths(text: string | undefined): number | null {
  if (text === undefined) return null;
  // Hand-rolled: the rules read several decimals of every person, a regex each was measurable.
  let i = 0;
  let end = text.length;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  let sign = 1;
  const first = text.charCodeAt(i);
  if (first === 0x2b || first === 0x2d) {
    if (first === 0x2d) sign = -1;
    i++;
  }
  let units = 0;
  let digitsSeen = 0;
  let fraction = 0;
  let fractionDigits = 0;
  let point = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e && !point) {
      point = true;
      continue;
    }
    const d = c - 0x30;
    if (d < 0 || d > 9) return null;
    digitsSeen++;
    if (!point) units = units * 10 + d;
    else if (fractionDigits < 2) {
      fraction = fraction * 10 + d;
      fractionDigits++;
    } else if (d !== 0) return null;
  }
  if (digitsSeen === 0) return null;
  if (fractionDigits === 1) fraction *= 10;
  const value = units * 100 + fraction;
  return sign < 0 ? -value : value;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

export function formatHundredths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface QuarterPeriod {
  readonly year: number;
  readonly quarter: number;
  readonly firstDay: number;
  readonly lastDay: number;
}

// Every rule that needs the Quarter asks for every person of the declaration: the last answer is kept.
let lastQuarterText: string | undefined;
let lastQuarter: QuarterPeriod | null = null;

export function quarterPeriod(text: string | undefined): QuarterPeriod | null {
  if (text !== lastQuarterText || text === undefined) {
    lastQuarter = computeQuarterPeriod(text);
    lastQuarterText = text;
  }
  return lastQuarter;
}

function computeQuarterPeriod(text: string | undefined): QuarterPeriod | null {
  const m = /^(\d{4})([1-4])$/.exec(text ?? '');
  if (m === null) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]);
  const firstDay = Date.UTC(year, (quarter - 1) * 3, 1) / 86_400_000;
  const lastDay = Date.UTC(year, quarter * 3, 1) / 86_400_000 - 1;
  return { year, quarter, firstDay, lastDay };
}

/** 'true'/'1' and 'false'/'0' as xs:boolean allows; null otherwise. */
export function booleanValue(text: string | undefined): boolean | null {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}
