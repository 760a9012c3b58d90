import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FlaError } from '../errors.js';
import { checkLedgerFolder, openLedger, type Db } from '../ledger/database.js';
import { DropFolderDaemon } from '../watch/daemon.js';
import { DaemonLock, dropFolderLock, ledgerLock } from '../watch/lock.js';
import { createLogger } from '../watch/log.js';
import { StateFolder } from '../watch/state.js';
import { resolveSettings } from './config.js';

export async function watchCommand(root: string, flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ db: flags.db });
  const rescanMs = seconds('rescan', flags.rescan ?? '30') * 1000;
  const stableMs = seconds('stable', flags.stable ?? '0.2') * 1000;
  const goFirstStableMs = seconds('go-first-stable', flags.goFirstStable ?? '10') * 1000;
  const rootDir = resolve(root);
  const dbPath = resolve(settings.db);
  // Before anything is created: "nothing was done" is then true.
  checkLedgerFolder(dbPath);
  try {
    mkdirSync(rootDir, { recursive: true });
  } catch (error) {
    throw new FlaError('FLA_ERR_CONFIG', `cannot use the drop folder ${rootDir}: ${(error as Error).message}`);
  }
  const stateDir = resolve(String(flags.state ?? join(rootDir, '.fla-state')));
  let state: StateFolder;
  try {
    state = new StateFolder(stateDir);
  } catch (error) {
    throw new FlaError('FLA_ERR_CONFIG', `cannot use the state folder ${stateDir} (--state): ${(error as Error).message}`);
  }
  sameFileSystem(rootDir, stateDir);
  const dbLock = DaemonLock.acquire(ledgerLock(dbPath));
  let rootLock: DaemonLock;
  try {
    rootLock = DaemonLock.acquire(dropFolderLock(rootDir));
  } catch (error) {
    dbLock.release();
    throw error;
  }
  const logger = createLogger(process.stdout, flags.verbose === true ? 'debug' : 'info');
  let db: Db | null = null;
  let daemon: DropFolderDaemon | null = null;
  let failures = { submissions: 0, scans: 0 };
  // Every way out, a start that failed half-way included, closes the ledger and frees the lock.
  const shutdown = async (): Promise<void> => {
    try {
      await daemon?.stop();
    } finally {
      db?.close();
      rootLock.release();
      dbLock.release();
    }
  };
  try {
    db = openLedger(settings.db);
    daemon = new DropFolderDaemon({ root: rootDir, db, state, logger, rescanMs, stableMs, goFirstStableMs, poll: flags.poll === true });
    if (flags.once === true) {
      await daemon.runOnce();
      failures = daemon.failures();
    } else {
      await daemon.start();
      logger.info({ event: 'started', root: rootDir, db: settings.db, rescanMs, stableMs, goFirstStableMs, poll: flags.poll === true }, 'started');
      const signal = await new Promise<string>((done) => {
        process.once('SIGTERM', () => done('SIGTERM'));
        process.once('SIGINT', () => done('SIGINT'));
      });
      logger.info({ event: 'stopping', signal }, 'stopping');
    }
  } catch (error) {
    await shutdown().catch(() => undefined);
    throw error;
  }
  await shutdown();
  if (flags.once !== true) {
    logger.info({ event: 'stopped' }, 'stopped');
    return 0;
  }
  // Refusals and anomalies are answered to the sender; what could not be done at all is the
  // operator's, and cron sees nothing but the exit code.
  const { submissions, scans } = failures;
  if (submissions + scans > 0) throw new FlaError('FLA_ERR_WATCH', `${failedWhat(submissions, scans)}; see the log (event "error")`);
  return 0;
}

/**
 * A claim is a rename from the sender's folder into the state folder, and rename(2) cannot cross
 * file systems (EXDEV), nor mount points of one (bind mounts): tried once here with a probe file,
 * so that such a --state is refused at start-up instead of failing every claim.
 */
function sameFileSystem(rootDir: string, stateDir: string): void {
  const probe = join(rootDir, `.fla-probe.${process.pid}`);
  const moved = join(stateDir, `.fla-probe.${process.pid}`);
  try {
    writeFileSync(probe, '');
  } catch (error) {
    throw new FlaError('FLA_ERR_CONFIG', `cannot use the drop folder ${rootDir}: ${(error as Error).message}`);
  }
  try {
    renameSync(probe, moved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EXDEV' ? 'it is on another file system (or mount) than the drop folder, and claims move files by rename' : (error as Error).message;
    throw new FlaError('FLA_ERR_CONFIG', `cannot use the state folder ${stateDir} (--state) with the drop folder ${rootDir}: ${why}`);
  } finally {
    rmSync(probe, { force: true });
    rmSync(moved, { force: true });
  }
}

function failedWhat(submissions: number, scans: number): string {
  const what: string[] = [];
  if (submissions > 0) what.push(submissions === 1 ? '1 submission failed and waits to be taken again' : `${submissions} submissions failed and wait to be taken again`);
  if (scans > 0) what.push('the drop folder could not be scanned');
  return what.join(', and ');
}

function seconds(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new FlaError('FLA_ERR_USAGE', `--${name} must be a number of seconds (got "${String(value)}")`);
  return n;
}
