// Versioned migrations run on open; a ledger newer than the code is refused, never guessed at.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storedAnswers } from '../../dist/ledger/answers.js';
import { counterEntries } from '../../dist/ledger/counters.js';
import { openLedger } from '../../dist/ledger/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../dist/ledger/migrations.js';
import { BIN, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();
afterAll(() => dir.remove());

/** A ledger file as the migrations up to `version` left it. */
function ledgerAt(version: number, name: string): { path: string; old: Database.Database } {
  const path = join(dir.path, name);
  const old = new Database(path);
  for (const migration of MIGRATIONS.slice(0, version)) old.exec(migration);
  old.pragma(`user_version = ${version}`);
  return { path, old };
}

describe('the ledger database', () => {
  it('migrates an older ledger step by step to the current schema, in WAL mode', () => {
    const { path, old } = ledgerAt(1, 'old.sqlite');
    old.close();
    const db = openLedger(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('answers', 'mandates') ORDER BY name`).all()).toEqual([{ name: 'answers' }, { name: 'mandates' }]);
    db.close();
  });

  it('keeps the answers of a version-3 ledger, as part 0 of each, readable as before', () => {
    const { path, old } = ledgerAt(3, 'v3.sqlite');
    old.prepare(`INSERT INTO received_files (id, ticket, sender, file_name, sha256, environment, received_at, receipt_code, status) VALUES (1, 'T-1', 'cli', 'a.xml', 'x', 'R', 'now', 1, 'ACCEPTED')`).run();
    old.prepare(`INSERT INTO answers (file_id, kind, xml) VALUES (1, 'ACRF', '<ACRF/>'), (1, 'NOTI', '<NOTIFICATION/>')`).run();
    old.close();
    const db = openLedger(path);
    const stored = storedAnswers(db, 'T-1')!;
    expect(stored.receipt).toBe('<ACRF/>');
    expect(stored.positive).toBe(true);
    expect([...stored.notification!()]).toEqual(['<NOTIFICATION/>']);
    db.close();
  });

  it('keeps the counters of a version-4 ledger, one row per worker window, as fla counters showed them', () => {
    const { path, old } = ledgerAt(4, 'v4.sqlite');
    old.prepare(`INSERT INTO workers (company_id, inss, name, first_name) VALUES ('0403170701', '85073003328', 'Peeters', 'An')`).run();
    const row = old.prepare(`INSERT INTO counters (company_id, inss, window_start, year, right_type, granted, used) VALUES ('0403170701', '85073003328', ?, ?, ?, ?, ?)`);
    // The COUNTERS.md example after training 3: rows per type for the window (year 0) and per year.
    const figures = { 0: [7600, 7600, 760, 760, 0, 0], 2024: [3800, 3000, 0, 0, 0, 0], 2025: [3800, 4600, 760, 760, 0, 0] } as const;
    for (const [year, [lg, lu, sg, su, eg, eu]] of Object.entries(figures)) {
      row.run(2024, Number(year), 'LEGAL', lg, lu);
      row.run(2024, Number(year), 'SECTOR', sg, su);
      row.run(2024, Number(year), 'EMPLOYER', eg, eu);
    }
    old.prepare(`INSERT INTO uncovered (company_id, inss, window_start, hours) VALUES ('0403170701', '85073003328', 2024, 2640)`).run();
    // The records behind the window (fla counters lists a window that holds a right or a training).
    old.prepare(`INSERT INTO received_files (id, ticket, sender, file_name, sha256, environment, received_at, receipt_code, status) VALUES (1, 'T-1', 'cli', 'a.xml', 'x', 'R', 'now', 1, 'ACCEPTED')`).run();
    old.prepare(`INSERT INTO forms (id, file_id, form_index, sender, reference_nbr, company_id, quarter, result_code) VALUES (1, 1, 0, 'cli', 'R-1', '0403170701', '20251', 1)`).run();
    old.prepare(`INSERT INTO right_versions (form_id, company_id, inss, year, right_type, hours) VALUES (1, '0403170701', '85073003328', 2024, 'LEGAL', 3800)`).run();
    old.close();
    const db = openLedger(path);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('uncovered', 'counter_changes')`).all()).toEqual([]);
    const [entry, ...rest] = [...counterEntries(db, { inss: '85073003328' })];
    expect(rest).toEqual([]);
    expect(JSON.stringify(entry)).toBe(
      JSON.stringify({
        CompanyID: '0403170701',
        INSS: '85073003328',
        name: 'Peeters',
        firstName: 'An',
        window: '2024-2028',
        types: { LEGAL: { granted: 7600, used: 7600, remaining: 0 }, SECTOR: { granted: 760, used: 760, remaining: 0 }, EMPLOYER: { granted: 0, used: 0, remaining: 0 } },
        // A year's types in the order of the old rows (by right_type), which --format json shows.
        years: {
          2024: { EMPLOYER: { granted: 0, used: 0 }, LEGAL: { granted: 3800, used: 3000 }, SECTOR: { granted: 0, used: 0 } },
          2025: { EMPLOYER: { granted: 0, used: 0 }, LEGAL: { granted: 3800, used: 4600 }, SECTOR: { granted: 760, used: 760 } },
        },
        uncovered: 2640,
      }),
    );
    db.close();
  });

  it('keeps the counters rows of a version-7 ledger through migration 8, byte for byte', () => {
    const { path, old } = ledgerAt(7, 'v7.sqlite');
    old.prepare(`INSERT INTO received_files (id, ticket, sender, file_name, sha256, environment, received_at, receipt_code, status) VALUES (1, 'T-1', 'cli', 'a.xml', 'x', 'R', 'now', 1, 'ACCEPTED')`).run();
    const insert = old.prepare(`INSERT INTO counters VALUES ('0403170701', ?, 2024, 7600, 7600, 760, 760, 0, 0, 2640, '[[2024,3800,3000,0,0,0,0]]', ?, ?)`);
    insert.run('85073003328', 1, '[0,0,0,0,0,0,0]');
    insert.run('90010100113', null, null);
    const rows = old.prepare(`SELECT * FROM counters ORDER BY inss`).all();
    old.close();
    const db = openLedger(path);
    expect(db.prepare(`SELECT * FROM counters ORDER BY inss`).all()).toEqual(rows);
    expect(db.pragma('foreign_key_list(counters)')).toEqual([]);
    db.close();
  });

  it('refuses a ledger with a newer schema, with a coded one-line error and exit 2', () => {
    const path = join(dir.path, 'new.sqlite');
    const newer = new Database(path);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => openLedger(path)).toThrow(/schema version \d+, newer than this fla-batch knows/);
    const r = spawnSync(process.execPath, [BIN, 'process', 'samples/01-minimal.xml', '--db', path, '--out', join(dir.path, 'answers')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fla: FLA_ERR_DB: the ledger .* has schema version \d+, newer than this fla-batch knows \(\d+\); use a newer fla-batch\n$/);
  });
});
