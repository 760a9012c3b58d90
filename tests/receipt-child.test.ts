// The libxml2 child dies with the process that started it (issue #12 item 4): killed `fla process`
// and `fla watch` used to leave it reading on at 90 % CPU.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, tempDir } from './helpers.js';

const dir = tempDir();
let big = '';

beforeAll(() => {
  // About 200 MB, a couple of seconds of libxml2: long enough to be killed in the middle of.
  const minimal = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');
  const person = minimal.slice(minimal.indexOf('      <NaturalPerson>'), minimal.indexOf('    </EmployerDeclaration>'));
  big = join(dir.path, 'big.xml');
  writeFileSync(big, minimal.replace(/      <NaturalPerson>[\s\S]*<\/NaturalPerson>\n/, person.repeat(Math.ceil((200 * 1024 * 1024) / person.length))));
});
afterAll(() => dir.remove());

/** Pids of the live processes whose parent is `pid`, with their command lines. */
function childrenOf(pid: number): Array<{ pid: number; args: string }> {
  const found: Array<{ pid: number; args: string }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === pid && state !== 'Z') found.push({ pid: Number(name), args: readFileSync(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Alive and not a zombie (a container's init may be slow to reap). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The parent's libxml2 child, once `busy` says that it works on the file. */
async function busyWorker(parent: ChildProcess, busy: () => boolean = () => true): Promise<number> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const worker = childrenOf(parent.pid!).find((c) => c.args.includes('xsd-worker'));
    if (worker !== undefined && busy()) {
      // Into the file: libxml2 is then inside one synchronous call that reads no messages.
      await sleep(700);
      return worker.pid;
    }
    await sleep(50);
  }
  throw new Error('the libxml2 child never started');
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited <= ms; waited += 50) {
    if (!alive(pid)) return true;
    await sleep(50);
  }
  return false;
}

describe('the libxml2 child dies with its parent', () => {
  it('fla process killed with SIGKILL in the middle of a 200 MB file', async () => {
    const parent = spawn(process.execPath, [BIN, 'process', big, '--db', join(dir.path, 'process.sqlite'), '--out', join(dir.path, 'out'), '--quiet'], { cwd: ROOT, stdio: 'ignore' });
    const worker = await busyWorker(parent);
    parent.kill('SIGKILL');
    const gone = await goneWithin(worker, 1000);
    if (!gone) process.kill(worker, 'SIGKILL');
    expect(gone).toBe(true);
  });

  it('fla watch killed with SIGKILL while it processes a 200 MB submission', async () => {
    const root = join(dir.path, 'drop');
    const inbox = join(root, '012345', 'IN');
    mkdirSync(inbox, { recursive: true });
    mkdirSync(join(root, '012345', 'OUT'), { recursive: true });
    writeFileSync(join(inbox, 'FI.FLAD.012345.20260420.00001.R.1.1'), readFileSync(big));
    writeFileSync(join(inbox, 'GO.FLAD.012345.20260420.00001.R.1'), '');
    // The daemon starts its child at once; it is busy once the submission is claimed.
    const processing = join(root, '.fla-state', 'processing');
    const claimed = (): boolean => existsSync(processing) && readdirSync(processing).length > 0;
    const parent = spawn(process.execPath, [BIN, 'watch', root, '--db', join(dir.path, 'watch.sqlite'), '--stable', '0'], { cwd: ROOT, stdio: 'ignore' });
    try {
      const worker = await busyWorker(parent, claimed);
      parent.kill('SIGKILL');
      const gone = await goneWithin(worker, 1000);
      if (!gone) process.kill(worker, 'SIGKILL');
      expect(gone).toBe(true);
    } finally {
      if (existsSync(`/proc/${parent.pid}`)) parent.kill('SIGKILL');
    }
  });
});
