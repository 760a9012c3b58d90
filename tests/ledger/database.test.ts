// Versioned migrations run on open; a ledger newer than the code is refused, never guessed at.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
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
