// DROPFOLDER.md "Names": the grammar of FI/GO/TD names, the answers' names and the folder checks.
import { describe, expect, it } from 'vitest';
import { answerBase, answerGoName, answerName, bestEffortAnswerBase, checkFolder, parseDropName, submissionKey, type SetName } from '../../src/watch/names.js';

const SET: SetName = { sender: '012345', date: '20260420', sequence: '00001', env: 'R', parts: 1 };
const codes = (name: string, sender = '012345', area: 'IN' | 'INTEST' = 'IN') => checkFolder(name, { sender, area }).map((r) => r.code);

describe('parseDropName', () => {
  it('reads FI, GO and TD names', () => {
    expect(parseDropName('FI.FLAD.012345.20260420.00001.R.1.1')).toEqual({ kind: 'FI', ...SET, part: 1 });
    expect(parseDropName('GO.FLAD.012345.20260420.00001.R.1')).toEqual({ kind: 'GO', ...SET });
    expect(parseDropName('TD.FLAD.012345.20260420.00001.R.1')).toEqual({ kind: 'TD', ...SET });
    expect(parseDropName('FI.FLAD.999999.20240229.A1b2C.T.3.2')).toEqual({ kind: 'FI', sender: '999999', date: '20240229', sequence: 'A1b2C', env: 'T', parts: 3, part: 2 });
    expect(parseDropName('GO.FLAD.012345.20261231.ZZZZZ.S.9')).toMatchObject({ kind: 'GO', env: 'S', parts: 9, sequence: 'ZZZZZ' });
  });

  it('reads every part of a nine-part set, and refuses part 10, part 0, part > parts and parts 0 or 10 (reason parts)', () => {
    for (let part = 1; part <= 9; part++) expect(parseDropName(`FI.FLAD.012345.20260420.00001.R.9.${part}`)).toMatchObject({ kind: 'FI', parts: 9, part });
    expect(parseDropName('FI.FLAD.012345.20260420.00001.R.9.10')).toMatchObject({ kind: 'invalid', reason: 'parts', parts: 9, part: 10 });
    expect(parseDropName('FI.FLAD.012345.20260420.00001.R.2.3')).toMatchObject({ kind: 'invalid', reason: 'parts', parts: 2, part: 3 });
    expect(parseDropName('FI.FLAD.012345.20260420.00001.R.1.0')).toMatchObject({ kind: 'invalid', reason: 'parts' });
    expect(parseDropName('FI.FLAD.012345.20260420.00001.R.0.0')).toMatchObject({ kind: 'invalid', reason: 'parts' });
    expect(parseDropName('GO.FLAD.012345.20260420.00001.R.0')).toMatchObject({ kind: 'invalid', reason: 'parts', type: 'GO', parts: 0 });
    expect(parseDropName('GO.FLAD.012345.20260420.00001.R.10')).toMatchObject({ kind: 'invalid', reason: 'parts', parts: 10 });
  });

  it('refuses what breaks the grammar, keeping what could be read', () => {
    const grammar = (name: string) => expect(parseDropName(name), name).toMatchObject({ kind: 'invalid', reason: 'grammar' });
    grammar('FI.FLAD.012345.20260431.00001.R.1.1'); // 31 April
    grammar('FI.FLAD.012345.20250229.00001.R.1.1'); // not a leap year
    grammar('FI.FLAD.012345.20261301.00001.R.1.1'); // month 13
    grammar('FI.FLAD.012345.20260400.00001.R.1.1'); // day 0
    grammar('FI.FLAD.012345.2026042.00001.R.1.1'); // 7-digit date
    grammar('FI.FLAD.12345.20260420.00001.R.1.1'); // 5-digit sender
    grammar('FI.FLAD.01234A.20260420.00001.R.1.1');
    grammar('FI.FLAD.012345.20260420.0001.R.1.1'); // 4-character sequence
    grammar('FI.FLAD.012345.20260420.00-01.R.1.1');
    grammar('FI.FLAD.012345.20260420.000001.R.1.1');
    grammar('FI.flad.012345.20260420.00001.R.1.1'); // lowercase FLAD
    grammar('FI.FLAX.012345.20260420.00001.R.1.1');
    grammar('FI.FLAD.012345.20260420.00001.R.1'); // FI without its part
    grammar('GO.FLAD.012345.20260420.00001.R.1.1'); // GO with a part
    grammar('TD.FLAD.012345.20260420.00001.R.1.1');
    grammar('FI.FLAD.012345.20260420.00001.R.1.1.1'); // an extra part
    grammar('FI.FLAD.012345.20260420.00001.R.1.1.xml');
    grammar('FI.FLAD.012345.20260420.00001.RT.1.1'); // two letters
    grammar('FI.FLAD.012345.20260420.00001.1.1.1'); // a digit for the environment
    grammar('FI.FLAD.012345.20260420.00001.R.01.1'); // leading zero
    grammar('FI.FLAD.012345.20260420.00001.R.x.1');
    grammar('FI.');
    grammar('FI.something');
    grammar('GO.FLAD..20260420.00001.R.1');
    expect(parseDropName('FI.FLAD.012345.20260431.00001.R.1.1')).toEqual({ kind: 'invalid', reason: 'grammar', type: 'FI', sender: '012345', sequence: '00001', env: 'R', parts: 1, part: 1 });
    expect(parseDropName('GO.FLAD.01234.20260420.abc.R.1')).toEqual({ kind: 'invalid', reason: 'grammar', type: 'GO', date: '20260420', env: 'R', parts: 1 });
  });

  it('refuses an environment letter other than R, T or S (reason environment), lowercase included', () => {
    expect(parseDropName('FI.FLAD.012345.20260420.00001.X.1.1')).toEqual({ kind: 'invalid', reason: 'environment', type: 'FI', sender: '012345', date: '20260420', sequence: '00001', env: 'X', parts: 1, part: 1 });
    expect(parseDropName('GO.FLAD.012345.20260420.00001.r.1')).toMatchObject({ kind: 'invalid', reason: 'environment', env: 'r' });
    // The grammar goes first, then the environment, then the parts.
    expect(parseDropName('FI.FLAD.012345.20260420.00001.X.2.3')).toMatchObject({ reason: 'environment' });
    expect(parseDropName('FI.FLAD.012345.20260499.00001.X.1.1')).toMatchObject({ reason: 'grammar' });
  });

  it('leaves alone whatever is not FI/GO/TD: dot files, swap files, backups, partial uploads, lowercase prefixes, answers', () => {
    for (const name of ['.FI.FLAD.012345.20260420.00001.R.1.1.swp', '.hidden', '.', '..', 'FI.FLAD.012345.20260420.00001.R.1.1.swp', 'FI.FLAD.012345.20260420.00001.R.1.1.swo', 'FI.FLAD.012345.20260420.00001.R.1.1~', 'FI.FLAD.012345.20260420.00001.R.1.1.filepart', 'FI.FLAD.012345.20260420.00001.R.1.1.part', 'FI.FLAD.012345.20260420.00001.R.1.1.tmp', 'fi.FLAD.012345.20260420.00001.R.1.1', 'go.FLAD.012345.20260420.00001.R.1', 'FO.ACRF.012345.20260420.00001.R', 'GOFLAD', 'FI', 'readme.txt', '4913', '']) {
      expect(parseDropName(name), JSON.stringify(name)).toEqual({ kind: 'other' });
    }
  });
});

