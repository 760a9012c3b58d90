// DROPFOLDER.md "Authorisation": the mandates table, `fla mandates`, and rule 10012-101 in fla process.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../dist/engine.js';
import { openLedger, type Db } from '../../dist/ledger/database.js';
import { LedgerSession } from '../../dist/ledger/session.js';
import { addMandate, holdsMandate, listMandates, mandatesConfigured, removeMandate } from '../../dist/watch/mandates.js';
import { BIN, FIXTURES, ROOT, tempDir } from '../helpers.js';

const SENDER = '012345';
const ACME = '0403170701';
const OTHER = '0403170897';
const engine = new Engine();
afterAll(() => engine.close());

let dir: { path: string; remove(): void };
let dbPath = '';
let db: Db;
beforeEach(() => {
  dir = tempDir();
  dbPath = join(dir.path, 'fla.sqlite');
  db = openLedger(dbPath);
});
afterEach(() => {
  db.close();
  dir.remove();
});

function fla(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FLA_DB: undefined, FLA_CONFIG: undefined } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the mandate functions', () => {
  it('add, list, remove, with inclusive validity dates', () => {
    expect(mandatesConfigured(db)).toBe(false);
    expect(addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-01-01', validUntil: '2026-06-30' })).toEqual({ sender: SENDER, companyId: ACME, validFrom: '2026-01-01', validUntil: '2026-06-30' });
    addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2027-01-01' });
    addMandate(db, { sender: '099999', companyId: OTHER, validFrom: '2024-01-01' });
    expect(mandatesConfigured(db)).toBe(true);
    expect(listMandates(db)).toEqual([
      { sender: SENDER, companyId: ACME, validFrom: '2026-01-01', validUntil: '2026-06-30' },
      { sender: SENDER, companyId: ACME, validFrom: '2027-01-01', validUntil: null },
      { sender: '099999', companyId: OTHER, validFrom: '2024-01-01', validUntil: null },
    ].sort((a, b) => (a.sender < b.sender ? -1 : 1)));
    expect(listMandates(db, { sender: SENDER }).map((m) => m.validFrom)).toEqual(['2026-01-01', '2027-01-01']);
    expect(listMandates(db, { companyId: OTHER }).map((m) => m.sender)).toEqual(['099999']);
    expect(listMandates(db, { sender: SENDER, companyId: OTHER })).toEqual([]);

    expect(holdsMandate(db, SENDER, ACME, '2025-12-31')).toBe(false);
    expect(holdsMandate(db, SENDER, ACME, '2026-01-01')).toBe(true);
    expect(holdsMandate(db, SENDER, ACME, '2026-06-30')).toBe(true);
    expect(holdsMandate(db, SENDER, ACME, '2026-07-01')).toBe(false);
    expect(holdsMandate(db, SENDER, ACME, '2027-01-01')).toBe(true);
    expect(holdsMandate(db, SENDER, ACME, '2099-01-01')).toBe(true);
    expect(holdsMandate(db, SENDER, OTHER, '2026-03-01')).toBe(false);

    // The same start again sets the end date: how a mandate is ended.
    addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2027-01-01', validUntil: '2027-12-31' });
    expect(holdsMandate(db, SENDER, ACME, '2028-01-01')).toBe(false);

    expect(removeMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-01-01' })).toBe(1);
    expect(listMandates(db, { sender: SENDER }).map((m) => m.validFrom)).toEqual(['2027-01-01']);
    expect(removeMandate(db, { sender: SENDER, companyId: ACME })).toBe(1);
    expect(removeMandate(db, { sender: SENDER, companyId: ACME })).toBe(0);
    expect(removeMandate(db, { sender: '099999', companyId: OTHER })).toBe(1);
    expect(mandatesConfigured(db)).toBe(false);
  });

  it('refuses bad input with FLA_ERR_USAGE and a one-line message', () => {
    const bad = [
      () => addMandate(db, { sender: '12345', companyId: ACME, validFrom: '2026-01-01' }),
      () => addMandate(db, { sender: 'abcdef', companyId: ACME, validFrom: '2026-01-01' }),
      () => addMandate(db, { sender: SENDER, companyId: '0403170702', validFrom: '2026-01-01' }),
      () => addMandate(db, { sender: SENDER, companyId: '403170701', validFrom: '2026-01-01' }),
      () => addMandate(db, { sender: SENDER, companyId: '2000000013', validFrom: '2026-01-01' }),
      () => addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-02-30' }),
      () => addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '20260101' }),
      () => addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-01-01', validUntil: '2026-13-01' }),
      () => addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-06-01', validUntil: '2026-05-31' }),
      () => removeMandate(db, { sender: SENDER, companyId: ACME, validFrom: 'soon' }),
      () => listMandates(db, { companyId: 'x' }),
    ];
    for (const f of bad) {
      expect(f).toThrow(expect.objectContaining({ code: 'FLA_ERR_USAGE', message: expect.not.stringContaining('\n') }));
    }
    expect(mandatesConfigured(db)).toBe(false);
  });
});

