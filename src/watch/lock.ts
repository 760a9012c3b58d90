// One daemon per ledger and per drop folder: a lock file beside the database, and one in the drop
// folder's root, each holding the owner's pid. Two daemons on one drop folder with different
// ledgers would both claim the same files, so the drop folder needs a lock of its own. A lock
// whose process is gone (after kill -9) is taken over; a live one refuses the second daemon.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FlaError, type ErrorCode } from '../errors.js';
import { processAlive } from '../pid.js';

/** The drop folder's lock: a dot file, which the scans and the watcher leave alone. */
export const DROP_LOCK_NAME = '.fla-watch.lock';

/** What a lock guards, for the messages, and the code of a lock that cannot even be created. */
export interface LockTarget {
  readonly path: string;
  /** "this ledger", "the drop folder /srv/sftp". */
  readonly what: string;
  /** A folder that is missing or not writable is a setup error of that folder, not a lock held. */
  readonly cannotCreate: ErrorCode;
}

export function ledgerLock(dbPath: string): LockTarget {
  return { path: `${dbPath}.watch.lock`, what: `the ledger ${dbPath}`, cannotCreate: 'FLA_ERR_DB' };
}

export function dropFolderLock(root: string): LockTarget {
  return { path: join(root, DROP_LOCK_NAME), what: `the drop folder ${root}`, cannotCreate: 'FLA_ERR_CONFIG' };
}

export class DaemonLock {
  private constructor(private readonly path: string) {}

  static acquire(target: LockTarget): DaemonLock {
    const { path } = target;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new DaemonLock(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') {
          const why = code === 'ENOENT' ? `the folder ${dirname(path)} does not exist` : (error as Error).message;
          throw new FlaError(target.cannotCreate, `cannot use ${target.what}: cannot create its lock ${path}: ${why}`);
        }
        const owner = Number(readFileSafe(path));
        if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
          throw new FlaError('FLA_ERR_LOCKED', `another fla watch (pid ${owner}) already serves ${target.what} (${path})`);
        }
        try {
          unlinkSync(path);
        } catch {
          // Another starter removed it first; the next attempt decides.
        }
      }
    }
    throw new FlaError('FLA_ERR_LOCKED', `cannot take the lock ${path}`);
  }

  release(): void {
    try {
      if (readFileSafe(this.path) === String(process.pid)) unlinkSync(this.path);
    } catch {
      // Already gone.
    }
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}
