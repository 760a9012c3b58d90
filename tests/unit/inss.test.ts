import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inssFacts, makeInss } from '../../src/declaration/inss.js';

describe('inssFacts', () => {
  it('reads the FORMAT.md example 85073003328 as a valid pre-2000 number', () => {
    expect(inssFacts('85073003328')).toEqual({
      checkDigit: 'pre-2000',
      bis: 'none',
      month: 7,
      day: 30,
      sequence: 33,
      datePartValid: true,
      sequenceValid: true,
      birthDate: '1985-07-30',
    });
  });

  it('accepts a person born 2001-02-03 only through the "2"-prefixed check', () => {
    // 97 − (2010203123 mod 97) = 45, while 97 − (010203123 mod 97) = 16.
    const facts = inssFacts('01020312345');
    expect(facts?.checkDigit).toBe('from-2000');
    expect(facts?.birthDate).toBe('2001-02-03');
    expect(inssFacts('01020312316')?.checkDigit).toBe('pre-2000');
    expect(inssFacts('01020312316')?.birthDate).toBe('1901-02-03');
    expect(inssFacts('01020312346')?.checkDigit).toBe('invalid');
  });

  it('removes the bis offsets of 20 (sex unknown) and 40 (sex known)', () => {
    expect(inssFacts('85273003371')).toMatchObject({ checkDigit: 'pre-2000', bis: 'sex-unknown', month: 7, day: 30, datePartValid: true, birthDate: '1985-07-30' });
    expect(inssFacts('85473003317')).toMatchObject({ checkDigit: 'pre-2000', bis: 'sex-known', month: 7, day: 30, datePartValid: true, birthDate: '1985-07-30' });
  });

  it('accepts a bis number with an unknown date (month 20, day 0) but derives no birth date', () => {
    expect(inssFacts('85200000181')).toEqual({
      checkDigit: 'pre-2000',
      bis: 'sex-unknown',
      month: 0,
      day: 0,
      sequence: 1,
      datePartValid: true,
      sequenceValid: true,
      birthDate: null,
    });
  });

  it('flags impossible date parts: month 13 and day 32', () => {
    expect(inssFacts('85133003370')).toMatchObject({ checkDigit: 'pre-2000', bis: 'none', month: 13, day: 30, datePartValid: false, birthDate: null });
    expect(inssFacts('85073203365')).toMatchObject({ checkDigit: 'pre-2000', bis: 'none', month: 7, day: 32, datePartValid: false, birthDate: null });
    // 33 is past the sex-unknown range (20..32) and below the sex-known one (40..52).
    expect(inssFacts(makeInss(85, 33, 1, 1, 1900))).toMatchObject({ bis: 'none', month: 33, datePartValid: false });
  });

  it('flags the sequences 000 and 999', () => {
    expect(inssFacts('85073000061')).toMatchObject({ checkDigit: 'pre-2000', sequence: 0, sequenceValid: false });
    expect(inssFacts('85073099932')).toMatchObject({ checkDigit: 'pre-2000', sequence: 999, sequenceValid: false });
    expect(inssFacts(makeInss(85, 7, 30, 998, 1900))?.sequenceValid).toBe(true);
  });

  it('reports a wrong check number as invalid, with no birth date', () => {
    expect(inssFacts('85073003329')).toMatchObject({ checkDigit: 'invalid', month: 7, day: 30, datePartValid: true, birthDate: null });
    expect(inssFacts('85073003300')?.checkDigit).toBe('invalid');
  });

  it('derives 2000-02-29 but not 1900-02-29', () => {
    expect(inssFacts('00022900145')).toMatchObject({ checkDigit: 'from-2000', birthDate: '2000-02-29' });
    expect(inssFacts('00022900116')).toMatchObject({ checkDigit: 'pre-2000', datePartValid: true, birthDate: null });
  });

  it('returns null unless the value is exactly 11 ASCII digits', () => {
    expect(inssFacts('')).toBeNull();
    expect(inssFacts('8507300332')).toBeNull();
    expect(inssFacts('850730033280')).toBeNull();
    expect(inssFacts('85.07.30-033.28')).toBeNull();
    expect(inssFacts('8507300332a')).toBeNull();
    expect(inssFacts(' 85073003328')).toBeNull();
    expect(inssFacts('８５０７３００３３２８')).toBeNull();
  });
});

describe('makeInss', () => {
  it('builds the check number for both centuries', () => {
    expect(makeInss(85, 7, 30, 33, 1900)).toBe('85073003328');
    expect(makeInss(1, 2, 3, 123, 2000)).toBe('01020312345');
    expect(makeInss(1, 2, 3, 123, 1900)).toBe('01020312316');
    expect(makeInss(85, 20, 0, 1, 1900)).toBe('85200000181');
    expect(makeInss(0, 2, 29, 1, 2000)).toBe('00022900145');
  });
});

describe('inssFacts, digit by digit', () => {
  /** The plain definition the digit arithmetic must agree with (the check digit and the date parts). */
  function reference(value: string): { checkDigit: string; month: number; day: number; sequence: number } | null {
    if (!/^[0-9]{11}$/.test(value)) return null;
    const base = Number(value.slice(0, 9));
    const check = Number(value.slice(9));
    const checkDigit = 97 - (base % 97) === check ? 'pre-2000' : 97 - ((2_000_000_000 + base) % 97) === check ? 'from-2000' : 'invalid';
    const raw = Number(value.slice(2, 4));
    const month = raw >= 20 && raw <= 32 ? raw - 20 : raw >= 40 && raw <= 52 ? raw - 40 : raw;
    return { checkDigit, month, day: Number(value.slice(4, 6)), sequence: Number(value.slice(6, 9)) };
  }

  it('agrees with the regular-expression definition on any text of digits and look-alikes', () => {
    const character = fc.constantFrom('0', '1', '2', '4', '5', '7', '9', '9', '3', ' ', '/', ':', '٣', '１');
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{11}$/), fc.array(character, { minLength: 9, maxLength: 12 }).map((c) => c.join(''))), (value) => {
        const facts = inssFacts(value);
        const expected = reference(value);
        if (expected === null) expect(facts).toBeNull();
        else expect(facts).toMatchObject(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
