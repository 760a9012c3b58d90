// The embedded SQLite ledger: WAL, foreign keys, migrations on open.
import Database from 'better-sqlite3';
import { FlaError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly readonly?: boolean;
  /**
   * Writable, but only for transactions that are rolled back (`fla validate --db`): the ledger
   * must exist at the current schema, since creating or migrating it would be a change.
   */
  readonly asFound?: boolean;
}

export function openLedger(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  const mustExist = options.readonly === true || options.asFound === true;
  try {
    db = new Database(path, { readonly: options.readonly === true, fileMustExist: mustExist });
  } catch (error) {
    if (mustExist && (error as { code?: string }).code === 'SQLITE_CANTOPEN') throw new FlaError('FLA_ERR_DB', `there is no ledger at ${path} (fla process creates one)`);
    throw ledgerError(error, path);
  }
  try {
    if (!mustExist) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // better-sqlite3 builds SQLite with a 16 MB page cache; 4 MB processes the 200 MB bench file
    // as fast and keeps the process tree inside its memory budget (README, Performance).
    db.pragma('cache_size = -4000');
    // NORMAL is durable in WAL mode across process crashes (only an OS crash may lose the last commit).
    db.pragma('synchronous = NORMAL');
    migrate(db, path, mustExist);
    return db;
  } catch (error) {
    db.close();
    throw ledgerError(error, path);
  }
}

/** An error SQLite raised (better-sqlite3's SqliteError, whose code is SQLITE_BUSY and the like). */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

/** SQLite's failures as the operator can act on them (FLA_ERR_DB); anything else unchanged. */
export function ledgerError(error: unknown, path: string): unknown {
  if (error instanceof FlaError || !isSqliteError(error)) return error;
  const { code, message } = error;
  if (code.startsWith('SQLITE_BUSY')) return new FlaError('FLA_ERR_DB', `the ledger ${path} is locked by another process (waited 5 s): ${message}`);
  if (code.startsWith('SQLITE_NOTADB')) return new FlaError('FLA_ERR_DB', `${path} is not an SQLite ledger: ${message}`);
  if (code.startsWith('SQLITE_CORRUPT')) return new FlaError('FLA_ERR_DB', `the ledger ${path} is damaged: ${message}; restore it from a backup`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new FlaError('FLA_ERR_DB', `cannot write the ledger ${path} or its -wal and -shm files beside it: ${message}`);
  }
  if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) return new FlaError('FLA_ERR_DB', `cannot write the ledger ${path} (disk full or failing?): ${message}`);
  return new FlaError('FLA_ERR_DB', `the ledger ${path} failed: ${message} (${code})`);
}

function migrate(db: Db, path: string, readonly: boolean): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new FlaError('FLA_ERR_DB', `the ledger ${path} has schema version ${version}, newer than this fla-batch knows (${SCHEMA_VERSION}); use a newer fla-batch`);
  }
  if (version === SCHEMA_VERSION) return;
  if (readonly) throw new FlaError('FLA_ERR_DB', `the ledger ${path} has schema version ${version} and needs migrating; open it once with fla process`);
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