describe('submission and answer names', () => {
  it('ties the parts, the GO and the TD of one submission by sender.date.sequence.env.parts', () => {
    const keys = ['FI.FLAD.012345.20260420.00001.R.2.1', 'FI.FLAD.012345.20260420.00001.R.2.2', 'GO.FLAD.012345.20260420.00001.R.2', 'TD.FLAD.012345.20260420.00001.R.2'].map((name) => submissionKey(parseDropName(name) as SetName));
    expect(new Set(keys)).toEqual(new Set(['012345.20260420.00001.R.2']));
    expect(submissionKey({ ...SET, env: 'T' })).not.toBe(submissionKey(SET));
    expect(submissionKey({ ...SET, parts: 2 })).not.toBe(submissionKey(SET));
    expect(answerBase(SET)).toBe('012345.20260420.00001.R');
  });

  it('names the answers FO.ACRF / FO.NOTI and their GO markers, the ticket as an eighth part', () => {
    expect(answerName('ACRF', SET)).toBe('FO.ACRF.012345.20260420.00001.R');
    expect(answerName('NOTI', SET)).toBe('FO.NOTI.012345.20260420.00001.R');
    expect(answerName('ACRF', SET, 'FLA-abc')).toBe('FO.ACRF.012345.20260420.00001.R.FLA-abc');
    expect(answerGoName('ACRF', SET)).toBe('GO.ACRF.012345.20260420.00001.R');
    expect(answerGoName('NOTI', SET, 'FLA-abc')).toBe('GO.NOTI.012345.20260420.00001.R.FLA-abc');
    // DROPFOLDER.md calls the ticket the "eighth part"; the name it gives has six fields before it.
    expect(answerName('ACRF', SET, 'T1').split('.')).toEqual(['FO', 'ACRF', '012345', '20260420', '00001', 'R', 'T1']);
  });

  it('takes a base string as well: a submission key, an answer base, a FLAD-prefixed base or a best-effort base', () => {
    expect(answerName('ACRF', submissionKey(SET))).toBe('FO.ACRF.012345.20260420.00001.R');
    expect(answerName('NOTI', answerBase(SET))).toBe('FO.NOTI.012345.20260420.00001.R');
    expect(answerGoName('ACRF', 'FLAD.012345.20260420.00001.R')).toBe('GO.ACRF.012345.20260420.00001.R');
    expect(answerName('ACRF', bestEffortAnswerBase('FI.FLAD.012345.2026042.00005.R.1.1'))).toBe('FO.ACRF.012345.2026042.00005.R');
  });

  it('names a refused file after what could be read of it', () => {
    expect(bestEffortAnswerBase('FI.FLAD.012345.20260420.00010.R.1.1')).toBe('012345.20260420.00010.R');
    expect(bestEffortAnswerBase('FI.FLAD.012345.2026042.00005.R.1.1')).toBe('012345.2026042.00005.R');
    expect(bestEffortAnswerBase('FI.FLAD.012345')).toBe('012345');
    expect(bestEffortAnswerBase('GO.XXXX.012345.20260420')).toBe('XXXX.012345.20260420');
    expect(bestEffortAnswerBase('FI.FLAD.01 2$45.x/y.z.R.1.1')).toBe('01_2_45.x_y.z.R');
    expect(bestEffortAnswerBase('FI.FLAD.' + 'a'.repeat(100))).toBe('a'.repeat(20));
    expect(bestEffortAnswerBase('FI.')).toBe('UNREADABLE');
    expect(bestEffortAnswerBase('FI.FLAD')).toBe('UNREADABLE');
    expect(bestEffortAnswerBase('FI.FLAD...')).toBe('UNREADABLE');
  });
});

