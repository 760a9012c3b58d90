// Issue #12 items 7, 8 and 9: what `fla watch` refuses at start-up, each with one coded line,
// exit 2 and no lock left behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';
import { declaration, DropFolder, until } from './support.js';

let drop: DropFolder;
const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));
const fresh = (): DropFolder => {
  drop = new DropFolder();
  cleanup.push(() => drop.remove());
  return drop;
};

describe('fla watch refusing to start (issue #12)', () => {
  it('item 7: a --db in a missing folder is FLA_ERR_DB naming that folder, not FLA_ERR_LOCKED', () => {
    fresh();
    const missing = join(drop.base, 'no-such-folder');
    const r = spawnSync(process.execPath, [BIN, 'watch', join(drop.base, 'new-drop'), '--db', join(missing, 'fla.sqlite'), '--once'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`fla: FLA_ERR_DB: cannot open the ledger ${join(missing, 'fla.sqlite')}: the folder ${missing} does not exist (create it first); nothing was done\n`);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(drop.base, 'new-drop'))).toBe(false);
  });

  it('item 8: a second daemon on the same drop folder with another ledger refuses to start', async () => {
    fresh();
    const first = drop.start();
    cleanup.push(() => first.child.kill('SIGKILL'));
    await until(() => first.output().includes('"event":"started"'));
    const otherDb = join(drop.base, 'other.sqlite');
    drop.put('IN', 'FI.FLAD.012345.20260420.00001.R.1.1', declaration('00001'));
    drop.put('IN', 'GO.FLAD.012345.20260420.00001.R.1');
    const second = spawnSync(process.execPath, [BIN, 'watch', drop.root, '--db', otherDb, '--once', '--state', join(drop.base, 'other-state')], { cwd: ROOT, encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^fla: FLA_ERR_LOCKED: another fla watch \\(pid ${first.child.pid}\\) already serves the drop folder ${drop.root} `));
    // It took nothing and left nothing: its ledger lock is freed, its ledger never created.
    expect(existsSync(`${otherDb}.watch.lock`)).toBe(false);
    expect(existsSync(otherDb)).toBe(false);
    await until(() => drop.files('OUT').length === 4);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(drop.root, '.fla-watch.lock'))).toBe(false);
  });

  it('item 8: a drop folder lock left by a dead daemon is taken over', () => {
    fresh();
    // A pid that cannot be alive: above the kernel's pid_max.
    spawnSync('sh', ['-c', `printf 4194305 > '${join(drop.root, '.fla-watch.lock')}'`]);
    drop.put('IN', 'FI.FLAD.012345.20260420.00002.R.1.1', declaration('00002'));
    drop.put('IN', 'GO.FLAD.012345.20260420.00002.R.1');
    const r = drop.once();
    expect(r.status, r.stderr).toBe(0);
    expect(drop.files('OUT')).toHaveLength(4);
    expect(existsSync(join(drop.root, '.fla-watch.lock'))).toBe(false);
  });

  // /dev/shm is a tmpfs: another file system than the temporary folder on most machines.
  it.skipIf(!existsSync('/dev/shm') || statSync('/dev/shm').dev === statSync(tmpdir()).dev)('item 9: a --state on another file system than the drop folder is FLA_ERR_CONFIG at start-up', () => {
    fresh();
    const state = mkdtempSync(join('/dev/shm', 'fla-state-'));
    cleanup.push(() => rmSync(state, { recursive: true, force: true }));
    drop.put('IN', 'FI.FLAD.012345.20260420.00003.R.1.1', declaration('00003'));
    drop.put('IN', 'GO.FLAD.012345.20260420.00003.R.1');
    const r = drop.once(['--state', state]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`fla: FLA_ERR_CONFIG: cannot use the state folder ${state} (--state) with the drop folder ${drop.root}: it is on another file system (or mount) than the drop folder, and claims move files by rename\n`);
    expect(r.log).toEqual([]);
    expect(drop.files('IN')).toEqual(['FI.FLAD.012345.20260420.00003.R.1.1', 'GO.FLAD.012345.20260420.00003.R.1']);
    expect(existsSync(`${drop.db}.watch.lock`)).toBe(false);
    expect(existsSync(join(drop.root, '.fla-watch.lock'))).toBe(false);
    expect(existsSync(join(drop.root, `.fla-probe.${process.pid}`))).toBe(false);
  });
});
