// `fla process` stopped between a file's commit and its answer files (issue #12, item 5): the
// answers are finished before it stops; stopped harder, they are written again by the next run of
// the same file or by `fla answers`.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { BIN, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();
afterAll(() => dir.remove());

function fla(args: readonly string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The tickets of the files the ledger has committed. */
function committed(db: string): string[] {
  if (!existsSync(db)) return [];
  const ledger = new Database(db, { readonly: true });
  try {
    return (ledger.prepare(`SELECT ticket FROM received_files WHERE status != 'PROCESSING' ORDER BY id`).all() as Array<{ ticket: string }>).map((r) => r.ticket);
  } catch {
    return [];
  } finally {
    ledger.close();
  }
}

/**
 * Runs `fla process`, held for 4 s after each commit, and sends `signals` once the first file is
 * committed, 0.3 s apart.
 */
async function interrupted(args: readonly string[], db: string, signals: readonly NodeJS.Signals[]) {
  const before = committed(db).length;
  const child = spawn(process.execPath, [BIN, 'process', ...args, '--db', db], { cwd: ROOT, env: { ...process.env, FLA_TEST_PAUSE_AFTER_COMMIT_MS: '4000' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const started = Date.now();
  while (committed(db).length === before) {
    if (Date.now() - started > 20_000) throw new Error(`no commit: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const signal of signals) {
    child.kill(signal);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const [code, signal] = await exited;
  return { code, signal, stdout, stderr, ticket: committed(db).at(-1)! };
}

describe('fla process interrupted after a commit', () => {
  it('SIGINT: the committed file is answered, the run stops before the next file, exit 130', async () => {
    const inputs = join(dir.path, 'int');
    mkdirSync(inputs);
    for (const name of ['01-minimal.xml', '02-secretariat-2026Q1.xml']) copyFileSync(join(ROOT, 'samples', name), join(inputs, name));
    const db = join(dir.path, 'int.sqlite');
    const run = await interrupted([join(inputs, '01-minimal.xml'), join(inputs, '02-secretariat-2026Q1.xml')], db, ['SIGINT']);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toMatch(/^fla: SIGINT: finishing the answers of .*01-minimal\.xml first/);
    expect(run.stderr).toMatch(/fla: stopped by SIGINT after 1 of 2 files/);
    expect(run.stdout).toMatch(/01-minimal\.xml: ACCEPTED/);
    expect(readdirSync(inputs).sort()).toEqual(['01-minimal.xml', '01-minimal.xml.ACRF.xml', '01-minimal.xml.NOTI.xml', '02-secretariat-2026Q1.xml']);
    expect(readFileSync(join(inputs, '01-minimal.xml.NOTI.xml'), 'utf8')).toContain(`<Ticket>${run.ticket}</Ticket>`);
    expect(committed(db)).toHaveLength(1);
  });

  it('SIGTERM twice stops at once; the same file again writes the missing answers from the ledger, then refuses it (ACRF-133)', async () => {
    const inputs = join(dir.path, 'term');
    mkdirSync(inputs);
    const file = join(inputs, '01-minimal.xml');
    copyFileSync(join(ROOT, 'samples', '01-minimal.xml'), file);
    const db = join(dir.path, 'term.sqlite');
    const run = await interrupted([file], db, ['SIGTERM', 'SIGTERM']);
    expect(run.signal).toBe('SIGTERM');
    expect(readdirSync(inputs)).toEqual(['01-minimal.xml']);

    const again = fla(['process', file, '--db', db, '--format', 'json']);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).files[0].findings.map((f: { code: string }) => f.code)).toEqual(['ACRF-133']);
    expect(again.stderr).toContain(`its missing answer ${file}.ACRF.xml was written again from the ledger`);
    const names = readdirSync(inputs).sort();
    expect(names).toHaveLength(4);
    expect(readFileSync(`${file}.ACRF.xml`, 'utf8')).toMatch(new RegExp(`<Ticket>${run.ticket}</Ticket>[^]*<ResultCode>1</ResultCode>`));
    expect(readFileSync(`${file}.NOTI.xml`, 'utf8')).toContain(`<Ticket>${run.ticket}</Ticket>`);
    // The refusal has answers of its own, beside them; run once more, nothing is written again.
    expect(names.filter((n) => /\.FLA-.*\.ACRF\.xml$/.test(n))).toHaveLength(1);
    const third = fla(['process', file, '--db', db]);
    expect(third.stderr).toBe('');
    expect(readdirSync(inputs)).toHaveLength(5);

    // A copy under another name is another file: it gets its refusal, not the first file's answers.
    const copy = join(inputs, 'copy.xml');
    copyFileSync(file, copy);
    expect(fla(['process', copy, '--db', db]).stderr).toBe('');
    expect(readdirSync(inputs).filter((n) => n.startsWith('copy.xml.'))).toEqual(['copy.xml.ACRF.xml']);
    expect(readFileSync(`${copy}.ACRF.xml`, 'utf8')).toContain('<ResultCode>0</ResultCode>');
  });
});

describe('fla answers', () => {
  it('writes a stored receipt and notification again, byte for byte, never over an existing one', () => {
    const db = join(dir.path, 'answers.sqlite');
    const first = join(dir.path, 'first');
    expect(fla(['process', 'samples/02-secretariat-2026Q1.xml', '--db', db, '--out', first]).status).toBe(0);
    const ticket = /<Ticket>([^<]+)<\/Ticket>/.exec(readFileSync(join(first, '02-secretariat-2026Q1.xml.ACRF.xml'), 'utf8'))![1]!;
    const out = join(dir.path, 'again');
    const run = fla(['answers', '--db', db, '--ticket', ticket, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([join(out, '02-secretariat-2026Q1.xml.ACRF.xml'), join(out, '02-secretariat-2026Q1.xml.NOTI.xml')]);
    for (const kind of ['ACRF', 'NOTI']) expect(readFileSync(join(out, `02-secretariat-2026Q1.xml.${kind}.xml`))).toEqual(readFileSync(join(first, `02-secretariat-2026Q1.xml.${kind}.xml`)));
    expect(fla(['answers', '--db', db, '--ticket', ticket, '--out', out]).stdout).toContain(`02-secretariat-2026Q1.xml.${ticket}.NOTI.xml`);
    expect(readdirSync(out)).toHaveLength(4);
  });

  it('an unknown ticket, a missing ledger, no --ticket: a coded line, exit 2, nothing written', () => {
    const db = join(dir.path, 'answers.sqlite');
    const out = join(dir.path, 'never');
    const unknown = fla(['answers', '--db', db, '--ticket', 'FLA-20260101T000000000Z-000000-00000000', '--out', out]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^fla: FLA_ERR_USAGE: the ledger .*answers\.sqlite holds no file with ticket FLA-20260101T000000000Z-000000-00000000/);
    const missing = fla(['answers', '--db', join(dir.path, 'none.sqlite'), '--ticket', 'x', '--out', out]);
    expect(missing.stderr).toMatch(/^fla: FLA_ERR_DB: there is no ledger at /);
    expect(fla(['answers', '--db', db]).stderr).toMatch(/^fla: FLA_ERR_USAGE: .*--ticket/);
    expect(existsSync(out)).toBe(false);
  });
});
