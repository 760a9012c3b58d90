// RuleTester-style: every rule's fixtures raise exactly the expected findings, near-misses none.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../dist/engine.js';
import { RULES } from '../dist/rules/registry.js';
import { FIXTURES, tempDir } from './helpers.js';

const engine = new Engine();
afterAll(() => engine.close());

interface Expected {
  line: number;
  xpath: string;
  value?: string;
}

for (const rule of RULES.filter((r) => r.meta.layer === 'rules')) {
  const { code } = rule.meta;
  const folder = join(FIXTURES, 'rules', code);
  describe(`${code} (${rule.meta.severity} ${rule.meta.scope})`, () => {
    const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.xml')) : [];
    for (const file of files) {
      const expectation = join(folder, file.replace(/\.xml$/, '.expected.json'));
      const raises = existsSync(expectation);
      it(raises ? `raises on ${file}` : `stays silent on ${file}`, async () => {
        const report = await engine.validateFile(join(folder, file));
        expect(report.layers.receipt, 'a rule fixture must pass the receipt layer').toBe('passed');
        const found = report.findings
          .filter((f) => f.code === code)
          .map((f) => ({ line: f.line, xpath: f.xpath, ...(f.value !== undefined ? { value: f.value } : {}) }));
        expect(found).toEqual(raises ? (JSON.parse(readFileSync(expectation, 'utf8')) as Expected[]) : []);
        // The employer's CompanyID is the first of the file (a Provider's comes later, inside a Training).
        const employer = /<(?:\w+:)?CompanyID>([^<]*)</.exec(readFileSync(join(folder, file), 'utf8'))?.[1];
        for (const f of report.findings.filter((f) => f.code === code)) {
          expect(f).toMatchObject({ severity: rule.meta.severity, scope: rule.meta.scope, layer: 'rules' });
          expect(f.keys?.CompanyID).toBe(employer);
        }
      });
    }
  });
}

describe('10002-111 against the day of processing', () => {
  const minimal = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');
  const dayAfterToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('allows a day of clock skew and refuses two', async () => {
    const dir = tempDir();
    try {
      const found: Record<string, string[]> = {};
      for (const [label, date] of [['today', dayAfterToday(0)], ['tomorrow', dayAfterToday(1)], ['in two days', `${dayAfterToday(2)}Z`]] as const) {
        const file = join(dir.path, `${label}.xml`);
        writeFileSync(file, minimal.replace('<FormCreationDate>2026-04-20</FormCreationDate>', `<FormCreationDate>${date}</FormCreationDate>`));
        const report = await engine.validateFile(file);
        found[label] = report.findings.filter((f) => f.code === '10002-111').map((f) => f.value ?? '');
      }
      expect(found).toEqual({ today: [], tomorrow: [], 'in two days': [`${dayAfterToday(2)}Z`] });
    } finally {
      dir.remove();
    }
  });
});
