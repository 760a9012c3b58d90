// fla process against a real SQLite ledger: one transaction per file, rejection by scope,
// duplicates, environments, the ledger rules and the counters of COUNTERS.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../dist/engine.js';
import { ledgerError, openLedger, type Db } from '../../dist/ledger/database.js';
import { counterEntries, recomputeAll, storedAll } from '../../dist/ledger/counters.js';
import { BIN, FIXTURES, ROOT, tempDir } from '../helpers.js';

const engine = new Engine();
afterAll(() => engine.close());

const MINIMAL = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');
const FORM = MINIMAL.slice(MINIMAL.indexOf('  <Form>'), MINIMAL.indexOf('</FLADeclarations>'));
const PERSON = MINIMAL.slice(MINIMAL.indexOf('      <NaturalPerson>'), MINIMAL.indexOf('    </EmployerDeclaration>'));
const RIGHTS_AND_TRAININGS = PERSON.slice(PERSON.indexOf('        <TrainingRight>'), PERSON.indexOf('      </NaturalPerson>'));

interface TrainingSpec {
  ref: string;
  action?: 'CREATE' | 'REPLACE' | 'CANCEL';
  start?: string;
  end: string;
  hours: string;
  rightType?: string;
}

function training(seq: number, t: TrainingSpec): string {
  const action = t.action ?? 'CREATE';
  const head = `        <Training>\n          <TrainingSequenceNbr>${seq}</TrainingSequenceNbr>\n          <TrainingUserReference>${t.ref}</TrainingUserReference>\n          <Action>${action}</Action>\n`;
  if (action === 'CANCEL') return `${head}        </Training>\n`;
  return `${head}          <Title>Opleiding ${t.ref}</Title>\n          <Kind>FORMAL</Kind>\n          <StartingDate>${t.start ?? t.end}</StartingDate>\n          <EndingDate>${t.end}</EndingDate>\n          <Hours>${t.hours}</Hours>\n          <Attended>true</Attended>\n          <CountsForFla>true</CountsForFla>\n${t.rightType ? `          <RightType>${t.rightType}</RightType>\n` : ''}        </Training>\n`;
}

function right(year: number, type: string, hours: string): string {
  return `        <TrainingRight>\n          <Year>${year}</Year><RightType>${type}</RightType><Hours>${hours}</Hours>${type === 'SECTOR' ? '<CollectiveAgreementNbr>181682/CO/200</CollectiveAgreementNbr>' : ''}\n        </TrainingRight>\n`;
}

/** A declaration of one quarter for worker 85073003328, with the given rights and trainings. */
function declaration(reference: string, quarter: string, created: string, body: string): string {
  const form = FORM.replace('ACME-2026Q1-001', reference).replace('<Quarter>20261</Quarter>', `<Quarter>${quarter}</Quarter>`).replace('2026-04-20', created).replace('<WorkforceSize>42</WorkforceSize>', '<WorkforceSize>8</WorkforceSize>');
  return MINIMAL.replace(FORM, form.replace(RIGHTS_AND_TRAININGS, body));
}

let dir: { path: string; remove(): void };
let db: Db;
let n = 0;
beforeEach(() => {
  dir = tempDir();
  db = openLedger(join(dir.path, 'fla.sqlite'));
});
afterEach(() => {
  db.close();
  dir.remove();
});

async function processText(content: string, options: { environment?: 'R' | 'T' | 'S'; name?: string; receivedAt?: string } = {}) {
  const file = join(dir.path, options.name ?? `file-${++n}.xml`);
  writeFileSync(file, content);
  return engine.processFile(file, {}, { db, sender: '012345', environment: options.environment ?? 'R', fileName: options.name ?? `file-${n}.xml`, ticket: `T-${n}-${Math.random()}`, receivedAt: options.receivedAt ?? new Date().toISOString() });
}

function counters() {
  const [entry] = [...counterEntries(db, { inss: '85073003328' })];
  return entry;
}

function snapshot(): string {
  return JSON.stringify(['received_files', 'forms', 'right_versions', 'training_versions', 'counters'].map((t) => db.prepare(`SELECT count(*) AS n FROM ${t}`).get()));
}

