// Each reporter checked against what its consumer expects: the SARIF 2.1.0 JSON schema, a JUnit
// XSD through xmllint, the workflow-command grammar of GitHub Actions.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
const FILES = [join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), join(FIXTURES, 'receipt', 'ACRF-255', 'invalid-values.xml'), join(FIXTURES, 'rules', '10043-001', 'raises.xml')];

function fla(format: string): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, 'validate', ...FILES.map((f) => f.slice(ROOT.length + 1)), '--format', format], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout };
}

describe('reporters', () => {
  it('sarif: valid against the SARIF 2.1.0 schema, the catalogue as tool.driver.rules', () => {
    const { code, stdout } = fla('sarif');
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('ACRF-255');
    expect(ids).toContain('10043-001');
    expect(run.results).toHaveLength(4);
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === '10043-001');
    expect(ids[result.ruleIndex]).toBe('10043-001');
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'fixtures/rules/10043-001/raises.xml' }, region: { startLine: 28, startColumn: 9 } });
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('/d:FLADeclarations/d:Form[1]/d:EmployerDeclaration/d:NaturalPerson[1]/d:TrainingRight[2]');
  });

  it('junit: valid against the JUnit XSD, one suite per file, one failing case per blocking finding', () => {
    const { code, stdout } = fla('junit');
    expect(code).toBe(1);
    const dir = tempDir();
    try {
      const file = join(dir.path, 'report.xml');
      writeFileSync(file, stdout);
      const check = spawnSync('xmllint', ['--noout', '--schema', join(ROOT, 'tests', 'schemas', 'junit.xsd'), file], { encoding: 'utf8' });
      expect(check.error, 'xmllint is needed: apt-get install libxml2-utils').toBeUndefined();
      expect(check.stderr).toContain('validates');
    } finally {
      dir.remove();
    }
    expect(stdout.match(/<testsuite /g)).toHaveLength(3);
    expect(stdout.match(/<failure /g)).toHaveLength(4);
    expect(stdout).toContain('<testsuites name="fla validate" tests="5" failures="4" errors="0" skipped="0"');
  });

  it('github: one ::error annotation per blocking finding, with file, line and column', () => {
    const { stdout } = fla('github');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^::error file=[^,]+,line=\d+,col=\d+,title=[^:]+::.+$/);
    expect(lines[0]).toContain('title=ACRF-255 (B FILE)::Not valid against the declaration schema');
  });
});
