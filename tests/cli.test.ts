import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, tempDir } from './helpers.js';

function fla(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const VALID = join(FIXTURES, 'receipt', 'valid', 'minimal.xml');
const INVALID = join(FIXTURES, 'receipt', 'ACRF-255', 'invalid-values.xml');

describe('the libxml2 child started ahead of the command', () => {
  it('does not keep fla alive when the command stops before using it', () => {
    for (const command of ['validate', 'process']) {
      const started = Date.now();
      const result = spawnSync(process.execPath, [BIN, command], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^fla: FLA_ERR_USAGE/);
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  });
});

describe('fla validate', () => {
  it('exits 0 for an accepted file, with a summary line', () => {
    const { code, stdout } = fla(['validate', VALID]);
    expect(code).toBe(0);
    expect(stdout).toContain('ACCEPTED');
    expect(stdout.trim().split('\n').at(-1)).toBe('1 file(s): 1 accepted, 0 rejected; 0 blocking, 0 warning(s)');
  });

  it('counts a partially accepted file apart in the summary line, not as accepted', () => {
    const { stdout } = fla(['validate', 'samples/*.xml']);
    expect(stdout).toMatch(/: PARTIALLY_ACCEPTED /);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^4 file\(s\): 3 accepted, 1 partially accepted, 0 rejected; /);
  });

  it('exits 1 and prints compiler-style lines for blocking anomalies', () => {
    const { code, stdout } = fla(['validate', INVALID]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/invalid-values\.xml:10:\d+ {2}B {2}ACRF-255 {2}Not valid against the declaration schema: Element 'Quarter'/);
  });

  it('prints the JSON shape of CLI.md', () => {
    const { code, stdout } = fla(['validate', VALID, INVALID, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.tool).toEqual({ name: 'fla-batch', version: '0.1.0', ruleSet: 'fla-2024' });
    expect(report.summary).toEqual({ files: 2, accepted: 1, rejected: 1, findings: { B: 3, W: 0, I: 0 } });
    const [ok, bad] = report.files;
    expect(Object.keys(ok)).toEqual(['file', 'sha256', 'status', 'layers', 'findings', 'totals']);
    expect(ok.totals.persons).toEqual({ received: 1, accepted: 1, rejected: 0 });
    expect(bad.status).toBe('REJECTED');
    expect(bad.findings[0]).toMatchObject({ code: 'ACRF-255', severity: 'B', scope: 'FILE', line: 10, value: '20265' });
    expect(typeof bad.findings[0].message).toBe('string');
  });

  it('speaks the language asked for', () => {
    expect(fla(['validate', INVALID, '--lang', 'fr']).stdout).toContain('Non valide selon le schéma de déclaration');
    expect(fla(['validate', INVALID, '--lang', 'nl']).stdout).toContain('Niet geldig volgens het aangifteschema');
  });

  it('expands quoted globs', () => {
    const { code, stdout } = fla(['validate', 'fixtures/receipt/valid/*.xml']);
    expect(code).toBe(0);
    expect(stdout).toContain('3 file(s): 3 accepted');
  });

  it('expands ./ globs and reads a file named twice once', () => {
    const { code, stdout } = fla(['validate', './fixtures/receipt/valid/*.xml', VALID, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files.map((f: { file: string }) => f.file)).toEqual(['fixtures/receipt/valid/bom.xml', 'fixtures/receipt/valid/minimal.xml', 'fixtures/receipt/valid/prefixed.xml']);
  });

  it('a glob leaves out the answers fla process wrote next to the inputs, a name given as such does not', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'q1.xml'), readFileSync(VALID));
      const db = join(dir.path, 'fla.sqlite');
      expect(fla(['process', join(dir.path, '*.xml'), '--db', db]).code).toBe(0);
      // Again, into a second ledger: the answers beside q1.xml are no input, and the new ones get the ticket.
      const again = fla(['process', join(dir.path, '*.xml'), '--db', join(dir.path, 'second.sqlite'), '--format', 'json']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).files.map((f: { file: string }) => f.file)).toEqual([join(dir.path, 'q1.xml')]);
      const names = readdirSync(dir.path).filter((n) => n.endsWith('.xml')).sort();
      expect(names).toHaveLength(5);
      expect(fla(['validate', join(dir.path, '*.xml'), '--format', 'json']).stdout).not.toMatch(/ACRF\.xml|NOTI\.xml/);
      const onlyAnswers = fla(['validate', join(dir.path, '*.ACRF.xml')]);
      expect(onlyAnswers.code).toBe(2);
      expect(onlyAnswers.stderr).toMatch(/^fla: FLA_ERR_NO_INPUT: no file matches .*\(apart from answer files/);
      const named = fla(['validate', join(dir.path, 'q1.xml.ACRF.xml'), '--format', 'json']);
      expect(JSON.parse(named.stdout).files).toHaveLength(1);
    } finally {
      dir.remove();
    }
  });

  it('shows control and bidi characters of file names and values escaped, in reports and error lines', () => {
    const dir = tempDir();
    try {
      const name = join(dir.path, 'q\u001b[2J\u202elmx.exe.xml');
      writeFileSync(name, readFileSync(INVALID, 'utf8').replace('<Quarter>20265</Quarter>', '<Quarter>2026\u202e\u0085</Quarter>'));
      const { code, stdout } = fla(['validate', name]);
      expect(code).toBe(1);
      expect(stdout).not.toMatch(/[\u001b\u202e\u0085]/);
      expect(stdout).toContain('q\\x1b[2J\\u202elmx.exe.xml');
      expect(stdout).toContain('2026\\u202e\\x85');
      // JSON is for tools: there the characters stay what they are (JSON escapes the controls itself).
      expect(JSON.parse(fla(['validate', name, '--format', 'json']).stdout).files[0].file).toBe(name);
      const missing = fla(['validate', join(dir.path, 'gone\u001b]0;owned\u0007.xml')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^fla: FLA_ERR_READ: cannot read .*gone\\x1b]0;owned\\x07\.xml: ENOENT/);
      expect(missing.stderr).not.toMatch(/[\u001b\u0007]/);
      const declared = join(dir.path, 'named.xml');
      writeFileSync(declared, readFileSync(VALID, 'utf8').replace('<WorkerName>Peeters</WorkerName>', '<WorkerName>Pee\u202eters</WorkerName>'));
      const db = join(dir.path, 'fla.sqlite');
      expect(fla(['process', declared, '--db', db]).code).toBe(0);
      const table = fla(['counters', '--db', db]).stdout;
      expect(table).toContain('Pee\\u202eters');
      expect(table).not.toContain('\u202e');
    } finally {
      dir.remove();
    }
  });

  it('limits the findings listed with --max-findings', () => {
    const report = JSON.parse(fla(['validate', INVALID, '--format', 'json', '--max-findings', '1']).stdout);
    expect(report.files[0].findings).toHaveLength(1);
    expect(report.files[0].omitted).toEqual({ 'ACRF-255': 2 });
  });

  it('--quiet prints nothing and keeps the exit code', () => {
    const { code, stdout } = fla(['validate', INVALID, '--quiet']);
    expect([code, stdout]).toEqual([1, '']);
  });
});

