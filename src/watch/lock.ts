// One daemon per ledger: a lock file beside the database holds the owner's pid. A lock whose
// process is gone (after kill -9) is taken over; a live one refuses the second daemon.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { FlaError } from '../errors.js';
import { processAlive } from '../pid.js';

export class DaemonLock {
  private constructor(private readonly path: string) {}

  static acquire(dbPath: string): DaemonLock {
    const path = `${dbPath}.watch.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new DaemonLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new FlaError('FLA_ERR_LOCKED', `cannot create the lock ${path}: ${(error as Error).message}`);
        const owner = Number(readFileSafe(path));
        if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
          throw new FlaError('FLA_ERR_LOCKED', `another fla watch (pid ${owner}) already serves this ledger (${path})`);
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