describe('fla mandates', () => {
  it('add, list (text and JSON), remove through the command line', () => {
    db.close();
    expect(fla('mandates', 'list', '--db', dbPath).stdout).toContain('no mandates configured');
    let r = fla('mandates', 'add', '--sender', SENDER, '--company', ACME, '--from', '2026-01-01', '--until', '2026-12-31', '--db', dbPath);
    expect(r.status, r.stderr).toBe(0);
    r = fla('mandates', 'add', '--sender', SENDER, '--company', OTHER, '--db', dbPath);
    expect(r.status, r.stderr).toBe(0);
    r = fla('mandates', 'list', '--db', dbPath);
    expect(r.stdout).toContain(`${SENDER}  ${ACME}  2026-01-01  2026-12-31`);
    expect(r.stdout).toContain(`${SENDER}  ${OTHER}  2024-01-01  -`);
    r = fla('mandates', 'list', '--db', dbPath, '--company', ACME, '--format', 'json');
    expect(JSON.parse(r.stdout)).toEqual({ configured: true, mandates: [{ sender: SENDER, CompanyID: ACME, validFrom: '2026-01-01', validUntil: '2026-12-31' }] });
    r = fla('mandates', 'list', '--db', dbPath, '--sender', '099999');
    expect(r.stdout).toBe('no mandates match\n');

    r = fla('mandates', 'add', '--sender', SENDER, '--company', '0403170702', '--db', dbPath);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fla: FLA_ERR_USAGE: the CompanyID 0403170702 .*mod-97.*\n$/);
    r = fla('mandates', 'add', '--sender', SENDER, '--company', ACME, '--until', '31/12/2026', '--db', dbPath);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('FLA_ERR_USAGE');
    r = fla('mandates', 'add', '--company', ACME, '--db', dbPath);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--sender');

    r = fla('mandates', 'remove', '--sender', SENDER, '--company', ACME, '--from', '2025-01-01', '--db', dbPath);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('holds no mandate');
    r = fla('mandates', 'remove', '--sender', SENDER, '--company', ACME, '--from', '2026-01-01', '--db', dbPath);
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(fla('mandates', 'list', '--db', dbPath, '--format', 'json').stdout) as { mandates: Array<{ CompanyID: string }> };
    expect(list.mandates.map((m) => m.CompanyID)).toEqual([OTHER]);
    db = openLedger(dbPath);
  });

  it('has --help with an example for every subcommand', () => {
    for (const sub of ['list', 'add', 'remove']) {
      const r = fla('mandates', sub, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Example:\n\s+fla mandates /);
      expect(r.stdout).toContain('--db');
    }
  });
});