describe('operational errors: a code, one line, no stack trace, exit 2', () => {
  const cases: Array<[string, readonly string[], string]> = [
    ['a missing file', ['validate', 'nope.xml'], 'FLA_ERR_READ'],
    ['a glob that matches nothing', ['validate', 'nothing/*.xml'], 'FLA_ERR_NO_INPUT'],
    ['a glob that is not one', ['validate', 'q[.xml'], 'FLA_ERR_USAGE'],
    ['an unknown format', ['validate', VALID, '--format', 'xml'], 'FLA_ERR_USAGE'],
    ['an unknown option', ['validate', VALID, '--frobnicate'], 'FLA_ERR_USAGE'],
    ['a bad --max-findings', ['validate', VALID, '--max-findings', 'many'], 'FLA_ERR_USAGE'],
    ['an unknown command', ['frobnicate'], 'FLA_ERR_USAGE'],
    ['no command', [], 'FLA_ERR_USAGE'],
    ['mandates without list, add or remove', ['mandates'], 'FLA_ERR_USAGE'],
  ];
  for (const [what, args, errorCode] of cases) {
    it(what, () => {
      const { code, stderr } = fla(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`^fla: ${errorCode}: .+\\n$`));
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('a missing file in the middle of the list: nothing is processed, applied or answered', () => {
    const dir = tempDir();
    try {
      const db = join(dir.path, 'fla.sqlite');
      const out = join(dir.path, 'answers');
      for (const args of [['validate', VALID, 'nosuch.xml', INVALID, '--db', db], ['process', VALID, 'nosuch.xml', INVALID, '--db', db, '--out', out]]) {
        const { code, stdout, stderr } = fla(args);
        expect([code, stdout, stderr]).toEqual([2, '', 'fla: FLA_ERR_READ: cannot read nosuch.xml: ENOENT; nothing was processed\n']);
      }
      expect(existsSync(db)).toBe(false);
      expect(existsSync(out)).toBe(false);
    } finally {
      dir.remove();
    }
  });

  it('an unknown key in fla.config.json', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'fla.config.json'), JSON.stringify({ language: 'nl' }));
      const { code, stderr } = fla(['validate', VALID], { cwd: dir.path });
      expect(code).toBe(2);
      expect(stderr).toBe('fla: FLA_ERR_CONFIG: fla.config.json: unknown key "language" (known: lang, format, maxFindings, maxFileBytes, db)\n');
    } finally {
      dir.remove();
    }
  });

  it('a wrong value in fla.config.json or a FLA_* variable: FLA_ERR_CONFIG naming the key or variable', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'fla.config.json'), JSON.stringify({ lang: 'de' }));
      expect(fla(['validate', VALID], { cwd: dir.path })).toMatchObject({ code: 2, stderr: 'fla: FLA_ERR_CONFIG: fla.config.json: "lang" must be one of nl, fr, en (got "de")\n' });
      expect(fla(['validate', VALID], { env: { FLA_MAX_FINDINGS: 'abc' } })).toMatchObject({ code: 2, stderr: 'fla: FLA_ERR_CONFIG: FLA_MAX_FINDINGS must be a positive whole number (got "abc")\n' });
    } finally {
      dir.remove();
    }
  });

  it('settings come from flags, then FLA_* variables, then the config file', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'fla.config.json'), JSON.stringify({ lang: 'nl' }));
      expect(fla(['validate', INVALID], { cwd: dir.path }).stdout).toContain('Niet geldig');
      expect(fla(['validate', INVALID], { cwd: dir.path, env: { FLA_LANG: 'fr' } }).stdout).toContain('Non valide');
      expect(fla(['validate', INVALID, '--lang', 'en'], { cwd: dir.path, env: { FLA_LANG: 'fr' } }).stdout).toContain('Not valid');
    } finally {
      dir.remove();
    }
  });

  it('--help shows an example and exits 0', () => {
    const { code, stdout } = fla(['validate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Example:');
  });

  it('never prints an INSS in clear, even one given as a flag value or a file name', () => {
    expect(fla(['process', 'x.xml', '--env', '68121871365']).stderr).toBe("fla: FLA_ERR_USAGE: option '--env <env>' argument '68*******65' is invalid. Allowed choices are R, T, S.\n");
    expect(fla(['--verbose', 'validate', '68121871365.xml']).stderr).not.toContain('68121871365');
  });

  it('a missing command names the commands; asking for help is no error', () => {
    expect(fla([]).stderr).toBe('fla: FLA_ERR_USAGE: fla needs a command: validate, process, answers, watch, counters, report, generate, mandates, rules (see fla --help)\n');
    expect(fla(['mandates']).stderr).toBe('fla: FLA_ERR_USAGE: fla mandates needs a command: list, add, remove (see fla mandates --help)\n');
    for (const args of [['--help'], ['help'], ['help', 'mandates'], ['mandates', '--help'], ['mandates', 'help']]) {
      const { code, stdout, stderr } = fla(args);
      expect([code, stderr], args.join(' ')).toEqual([0, '']);
      expect(stdout).toContain('Usage: fla');
    }
  });
});