describe('the worked example of COUNTERS.md, file by file', () => {
  it('gives the documented figures, and re-allocates after a cancellation', async () => {
    // Rights are not statutory figures here: WorkforceSize 8 with LEGAL hours only warns (10041-146).
    await processText(declaration('R2024', '20242', '2024-07-10', right(2024, 'LEGAL', '38.00') + training(1, { ref: 'T1', start: '2024-05-13', end: '2024-05-15', hours: '30.00' })));
    expect(counters()!.types.LEGAL).toEqual({ granted: 3800, used: 3000, remaining: 800 });

    const second = await processText(declaration('R2025', '20252', '2025-07-10', right(2025, 'LEGAL', '38.00') + right(2025, 'SECTOR', '7.60') + training(1, { ref: 'T2', start: '2025-03-13', end: '2025-03-20', hours: '60.00' }) + training(2, { ref: 'T3', start: '2025-06-28', end: '2025-06-30', hours: '20.00', rightType: 'EMPLOYER' })));
    expect(second.findings.filter((f) => f.code === '10066-245').map((f) => f.data.uncovered)).toEqual(['6.40', '20.00']);
    const c = counters()!;
    expect(c.window).toBe('2024-2028');
    expect(c.types).toEqual({ LEGAL: { granted: 7600, used: 7600, remaining: 0 }, SECTOR: { granted: 760, used: 760, remaining: 0 }, EMPLOYER: { granted: 0, used: 0, remaining: 0 } });
    expect(c.uncovered).toBe(2640);
    expect(c.years['2024']!.LEGAL).toEqual({ granted: 3800, used: 3000 });
    expect(c.years['2025']!.LEGAL).toEqual({ granted: 3800, used: 4600 });

    await processText(declaration('R2025-C', '20252', '2025-07-11', training(1, { ref: 'T2', action: 'CANCEL', end: '', hours: '' })));
    const after = counters()!;
    expect(after.types.LEGAL).toEqual({ granted: 7600, used: 3000, remaining: 4600 });
    expect(after.types.SECTOR.remaining).toBe(760);
    expect(after.uncovered).toBe(2000);
    expect(storedAll(db)).toEqual(recomputeAll(db));
  });
});

