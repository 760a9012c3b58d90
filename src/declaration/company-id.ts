// FORMAT.md "Identifiers": the enterprise number (CompanyID), 10 digits, first digit 0 or 1,
// the last two digits 97 − (first 8 digits mod 97).

export interface CompanyIdFacts {
  readonly firstDigitOk: boolean;
  readonly checkDigitOk: boolean;
}

/** null when the value is not exactly 10 ASCII digits */
export function companyIdFacts(value: string): CompanyIdFacts | null {
  if (!/^[0-9]{10}$/.test(value)) return null;
  const base = Number(value.slice(0, 8));
  return { firstDigitOk: value[0] === '0' || value[0] === '1', checkDigitOk: 97 - (base % 97) === Number(value.slice(8)) };
}

/** A valid enterprise number from its first 8 digits (0..19999999, so the first digit is 0 or 1). */
export function makeCompanyId(base8: number): string {
  if (!Number.isInteger(base8) || base8 < 0 || base8 > 19_999_999) throw new RangeError(`base8 must be an integer 0..19999999, got ${base8}`);
  return String(base8).padStart(8, '0') + String(97 - (base8 % 97)).padStart(2, '0');
}