describe('checkFolder', () => {
  it('accepts a good name in its folder: R in IN, T and S in INTEST', () => {
    expect(codes('FI.FLAD.012345.20260420.00001.R.1.1')).toEqual([]);
    expect(codes('GO.FLAD.012345.20260420.00001.T.1', '012345', 'INTEST')).toEqual([]);
    expect(codes('TD.FLAD.012345.20260420.00001.S.1', '012345', 'INTEST')).toEqual([]);
  });

  it('ACRF-118: R in INTEST, T or S in IN', () => {
    expect(checkFolder('FI.FLAD.012345.20260420.00001.R.1.1', { sender: '012345', area: 'INTEST' })).toEqual([{ code: 'ACRF-118', messageId: 'wrongFolder', data: { env: 'R', expected: 'IN', folder: 'INTEST' } }]);
    expect(codes('GO.FLAD.012345.20260420.00001.T.1')).toEqual(['ACRF-118']);
    expect(codes('FI.FLAD.012345.20260420.00001.S.1.1')).toEqual(['ACRF-118']);
  });

  it("ACRF-108: another sender's number, before a wrong folder", () => {
    expect(checkFolder('FI.FLAD.099999.20260420.00001.R.1.1', { sender: '012345', area: 'IN' })).toEqual([{ code: 'ACRF-108', messageId: 'otherSender', data: { found: '099999', sender: '012345' } }]);
    expect(codes('FI.FLAD.099999.20260420.00001.T.1.1')).toEqual(['ACRF-108', 'ACRF-118']);
  });

  it('ACRF-117: an environment letter other than R, T or S', () => {
    expect(checkFolder('FI.FLAD.012345.20260420.00001.X.1.1', { sender: '012345', area: 'IN' })).toEqual([{ code: 'ACRF-117', messageId: 'environment', data: { found: 'X' } }]);
    expect(codes('FI.FLAD.099999.20260420.00001.q.1.1')).toEqual(['ACRF-117', 'ACRF-108']);
  });

  it('ACRF-131: a name off the grammar or with impossible parts, first of its codes', () => {
    expect(checkFolder('FI.FLAD.012345.2026042.00005.R.1.1', { sender: '012345', area: 'IN' })).toEqual([{ code: 'ACRF-131', messageId: 'badName', data: { name: 'FI.FLAD.012345.2026042.00005.R.1.1' } }]);
    expect(codes('FI.FLAD.012345.20260420.00001.R.2.3')).toEqual(['ACRF-131']);
    expect(codes('GO.FLAD.012345.20260420.00001.R.0')).toEqual(['ACRF-131']);
    expect(codes('FI.FLAD.012345.20260420.00001.R.1.1.1')).toEqual(['ACRF-131']);
    expect(codes('FI.FLAD.099999.20260431.00001.T.1.1')).toEqual(['ACRF-131', 'ACRF-108', 'ACRF-118']);
    expect(codes('FI.garbage')).toEqual(['ACRF-131']);
  });

  it('nothing for a file that is not FI/GO/TD', () => {
    expect(codes('.FI.FLAD.012345.20260420.00001.R.1.1.swp')).toEqual([]);
    expect(codes('FI.FLAD.012345.20260420.00001.R.1.1~')).toEqual([]);
    expect(codes('notes.txt')).toEqual([]);
  });
});