describe('one transaction per file', () => {
  it('the same file again is refused with ACRF-133 and changes nothing', async () => {
    const text = declaration('D1', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00'));
    const first = await processText(text, { name: 'a.xml' });
    expect(first.applied).toBe(true);
    const before = snapshot();
    const again = await processText(text, { name: 'b.xml' });
    expect(again.findings.map((f) => f.code)).toEqual(['ACRF-133']);
    expect(again.applied).toBe(false);
    const sameName = await processText(declaration('D2', '20261', '2026-04-20', ''), { name: 'a.xml' });
    expect(sameName.findings.map((f) => f.code)).toEqual(['ACRF-133']);
    // Only the two refusals were recorded, as received files with a negative receipt.
    expect(JSON.parse(snapshot())[0].n).toBe(JSON.parse(before)[0].n + 2);
    expect(JSON.parse(snapshot()).slice(1)).toEqual(JSON.parse(before).slice(1));
  });

  it('files of environment T and S are answered but leave the ledger untouched', async () => {
    const before = JSON.parse(snapshot());
    for (const environment of ['T', 'S'] as const) {
      const report = await processText(declaration(`E${environment}`, '20261', '2026-04-20', right(2026, 'LEGAL', '38.00')), { environment });
      expect(report.status).not.toBe('REJECTED');
      expect(report.applied).toBe(false);
    }
    // Only their receipts are recorded (so that a repeated test upload is still refused): no form, right or counter.
    const after = JSON.parse(snapshot());
    expect(after[0].n).toBe(before[0].n + 2);
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('a file tried out in T and S still goes through in production; ACRF-133 only within one environment', async () => {
    const text = declaration('TRIED', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00'));
    const codes = (report: { findings: ReadonlyArray<{ code: string }> }) => report.findings.map((f) => f.code);
    for (const environment of ['T', 'S'] as const) expect(codes(await processText(text, { environment, name: 'tried.xml' }))).not.toContain('ACRF-133');
    const production = await processText(text, { name: 'tried.xml' });
    expect(codes(production)).not.toContain('ACRF-133');
    expect(production.applied).toBe(true);
    expect(codes(await processText(text, { environment: 'T', name: 'tried.xml' }))).toEqual(['ACRF-133']);
    expect(codes(await processText(text, { name: 'tried-again.xml' }))).toEqual(['ACRF-133']);
  });

  it('a ledger that cannot grow (SQLITE_FULL): the cause is reported, not a failed ROLLBACK, and nothing is applied', async () => {
    await processText(declaration('F1', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00')));
    const before = snapshot();
    const big = join(dir.path, 'big.xml');
    expect(spawnSync(process.execPath, [BIN, 'generate', '--persons', '300', '--out', big], { cwd: ROOT }).status).toBe(0);
    // SQLite rolls the whole transaction back itself when the database cannot grow, as on a full disk.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const error = await engine.processFile(big, {}, { db, sender: '012345', environment: 'R', fileName: 'big.xml', ticket: 'T-full', receivedAt: new Date().toISOString() }).then(() => null, (e: unknown) => e);
    expect((error as { code?: string }).code).toBe('SQLITE_FULL');
    expect(String(ledgerError(error, 'fla.sqlite'))).toMatch(/FlaError: the disk holding the ledger fla\.sqlite is full/);
    expect(db.inTransaction).toBe(false);
    expect(snapshot()).toBe(before);
    db.pragma('max_page_count = 1073741823');
    expect((await processText(declaration('F2', '20262', '2026-07-10', right(2026, 'LEGAL', '38.00')))).applied).toBe(true);
  });

  it('a file refused at receipt applies nothing', async () => {
    const before = JSON.parse(snapshot());
    const report = await processText(declaration('X', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00')).replace('<INSS>85073003328</INSS>', '<INSS>x</INSS>'));
    expect(report.status).toBe('REJECTED');
    expect(JSON.parse(snapshot()).slice(1)).toEqual(before.slice(1));
  });
});

describe('ledger rules', () => {
  it('10005-006: a ReferenceNbr already accepted from this sender rejects the declaration', async () => {
    await processText(declaration('SAME', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00')));
    const again = await processText(declaration('SAME', '20261', '2026-04-21', right(2026, 'LEGAL', '20.00')));
    expect(again.findings.map((f) => f.code)).toContain('10005-006');
    expect(again.status).toBe('REJECTED');
    expect(counters()!.types.LEGAL.granted).toBe(3800);
  });

  it('10052-166, 10052-006, 10052-241: the lifecycle of a training reference', async () => {
    const unknown = await processText(declaration('L1', '20261', '2026-04-20', training(1, { ref: 'NEVER', action: 'REPLACE', end: '2026-02-11', hours: '5.00' })));
    expect(unknown.findings.map((f) => f.code)).toContain('10052-166');
    await processText(declaration('L2', '20261', '2026-04-20', training(1, { ref: 'TR1', end: '2026-02-11', hours: '5.00' })));
    const twice = await processText(declaration('L3', '20261', '2026-04-20', training(1, { ref: 'TR1', end: '2026-02-11', hours: '5.00' })));
    expect(twice.findings.map((f) => f.code)).toContain('10052-006');
    await processText(declaration('L4', '20261', '2026-04-20', training(1, { ref: 'TR1', action: 'CANCEL', end: '', hours: '' })));
    const afterCancel = await processText(declaration('L5', '20261', '2026-04-20', training(1, { ref: 'TR1', action: 'REPLACE', end: '2026-02-11', hours: '5.00' })));
    expect(afterCancel.findings.map((f) => f.code)).toContain('10052-241');
  });

  it('a REPLACE in the same file as its CREATE is the reference used twice (10051-006): the CREATE stands', async () => {
    const report = await processText(declaration('S1', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00') + training(1, { ref: 'TS', end: '2026-02-11', hours: '10.00' }) + training(2, { ref: 'TS', action: 'REPLACE', end: '2026-02-11', hours: '12.00' })));
    // 10051-006 (same reference twice in one file) rejects the later record in the rules layer; the
    // reference was declared, by the CREATE before it, so it is not 'never declared' (10052-166).
    expect(report.findings.map((f) => f.code)).toContain('10051-006');
    expect(report.findings.map((f) => f.code)).not.toContain('10052-166');
    expect(counters()!.types.LEGAL.used).toBe(1000);
  });

  it('a correction that moves a training into the next window leaves the first one out of fla counters', async () => {
    // Files of 2029, received then (10002-111 refuses a FormCreationDate after the day of receipt).
    await processText(declaration('W1', '20284', '2029-01-10', training(1, { ref: 'EDGE', start: '2028-12-19', end: '2028-12-20', hours: '6.00' })), { receivedAt: '2029-01-10T10:00:00+01:00' });
    expect([...counterEntries(db, { inss: '85073003328' })].map((e) => [e.window, e.uncovered])).toEqual([['2024-2028', 600]]);
    await processText(declaration('W2', '20291', '2029-04-10', training(1, { ref: 'EDGE', action: 'REPLACE', start: '2029-01-04', end: '2029-01-05', hours: '6.00' })), { receivedAt: '2029-04-10T10:00:00+02:00' });
    expect([...counterEntries(db, { inss: '85073003328' })].map((e) => [e.window, e.uncovered])).toEqual([['2029-2033', 600]]);
    expect(storedAll(db)).toEqual(recomputeAll(db));
  });

  it('a correction moves a training between years; a right withdrawn with Hours 0 no longer covers it', async () => {
    await processText(declaration('Y1', '20261', '2026-04-20', right(2025, 'LEGAL', '38.00') + right(2026, 'LEGAL', '38.00') + training(1, { ref: 'MV', end: '2026-02-11', hours: '10.00' })));
    expect(counters()!.years['2026']!.LEGAL).toEqual({ granted: 3800, used: 1000 });
    await processText(declaration('Y2', '20254', '2026-01-20', training(1, { ref: 'MV', action: 'REPLACE', start: '2025-12-01', end: '2025-12-02', hours: '10.00' })));
    const moved = counters()!;
    expect(moved.years['2025']!.LEGAL).toEqual({ granted: 3800, used: 1000 });
    expect(moved.years['2026']!.LEGAL).toEqual({ granted: 3800, used: 0 });
    await processText(declaration('Y3', '20261', '2026-04-22', right(2025, 'LEGAL', '0.00')));
    const withdrawn = counters()!;
    expect(withdrawn.types.LEGAL.granted).toBe(3800);
    expect(withdrawn.years['2025']!.LEGAL).toEqual({ granted: 0, used: 0 });
    // A 2025 training cannot use the 2026 right: its 10 h are now uncovered.
    expect(withdrawn.uncovered).toBe(1000);
    expect(storedAll(db)).toEqual(recomputeAll(db));
  });
});

describe('workers', () => {
  it('keep the latest name declared for them, which fla counters --name searches', async () => {
    await processText(declaration('N1', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00')));
    await processText(declaration('N2', '20262', '2026-07-10', right(2026, 'LEGAL', '38.00')).replace('<WorkerName>Peeters</WorkerName>', '<WorkerName>Janssens</WorkerName>'));
    expect([...counterEntries(db, { name: 'jans' })].map((e) => [e.name, e.firstName])).toEqual([['Janssens', 'An']]);
    expect([...counterEntries(db, { name: 'peet' })]).toEqual([]);
    await processText(declaration('N3', '20263', '2026-10-10', right(2026, 'LEGAL', '38.00')).replace('<WorkerFirstName>An</WorkerFirstName>', '<WorkerFirstName>Anna</WorkerFirstName>'));
    expect([...counterEntries(db, { name: 'peet' })].map((e) => [e.name, e.firstName])).toEqual([['Peeters', 'Anna']]);
  });
});

describe('fla counters --name', () => {
  it('finds a name whatever its case and accents: FRANÇOIS, françois, Francois, franc', async () => {
    await processText(declaration('U1', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00')).replace('<WorkerName>Peeters</WorkerName>', '<WorkerName>François</WorkerName>'));
    const found = (name: string) => [...counterEntries(db, { name })].map((e) => e.name);
    for (const name of ['FRANÇOIS', 'françois', 'Francois', 'FRANC', 'franc', 'François']) expect(found(name), name).toEqual(['François']);
    for (const name of ['Françoise', 'rançois', 'Franz']) expect(found(name), name).toEqual([]);
  });

  it('folds ß as SS and å as a, and takes % and _ as the letters they are', async () => {
    await processText(declaration('U2', '20261', '2026-04-20', right(2026, 'LEGAL', '38.00')).replace('<WorkerName>Peeters</WorkerName>', '<WorkerName>Straße-Ångström</WorkerName>'));
    const found = (name: string) => [...counterEntries(db, { name })].map((e) => e.name);
    for (const name of ['STRASSE', 'strasse-angstrom', 'Straße-Å']) expect(found(name), name).toEqual(['Straße-Ångström']);
    expect(found('%')).toEqual([]);
    expect(found('_')).toEqual([]);
  });
});

describe('partial acceptance', () => {
  it('one rejected person, the rest applied with their counters', async () => {
    const good = PERSON.replace(RIGHTS_AND_TRAININGS, right(2026, 'LEGAL', '38.00'));
    const bad = PERSON.replace('<NaturalPersonSequenceNbr>1<', '<NaturalPersonSequenceNbr>2<').replace('85073003328', '90021512370').replace('<StartingDate>2019-09-01</StartingDate>', '<StartingDate>2019-09-01</StartingDate><EndingDate>2019-01-01</EndingDate>').replace(RIGHTS_AND_TRAININGS, right(2026, 'LEGAL', '38.00'));
    const report = await processText(MINIMAL.replace(PERSON, good + bad));
    expect(report.status).toBe('PARTIALLY_ACCEPTED');
    expect(report.totals.persons).toEqual({ received: 2, accepted: 1, rejected: 1 });
    expect(counters()!.types.LEGAL.granted).toBe(3800);
    expect([...counterEntries(db, { inss: '90021512370' })]).toEqual([]);
  });
});
