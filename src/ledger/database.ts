// The embedded SQLite ledger: WAL, foreign keys, migrations on open.
import { statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
  checkLedgerFolder(path);
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

/**
 * better-sqlite3 refuses a ledger in a missing folder with a plain TypeError; the operator needs to
 * know which folder, and that nothing was created in it.
 */
export function checkLedgerFolder(path: string): void {
  if (path === ':memory:' || path === '') return;
  const folder = dirname(resolve(path));
  let problem: string | undefined;
  try {
    if (!statSync(folder).isDirectory()) problem = 'is not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problem = code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist (create it first)' : `cannot be read (${code ?? String(error)})`;
  }
  if (problem !== undefined) throw new FlaError('FLA_ERR_DB', `cannot open the ledger ${path}: the folder ${folder} ${problem}; nothing was done`);
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
  if (code.startsWith('SQLITE_FULL')) {
    return new FlaError('FLA_ERR_DB', `the disk holding the ledger ${path} is full${freeSpace(path)}: SQLite could not grow the ledger or its journal, and rolled the file's transaction back; free some space and run the command again`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    // Over quota or a file size limit, SQLite says "disk I/O error" rather than "full".
    return new FlaError('FLA_ERR_DB', `cannot write the ledger ${path}: the disk is full, over quota or failing${freeSpace(path)} (${message}, ${code}); the file's transaction was rolled back`);
  }
  return new FlaError('FLA_ERR_DB', `the ledger ${path} failed: ${message} (${code})`);
}

/** ", N MB free there", when the file system says (the ledger's folder may be gone by now). */
function freeSpace(path: string): string {
  try {
    const { bavail, bsize } = statfsSync(dirname(resolve(path)));
    const mb = (bavail * bsize) / 1e6;
    return ` (${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB free there)`;
  } catch {
    return '';
  }
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
