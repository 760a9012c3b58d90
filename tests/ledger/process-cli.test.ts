// `fla process` as a process: the samples into a fresh ledger, every answer valid against the ack
// XSD, a second run refused with ACRF-133 without replacing the first answers.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();
afterAll(() => dir.remove());

function fla(args: readonly string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('fla process on the samples', () => {
  const db = join(dir.path, 'fla.sqlite');
  const out = join(dir.path, 'answers');

  it('applies them, answers each with a valid receipt and notification, and exits 1 for the anomalies sample', () => {
    const run = fla(['process', 'samples/*.xml', '--db', db, '--out', out, '--format', 'json']);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'PARTIALLY_ACCEPTED', 'ACCEPTED_WITH_WARNINGS']);
    expect(report.files.every((f: { layers: { ledger: string } }) => f.layers.ledger !== 'skipped')).toBe(true);
    const answers = readdirSync(out).sort();
    expect(answers).toHaveLength(8);
    const check = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(ROOT, 'xsd', 'fla-ack-v1.xsd'), ...answers.map((a) => join(out, a))], { encoding: 'utf8' });
    expect(check.error, 'xmllint is needed: apt-get install libxml2-utils').toBeUndefined();
    expect(check.status, check.stderr).toBe(0);
    const noti = readFileSync(join(out, '04-corrections-2026Q2.xml.NOTI.xml'), 'utf8');
    expect(noti).toContain('<Status>ACCEPTED_WITH_WARNINGS</Status>');
    expect(noti).toMatch(/<Right type="LEGAL">\s*<Before granted="38.00" used="15.20" remaining="22.80"\/>\s*<After granted="38.00" used="38.00" remaining="0.00"\/>/);
  });

  it('fla counters shows the worker of samples 01 and 04 as COUNTERS.md says, in CLI.md JSON', () => {
    const run = fla(['counters', '--db', db, '--inss', '85073003328', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const [entry] = JSON.parse(run.stdout).counters;
    expect(entry).toMatchObject({ CompanyID: '0403170701', INSS: '85073003328', window: '2024-2028', uncovered: 0 });
    expect(entry.types).toEqual({ LEGAL: { granted: 38, used: 38, remaining: 0 }, SECTOR: { granted: 0, used: 0, remaining: 0 }, EMPLOYER: { granted: 7.6, used: 0, remaining: 7.6 } });
    const byName = JSON.parse(fla(['counters', '--db', db, '--name', 'peet', '--format', 'json']).stdout).counters;
    expect(byName.some((c: { INSS: string }) => c.INSS === '85073003328')).toBe(true);
  });

  it('a second run refuses every file with ACRF-133 and never replaces an answer', () => {
    const before = readdirSync(out).map((a) => readFileSync(join(out, a), 'utf8'));
    const run = fla(['process', 'samples/01-minimal.xml', '--db', db, '--out', out, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files[0].findings.map((f: { code: string }) => f.code)).toEqual(['ACRF-133']);
    const after = readdirSync(out);
    expect(after).toHaveLength(9);
    expect(after.filter((a) => a.endsWith('.ACRF.xml') && a.startsWith('01-minimal.xml.FLA-'))).toHaveLength(1);
    expect(readdirSync(out).filter((a) => !a.includes('.FLA-')).map((a) => readFileSync(join(out, a), 'utf8'))).toEqual(before);
  });
});
