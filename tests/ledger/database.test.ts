// Versioned migrations run on open; a ledger newer than the code is refused, never guessed at.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storedAnswers } from '../../dist/ledger/answers.js';
import { openLedger } from '../../dist/ledger/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../dist/ledger/migrations.js';
import { BIN, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('the ledger database', () => {
  it('migrates an older ledger step by step to the current schema, in WAL mode', () => {
    const path = join(dir.path, 'old.sqlite');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.close();
    const db = openLedger(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('answers', 'mandates') ORDER BY name`).all()).toEqual([{ name: 'answers' }, { name: 'mandates' }]);
    db.close();
  });

  it('keeps the answers of a version-3 ledger, as part 0 of each, readable as before', () => {
    const path = join(dir.path, 'v3.sqlite');
    const old = new Database(path);
    for (const migration of MIGRATIONS.slice(0, 3)) old.exec(migration);
    old.pragma('user_version = 3');
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
