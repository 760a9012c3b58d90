// Parsing of zone values for the rules: dates as day numbers, decimals as exact hundredths.
// Each returns null for text that does not parse, which only happens in a file the XSD rejects.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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

export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** An xs:decimal with at most two fraction digits as an integer number of hundredths. */
export function hundredths(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const fraction = (m[3] ?? '').padEnd(2, '0');
  if (fraction.length > 2 && !/^0*$/.test(fraction.slice(2))) return null;
  const value = Number(m[2] || '0') * 100 + Number(fraction.slice(0, 2));
  return m[1] === '-' ? -value : value;
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

export function quarterPeriod(text: string | undefined): QuarterPeriod | null {
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
