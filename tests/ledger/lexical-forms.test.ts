// Issue #12 item 2: every lexical form the XSD lets through is read as the value it stands for, and
// reaches the ledger and the counters; the forms the XSD now refuses (five-digit and negative
// years) are refused at receipt. Never accepted and then lost.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../dist/engine.js';
import { openLedger } from '../../dist/ledger/database.js';
import { counterEntries } from '../../dist/ledger/counters.js';
import { FIXTURES, tempDir } from '../helpers.js';

const engine = new Engine();
const dir = tempDir();
afterAll(() => {
  engine.close();
  dir.remove();
});

const MINIMAL = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');
let n = 0;

/** MINIMAL with each [from, to] replaced once, processed into a ledger of its own. */
async function processVariant(replacements: ReadonlyArray<readonly [string, string]>) {
  let text = MINIMAL;
  for (const [from, to] of replacements) {
    expect(text, `the fixture holds ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  const file = join(dir.path, `variant-${++n}.xml`);
  writeFileSync(file, text);
  const db = openLedger(join(dir.path, `variant-${n}.sqlite`));
  try {
    const report = await engine.processFile(file, {}, { db, sender: '012345', environment: 'R', fileName: `variant-${n}.xml`, ticket: `T${n}`, receivedAt: '2026-04-21T09:00:00+02:00' });
    const [entry] = [...counterEntries(db, { inss: '85073003328' })];
    const worker = db.prepare('SELECT name, first_name AS firstName FROM workers').get() as { name: string; firstName: string } | undefined;
    const rights = (db.prepare('SELECT count(*) AS n FROM right_versions').get() as { n: number }).n;
    return { report, legal2026: entry?.years['2026']?.LEGAL, worker, rights };
  } finally {
    db.close();
  }
}

// MINIMAL declares a LEGAL right of 38.00 hours for 2026 and a training of 15.20 hours that uses it.
const COUNTED = { granted: 3800, used: 1520 };

const accepted: Array<[string, ReadonlyArray<readonly [string, string]>]> = [
  ['a Year with zone Z', [['<Year>2026</Year>', '<Year>2026Z</Year>']]],
  ['a Year with zone +14:00', [['<Year>2026</Year>', '<Year>2026+14:00</Year>']]],
  ['a Year with zone -12:00', [['<Year>2026</Year>', '<Year>2026-12:00</Year>']]],
  ['a Year in white space', [['<Year>2026</Year>', '<Year>\n  2026\t</Year>']]],
  ['training dates with zones', [['<StartingDate>2026-02-10</StartingDate>', '<StartingDate>2026-02-10+01:00</StartingDate>'], ['<EndingDate>2026-02-11</EndingDate>', '<EndingDate>2026-02-11Z</EndingDate>']]],
  ['an employment start with a zone, in white space', [['<StartingDate>2019-09-01</StartingDate>', '<StartingDate> 2019-09-01-05:00 </StartingDate>']]],
  ['a FormCreationDate with a zone', [['<FormCreationDate>2026-04-20</FormCreationDate>', '<FormCreationDate>2026-04-20+02:00</FormCreationDate>']]],
  ['decimals with a sign, leading and trailing zeros', [['<Hours>38.00</Hours>', '<Hours>+038.</Hours>'], ['<Hours>15.20</Hours>', '<Hours>015.200</Hours>'], ['<WorkforceSize>42</WorkforceSize>', '<WorkforceSize>+42.000</WorkforceSize>'], ['<MeanWorkingHours>38.00</MeanWorkingHours>', '<MeanWorkingHours>38.0</MeanWorkingHours>'], ['<RefMeanWorkingHours>38.00</RefMeanWorkingHours>', '<RefMeanWorkingHours>+38</RefMeanWorkingHours>']]],
  ['booleans written 1, in white space', [['<Attended>true</Attended>', '<Attended>1</Attended>'], ['<CountsForFla>true</CountsForFla>', '<CountsForFla> 1 </CountsForFla>']]],
  ['integers with a sign and leading zeros', [['<NaturalPersonSequenceNbr>1</NaturalPersonSequenceNbr>', '<NaturalPersonSequenceNbr>+001</NaturalPersonSequenceNbr>'], ['<TrainingSequenceNbr>1</TrainingSequenceNbr>', '<TrainingSequenceNbr>0001</TrainingSequenceNbr>'], ['<EmploymentSequenceNbr>1</EmploymentSequenceNbr>', '<EmploymentSequenceNbr>+1</EmploymentSequenceNbr>']]],
];

/** The form refused, and the message that says what form is expected, in words. */
const refused: Array<[string, ReadonlyArray<readonly [string, string]>, 'year' | 'date' | 'schema']> = [
  ['a five-digit Year', [['<Year>2026</Year>', '<Year>12026</Year>']], 'year'],
  ['a negative Year', [['<Year>2026</Year>', '<Year>-2026</Year>']], 'year'],
  // xs:gYear itself refuses a leading zero before a fifth digit, in libxml2's words.
  ['a Year of five digits with a leading zero', [['<Year>2026</Year>', '<Year>02026</Year>']], 'schema'],
  ['a training date with a five-digit year', [['<EndingDate>2026-02-11</EndingDate>', '<EndingDate>12026-01-12</EndingDate>']], 'date'],
  ['a negative employment start', [['<StartingDate>2019-09-01</StartingDate>', '<StartingDate>-2019-09-01</StartingDate>']], 'date'],
  ['a FormCreationDate with a five-digit year', [['<FormCreationDate>2026-04-20</FormCreationDate>', '<FormCreationDate>12026-04-20</FormCreationDate>']], 'date'],
];

describe('lexical forms the XSD allows reach the counters', () => {
  for (const [label, replacements] of accepted) {
    it(label, async () => {
      const { report, legal2026 } = await processVariant(replacements);
      expect(report.findings.map((f) => f.code)).toEqual([]);
      expect(report.status).toBe('ACCEPTED');
      expect(legal2026).toEqual(COUNTED);
    });
  }

  it('names with runs of white space are stored as the XSD reads them (collapsed)', async () => {
    const { report, worker } = await processVariant([
      ['<WorkerName>Peeters</WorkerName>', '<WorkerName>\n  Van   den\tPeeters </WorkerName>'],
      ['<WorkerFirstName>An</WorkerFirstName>', '<WorkerFirstName>An\u00a0Marie</WorkerFirstName>'],
    ]);
    expect(report.status).toBe('ACCEPTED');
    expect(worker).toEqual({ name: 'Van den Peeters', firstName: 'An\u00a0Marie' });
  });

  it("'+01' and '1' are one NaturalPersonSequenceNbr (10020-006)", async () => {
    const person = MINIMAL.slice(MINIMAL.indexOf('      <NaturalPerson>'), MINIMAL.indexOf('    </EmployerDeclaration>'));
    const second = person.replace('<NaturalPersonSequenceNbr>1</NaturalPersonSequenceNbr>', '<NaturalPersonSequenceNbr>+01</NaturalPersonSequenceNbr>').replace('<INSS>85073003328</INSS>', '<INSS>90021512370</INSS>').replace('TR-2026-0001', 'TR-2026-0002');
    const { report } = await processVariant([[person, person + second]]);
    expect(report.findings.map((f) => [f.code, f.value])).toEqual([['10020-006', '+01']]);
  });
});

describe('lexical forms the XSD now refuses are refused at receipt, and nothing is stored', () => {
  for (const [label, replacements, messageId] of refused) {
    it(label, async () => {
      const { report, rights } = await processVariant(replacements);
      const value = replacements[0]![1].replace(/<[^>]*>/g, '');
      expect(report.findings.map((f) => [f.code, f.messageId, f.value])).toEqual([['ACRF-255', messageId, value]]);
      expect(report.status).toBe('REJECTED');
      expect(rights).toBe(0);
    });
  }
});
