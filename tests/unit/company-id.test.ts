import { describe, expect, it } from 'vitest';
import { companyIdFacts, makeCompanyId } from '../../src/declaration/company-id.js';

describe('companyIdFacts', () => {
  it('accepts the FORMAT.md example 0403170701', () => {
    // 97 − (04031707 mod 97) = 1
    expect(companyIdFacts('0403170701')).toEqual({ firstDigitOk: true, checkDigitOk: true });
  });

  it('accepts a first digit 1 and rejects a first digit 2', () => {
    expect(companyIdFacts('1000000021')).toEqual({ firstDigitOk: true, checkDigitOk: true });
    // 97 − (20000000 mod 97) = 42 as well, so only the first digit is wrong.
    expect(companyIdFacts('2000000042')).toEqual({ firstDigitOk: false, checkDigitOk: true });
  });

  it('rejects a wrong check number', () => {
    expect(companyIdFacts('0403170702')).toEqual({ firstDigitOk: true, checkDigitOk: false });
    expect(companyIdFacts('0403170700')).toEqual({ firstDigitOk: true, checkDigitOk: false });
  });

  it('returns null unless the value is exactly 10 ASCII digits', () => {
    expect(companyIdFacts('403170701')).toBeNull();
    expect(companyIdFacts('04031707010')).toBeNull();
    expect(companyIdFacts('0403.170.701')).toBeNull();
    expect(companyIdFacts('BE0403170701')).toBeNull();
    expect(companyIdFacts('')).toBeNull();
  });
});

describe('makeCompanyId', () => {
  it('appends the check number to the first 8 digits', () => {
    expect(makeCompanyId(4031707)).toBe('0403170701');
    expect(makeCompanyId(0)).toBe('0000000097');
    expect(makeCompanyId(19_999_999)).toBe('1999999943');
  });

  it('refuses bases that would not start with 0 or 1', () => {
    expect(() => makeCompanyId(20_000_000)).toThrow(RangeError);
    expect(() => makeCompanyId(-1)).toThrow(RangeError);
  });
});
