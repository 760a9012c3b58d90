// The embedded SQLite ledger: WAL, foreign keys, migrations on open.
import Database from 'better-sqlite3';
import { FlaError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly readonly?: boolean;
}

export function openLedger(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  } catch (error) {
    throw new FlaError('FLA_ERR_DB', `cannot open the ledger ${path}: ${(error as Error).message}`);
  }
  try {
    if (options.readonly !== true) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // better-sqlite3 builds SQLite with a 16 MB page cache; 4 MB processes the 200 MB bench file
    // as fast and keeps the process tree inside its memory budget (README, Performance).
    db.pragma('cache_size = -4000');
    // NORMAL is durable in WAL mode across process crashes (only an OS crash may lose the last commit).
    db.pragma('synchronous = NORMAL');
    migrate(db, path, options.readonly === true);
    return db;
  } catch (error) {
    db.close();
    throw error;
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