describe('10012-101 in fla process', () => {
  const MINIMAL = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');
  const FORM = MINIMAL.slice(MINIMAL.indexOf('  <Form>'), MINIMAL.indexOf('</FLADeclarations>'));
  /** Two declarations: ACME's, and another employer's, both created 2026-04-20. */
  const TWO = MINIMAL.replace(FORM, FORM + FORM.replace('ACME-2026Q1-001', 'OTHER-2026Q1-001').replace(`<CompanyID>${ACME}</CompanyID>`, `<CompanyID>${OTHER}</CompanyID>`));
  let n = 0;

  async function processTwo(sender = SENDER, text = TWO) {
    const file = join(dir.path, `two-${++n}.xml`);
    writeFileSync(file, text);
    return engine.processFile(file, {}, { db, sender, environment: 'R', fileName: `two-${n}.xml`, ticket: `T-${n}-${Math.random()}`, receivedAt: new Date().toISOString() });
  }
  const formRows = () => db.prepare('SELECT company_id AS companyId, result_code AS resultCode FROM forms ORDER BY form_index').all();

  it('is silent where no mandates are configured', async () => {
    const report = await processTwo();
    expect(report.findings.map((f) => f.code)).not.toContain('10012-101');
    expect(report.forms.map((f) => f.rejected)).toEqual([false, false]);
  });

  it('rejects only the declaration for an employer the sender holds no mandate for; the rest is applied', async () => {
    addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-01-01' });
    addMandate(db, { sender: '099999', companyId: OTHER, validFrom: '2024-01-01' });
    const report = await processTwo();
    const found = report.findings.filter((f) => f.code === '10012-101');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'B', scope: 'FORM', layer: 'ledger', messageId: 'noMandate', value: OTHER, data: { sender: SENDER, date: '2026-04-20' } });
    expect(report.forms.map((f) => f.rejected)).toEqual([false, true]);
    expect(report.applied).toBe(true);
    expect(formRows()).toEqual([{ companyId: ACME, resultCode: 1 }, { companyId: OTHER, resultCode: 0 }]);
    expect(db.prepare('SELECT DISTINCT company_id AS c FROM right_versions').all()).toEqual([{ c: ACME }]);
  });

  it('checks the FormCreationDate against the validity, both ends inclusive', async () => {
    addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-04-21' });
    addMandate(db, { sender: SENDER, companyId: OTHER, validFrom: '2025-01-01', validUntil: '2026-04-20' });
    const report = await processTwo();
    expect(report.findings.filter((f) => f.code === '10012-101').map((f) => f.value)).toEqual([ACME]);
    expect(report.forms.map((f) => f.rejected)).toEqual([true, false]);
  });

  it('checks a FormCreationDate written with a zone as its calendar day (it used to skip the check)', async () => {
    addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-04-21' });
    addMandate(db, { sender: SENDER, companyId: OTHER, validFrom: '2025-01-01', validUntil: '2026-04-20' });
    const report = await processTwo(SENDER, TWO.replaceAll('<FormCreationDate>2026-04-20</FormCreationDate>', '<FormCreationDate>2026-04-20+02:00</FormCreationDate>'));
    expect(report.findings.filter((f) => f.code === '10012-101').map((f) => [f.value, f.data.date])).toEqual([[ACME, '2026-04-20']]);
    expect(report.forms.map((f) => f.rejected)).toEqual([true, false]);
  });

  it('is silent for a sender that is no drop-folder sender number (fla process --sender cli)', async () => {
    addMandate(db, { sender: '099999', companyId: OTHER, validFrom: '2024-01-01' });
    const report = await processTwo('cli');
    expect(report.findings.map((f) => f.code)).not.toContain('10012-101');
  });

  it('the session looks mandates up once: holdsMandate is undefined without mandates', () => {
    const session = new LedgerSession(db, { ticket: 't', sender: SENDER, fileName: 'f', sha256: '', environment: 'R', receivedAt: '2026-04-20T00:00:00Z' });
    expect(session.holdsMandate(ACME, '2026-04-20')).toBeUndefined();
    const other = new LedgerSession(db, { ticket: 't2', sender: SENDER, fileName: 'g', sha256: '', environment: 'R', receivedAt: '2026-04-20T00:00:00Z' });
    addMandate(db, { sender: SENDER, companyId: ACME, validFrom: '2026-01-01' });
    expect(other.holdsMandate(ACME, '2026-04-20')).toBe(true);
    expect(other.holdsMandate(OTHER, '2026-04-20')).toBe(false);
    // Cached for the session's life: mandates added later count from the next file on.
    expect(session.holdsMandate(ACME, '2026-04-20')).toBeUndefined();
  });
});