describe('a reader that closes the output early', () => {
  it('ends the run with one coded line and exit 2, no stack trace (`fla … | head`)', async () => {
    const child = spawn(process.execPath, [BIN, 'generate', '--persons', '200000', '--seed', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(2);
    expect(stderr).toMatch(/^fla: FLA_ERR_WRITE: cannot write to standard output \(EPIPE\)/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('fla counters: --year and --window', () => {
  it('refuses a window that is not one, a year that is not four digits, and the two that contradict', () => {
    const dir = tempDir();
    try {
      const db = join(dir.path, 'fla.sqlite');
      const refused: Array<[readonly string[], RegExp]> = [
        [['--window', '2024-2029'], /^--window must be a five-year window, by its first year or in full: 2024 or 2024-2028, 2029 or 2029-2033, … \(got "2024-2029"\)$/],
        [['--window', '2024-abc'], /\(got "2024-abc"\)$/],
        [['--window', '2024-'], /\(got "2024-"\)$/],
        [['--window', '2025'], /\(got "2025", which lies in 2024-2028\)$/],
        [['--window', '2019'], /\(got "2019"\)$/],
        [['--year', '0x7e8'], /^--year must be a year like 2026/],
        [['--year', '2.026e3'], /^--year must be a year like 2026/],
        [['--year', '2030', '--window', '2024'], /^--year 2030 lies in the window 2029-2033, not in --window 2024-2028$/],
      ];
      for (const [args, message] of refused) {
        const { code, stderr } = fla(['counters', '--db', db, ...args]);
        expect(code, args.join(' ')).toBe(2);
        expect(stderr).toMatch(/^fla: FLA_ERR_USAGE: .+\n$/);
        expect(stderr.slice('fla: FLA_ERR_USAGE: '.length, -1)).toMatch(message);
      }
    } finally {
      dir.remove();
    }
  });

  it('takes a window by its first year or in full, and a year inside it', () => {
    const dir = tempDir();
    try {
      const db = join(dir.path, 'fla.sqlite');
      expect(fla(['process', 'samples/01-minimal.xml', '--db', db, '--out', dir.path, '--quiet']).code).toBe(0);
      const windows = (args: readonly string[]) => JSON.parse(fla(['counters', '--db', db, '--inss', '85073003328', '--format', 'json', ...args]).stdout).counters.map((c: { window: string }) => c.window);
      expect(windows(['--window', '2024'])).toEqual(['2024-2028']);
      expect(windows(['--window', '2024-2028'])).toEqual(['2024-2028']);
      expect(windows(['--window', '2024', '--year', '2026'])).toEqual(['2024-2028']);
      expect(windows(['--window', '2029-2033'])).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});

describe('fla generate: bad options and failed writes', () => {
  it('refuses --persons 0 and a quarter before 20241 with FLA_ERR_USAGE, writing nothing', () => {
    const dir = tempDir();
    try {
      const out = join(dir.path, 'g.xml');
      for (const args of [['--persons', '0'], ['--persons', '1e3'], ['--persons', '5', '--quarter', '20231'], ['--persons', '5', '--quarter', '20244x']]) {
        for (const target of [[], ['--out', out]]) {
          const { code, stdout, stderr } = fla(['generate', ...args, ...target]);
          expect([code, stdout], args.join(' ')).toEqual([2, '']);
          expect(stderr).toMatch(/^fla: FLA_ERR_USAGE: --(persons|quarter) must .+\n$/);
        }
      }
      expect(readdirSync(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('leaves no .partial file behind when the write fails', () => {
    const dir = tempDir();
    try {
      mkdirSync(join(dir.path, 'taken'));
      const { code, stderr } = fla(['generate', '--persons', '5', '--out', join(dir.path, 'taken')]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^fla: FLA_ERR_WRITE: cannot write .*taken: EISDIR/);
      expect(readdirSync(dir.path)).toEqual(['taken']);
      expect(fla(['generate', '--persons', '5', '--quarter', '20241', '--out', join(dir.path, 'first.xml')]).code).toBe(0);
      expect(readdirSync(dir.path).sort()).toEqual(['first.xml', 'taken']);
    } finally {
      dir.remove();
    }
  });
});

describe('fla rules: --out and --lang only where they have an effect', () => {
  it('writes the docs page to --out with --format md, the same page the catalogue test checks', () => {
    const dir = tempDir();
    try {
      const out = join(dir.path, 'rules.md');
      expect(fla(['rules', '--format', 'md', '--out', out]).code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8'));
    } finally {
      dir.remove();
    }
  });

  it('refuses --out without --format md, and --lang with md or json, writing nothing', () => {
    const dir = tempDir();
    try {
      const out = join(dir.path, 'x.md');
      const refused: Array<[readonly string[], string]> = [
        [['--out', out], '--out is for --format md, the docs page; --format text writes to standard output'],
        [['--format', 'json', '--out', out], '--out is for --format md, the docs page; --format json writes to standard output'],
        [['--format', 'md', '--lang', 'fr', '--out', out], '--lang is for the text table: the docs page holds the descriptions in nl, fr and en'],
        [['--format', 'json', '--lang', 'fr'], '--lang is for the text table: the JSON holds codes and metadata, no text'],
      ];
      for (const [args, message] of refused) expect(fla(['rules', ...args])).toMatchObject({ code: 2, stdout: '', stderr: `fla: FLA_ERR_USAGE: ${message}\n` });
      expect(readdirSync(dir.path)).toEqual([]);
      expect(fla(['rules', '--lang', 'fr']).stdout).toContain('Quarter antérieur à 20241');
    } finally {
      dir.remove();
    }
  });
});
