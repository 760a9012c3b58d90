// `fla process` as a process: the samples into a fresh ledger, every answer valid against the ack
// XSD, a second run refused with ACRF-133 without replacing the first answers.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openLedger } from '../../dist/ledger/database.js';
import { MIGRATIONS } from '../../dist/ledger/migrations.js';
import { BIN, dumpLedger, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();
afterAll(() => dir.remove());

function fla(args: readonly string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('fla process on the samples', () => {
  const db = join(dir.path, 'fla.sqlite');
  const out = join(dir.path, 'answers');

  it('applies them, answers each with a valid receipt and notification, and exits 1 for the anomalies sample', () => {
    const run = fla(['process', 'samples/*.xml', '--db', db, '--out', out, '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'PARTIALLY_ACCEPTED', 'ACCEPTED_WITH_WARNINGS']);
    expect(report.files.every((f: { layers: { ledger: string } }) => f.layers.ledger !== 'skipped')).toBe(true);
    const answers = readdirSync(out).sort();
    expect(answers).toHaveLength(8);
    const check = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(ROOT, 'xsd', 'fla-ack-v1.xsd'), ...answers.map((a) => join(out, a))], { encoding: 'utf8' });
    expect(check.error, 'xmllint is needed: apt-get install libxml2-utils').toBeUndefined();
    expect(check.status, check.stderr).toBe(0);
    const noti = readFileSync(join(out, '04-corrections-2026Q2.xml.NOTI.xml'), 'utf8');
    expect(noti).toContain('<Status>ACCEPTED_WITH_WARNINGS</Status>');
    expect(noti).toMatch(/<Right type="LEGAL">\s*<Before granted="38.00" used="15.20" remaining="22.80"\/>\s*<After granted="38.00" used="38.00" remaining="0.00"\/>/);
  });

  it('fla counters shows the worker of samples 01 and 04 as COUNTERS.md says, in CLI.md JSON', () => {
    const run = fla(['counters', '--db', db, '--inss', '85073003328', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const [entry] = JSON.parse(run.stdout).counters;
    expect(entry).toMatchObject({ CompanyID: '0403170701', INSS: '85073003328', window: '2024-2028', uncovered: 0 });
    expect(entry.types).toEqual({ LEGAL: { granted: 38, used: 38, remaining: 0 }, SECTOR: { granted: 0, used: 0, remaining: 0 }, EMPLOYER: { granted: 7.6, used: 0, remaining: 7.6 } });
    const byName = JSON.parse(fla(['counters', '--db', db, '--name', 'peet', '--format', 'json']).stdout).counters;
    expect(byName.some((c: { INSS: string }) => c.INSS === '85073003328')).toBe(true);
  });

  it('a second run refuses every file with ACRF-133 and never replaces an answer', () => {
    const before = readdirSync(out).map((a) => readFileSync(join(out, a), 'utf8'));
    const run = fla(['process', 'samples/01-minimal.xml', '--db', db, '--out', out, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files[0].findings.map((f: { code: string }) => f.code)).toEqual(['ACRF-133']);
    const after = readdirSync(out);
    expect(after).toHaveLength(9);
    expect(after.filter((a) => a.endsWith('.ACRF.xml') && a.startsWith('01-minimal.xml.FLA-'))).toHaveLength(1);
    expect(readdirSync(out).filter((a) => !a.includes('.FLA-')).map((a) => readFileSync(join(out, a), 'utf8'))).toEqual(before);
  });
});

describe('fla counters on a large ledger', () => {
  // More windows than the first version of the query let through (it stopped at 100,000, silently).
  const windows = 100_001;
  const db = join(dir.path, 'large.sqlite');
  const ledger = openLedger(db);
  ledger.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${windows})
    INSERT INTO counters (company_id, inss, window_start, legal_granted, legal_used, sector_granted, sector_used, employer_granted, employer_used, uncovered, years)
    SELECT printf('%010d', 403170701 + i % 7), printf('%011d', i), 2024, 3800, i % 3800, 0, 0, 0, 0, 0, '[[2026,3800,' || (i % 3800) || ',0,0,0,0]]' FROM n`);
  ledger.exec(`INSERT INTO workers (company_id, inss, name, first_name) SELECT company_id, inss, 'Name ' || (CAST(inss AS INTEGER) % 1000), 'First' FROM counters`);
  // The rights behind the windows: fla counters lists a window that holds a right or a training.
  ledger.exec(`INSERT INTO received_files (id, ticket, sender, file_name, sha256, environment, received_at, receipt_code, status) VALUES (1, 'T-1', 'cli', 'a.xml', 'x', 'R', 'now', 1, 'ACCEPTED')`);
  ledger.exec(`INSERT INTO forms (id, file_id, form_index, sender, reference_nbr, company_id, quarter, result_code) VALUES (1, 1, 0, 'cli', 'R-1', '0403170701', '20261', 1)`);
  ledger.exec(`INSERT INTO right_versions (form_id, company_id, inss, year, right_type, hours) SELECT 1, company_id, inss, 2026, 'LEGAL', 3800 FROM counters`);
  ledger.close();

  it('lists every window, in the order of the large-company screen, as CLI.md JSON', () => {
    const run = spawnSync(process.execPath, [BIN, 'counters', '--db', db, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(run.status, run.stderr).toBe(0);
    const { counters } = JSON.parse(run.stdout) as { counters: Array<{ CompanyID: string; INSS: string; types: { LEGAL: { used: number } } }> };
    expect(counters).toHaveLength(windows);
    expect(run.stdout).toBe(`${JSON.stringify({ counters }, null, 2)}\n`);
    expect(new Set(counters.map((c) => c.INSS)).size).toBe(windows);
    expect(counters.map((c) => c.CompanyID)).toEqual(counters.map((c) => c.CompanyID).sort());
    const worker = counters.find((c) => c.INSS === '00000012345')!;
    expect(worker.types.LEGAL).toEqual({ granted: 38, used: 9.45, remaining: 28.55 });
  });

  it('prints the table with three lines per window, and a clear line when nothing matches', () => {
    const run = spawnSync(process.execPath, [BIN, 'counters', '--db', db], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(1 + 3 * windows + 1);
    expect(fla(['counters', '--db', db, '--name', 'nobody']).stdout).toBe('no counters match\n');
    expect(JSON.parse(fla(['counters', '--db', db, '--name', 'nobody', '--format', 'json']).stdout)).toEqual({ counters: [] });
  });
});

describe('a ledger that cannot be used: a coded line, exit 2, nothing changed', () => {
  const coded = (run: { status: number | null; stderr: string }, pattern: RegExp): void => {
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  };

  it('a file that is not SQLite, for process, validate --db and counters', () => {
    const junk = join(dir.path, 'junk.sqlite');
    writeFileSync(junk, 'not a ledger\n'.repeat(100));
    for (const args of [['process', 'samples/01-minimal.xml', '--out', join(dir.path, 'junk-answers')], ['validate', 'samples/01-minimal.xml'], ['counters']]) {
      coded(fla([...args, '--db', junk]), /^fla: FLA_ERR_DB: .*junk\.sqlite is not an SQLite ledger/);
    }
    expect(readFileSync(junk, 'utf8')).toBe('not a ledger\n'.repeat(100));
    const answers = join(dir.path, 'junk-answers');
    expect(existsSync(answers) ? readdirSync(answers) : []).toEqual([]);
  });

  it('validate --db neither creates nor migrates a ledger', () => {
    const missing = join(dir.path, 'missing.sqlite');
    coded(fla(['validate', 'samples/01-minimal.xml', '--db', missing]), /^fla: FLA_ERR_DB: there is no ledger at .*missing\.sqlite/);
    expect(existsSync(missing)).toBe(false);
    const older = join(dir.path, 'older.sqlite');
    const old = new Database(older);
    for (const migration of MIGRATIONS.slice(0, 7)) old.exec(migration);
    old.pragma('user_version = 7');
    old.close();
    coded(fla(['validate', 'samples/01-minimal.xml', '--db', older]), /FLA_ERR_DB: .* has schema version 7 and needs migrating/);
    const after = new Database(older, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(7);
    after.close();
  });

  it('a ledger another process holds: FLA_ERR_DB once the wait is over, and the file is not applied', async () => {
    const locked = join(dir.path, 'locked.sqlite');
    openLedger(locked).close();
    const holder = spawn(process.execPath, ['-e', `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(locked)}); d.exec('BEGIN EXCLUSIVE'); console.log('held'); setTimeout(() => {}, 60000);`], { cwd: ROOT });
    try {
      await once(holder.stdout, 'data');
      const run = spawn(process.execPath, [BIN, 'process', 'samples/01-minimal.xml', '--db', locked, '--out', join(dir.path, 'locked-answers')], { cwd: ROOT });
      let stderr = '';
      run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [status] = (await once(run, 'exit')) as [number];
      coded({ status, stderr }, /^fla: FLA_ERR_DB: the ledger .*locked\.sqlite is locked by another process/);
    } finally {
      holder.kill();
    }
    const db = new Database(locked, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM received_files').get()).toEqual({ n: 0 });
    db.close();
  });

  it('a ledger in a folder that does not exist: FLA_ERR_DB naming the folder, for every command', () => {
    const missing = join(dir.path, 'no-such-folder');
    for (const args of [['process', 'samples/01-minimal.xml', '--out', join(missing, 'answers')], ['process', 'samples/01-minimal.xml'], ['validate', 'samples/01-minimal.xml'], ['counters'], ['mandates', 'list']]) {
      coded(fla([...args, '--db', join(missing, 'fla.sqlite')]), /^fla: FLA_ERR_DB: cannot open the ledger .*no-such-folder\/fla\.sqlite: the folder .*no-such-folder does not exist/);
    }
    expect(existsSync(missing)).toBe(false);
    const file = join(dir.path, 'a-file');
    writeFileSync(file, '');
    coded(fla(['counters', '--db', join(file, 'fla.sqlite')]), /^fla: FLA_ERR_DB: .*the folder .*a-file is not a folder/);
  });

  it('a disk that fills up under the ledger: FLA_ERR_DB saying so, and the ledger as before the file', async () => {
    // A file size limit (ulimit -f) makes the ledger's writes fail as a full disk or quota does.
    const db = join(dir.path, 'full.sqlite');
    expect(fla(['process', 'samples/01-minimal.xml', '--db', db, '--out', join(dir.path, 'full-answers')]).status).toBe(0);
    const before = await dumpLedger(db);
    const big = join(dir.path, 'full-big.xml');
    expect(fla(['generate', '--persons', '3000', '--seed', '3', '--out', big]).status).toBe(0);
    const run = spawnSync('sh', ['-c', 'ulimit -f 400; exec "$@"', 'sh', process.execPath, BIN, 'process', big, '--db', db, '--out', join(dir.path, 'full-answers')], { cwd: ROOT, encoding: 'utf8' });
    coded(run, /^fla: FLA_ERR_DB: cannot write the ledger .*full\.sqlite: the disk is full, over quota or failing .*the file's transaction was rolled back/);
    expect(run.stderr).not.toMatch(/cannot rollback/);
    expect(await dumpLedger(db)).toBe(before);
    expect(readdirSync(join(dir.path, 'full-answers')).filter((a) => a.startsWith('full-big'))).toEqual([]);
  });

  it('a folder the answers cannot go to is found before any file is applied', () => {
    const notAFolder = join(dir.path, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const db = join(dir.path, 'never.sqlite');
    coded(fla(['process', 'samples/01-minimal.xml', '--db', db, '--out', notAFolder]), /^fla: FLA_ERR_WRITE: cannot write answers into .*not-a-folder: .*; no file was processed/);
    expect(existsSync(db)).toBe(false);
  });
});
