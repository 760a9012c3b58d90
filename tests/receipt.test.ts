import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../dist/engine.js';
import { formatMessage } from '../dist/messages/catalogue.js';
import { DEFAULT_LIMITS } from '../dist/receipt/limits.js';
import { FIXTURES, tempDir } from './helpers.js';

const engine = new Engine();
afterAll(() => engine.close());

const RECEIPT = join(FIXTURES, 'receipt');
const MINIMAL = readFileSync(join(RECEIPT, 'valid', 'minimal.xml'), 'utf8');

describe('every receipt fixture gets exactly its code', () => {
  for (const folder of readdirSync(RECEIPT)) {
    for (const name of readdirSync(join(RECEIPT, folder))) {
      it(`${folder}/${name}`, async () => {
        const report = await engine.validateFile(join(RECEIPT, folder, name));
        if (folder === 'valid') {
          expect(report.findings).toEqual([]);
          expect(report.status).toBe('ACCEPTED');
          expect(report.layers.receipt).toBe('passed');
        } else {
          expect(report.findings.length).toBeGreaterThan(0);
          expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set([folder]));
          expect(report.status).toBe('REJECTED');
          expect(report.layers).toEqual({ receipt: 'failed', rules: 'skipped', ledger: 'skipped' });
          for (const f of report.findings) expect(f).toMatchObject({ severity: 'B', scope: 'FILE', layer: 'receipt' });
        }
        expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
      });
    }
  }
});

describe('receipt details', () => {
  it('reports every XSD error in one pass with line, column and element', async () => {
    const report = await engine.validateFile(join(RECEIPT, 'ACRF-255', 'invalid-values.xml'));
    expect(report.findings.map((f) => [f.line, f.data.element, f.value])).toEqual([
      [10, 'Quarter', '20265'],
      [15, 'INSS', '8507300332'],
      [33, 'Kind', 'ONLINE'],
    ]);
    expect(report.findings.every((f) => (f.column ?? 0) > 0)).toBe(true);
  });

  it('locates the first well-formedness error of a truncated file', async () => {
    const path = join(RECEIPT, 'ACRF-102', 'truncated.xml');
    const report = await engine.validateFile(path);
    expect(report.findings).toHaveLength(1);
    // libxml2 notices the premature end on the file's last line.
    expect(report.findings[0]!.line).toBe(readFileSync(path, 'utf8').split('\n').length);
    expect(report.findings[0]!.column).toBeGreaterThan(1);
  });

  it('gives the offset of the first byte that is not UTF-8', async () => {
    const path = join(RECEIPT, 'ACRF-138', 'latin1-bytes-undeclared.xml');
    const bytes = readFileSync(path);
    const report = await engine.validateFile(path);
    expect(report.findings[0]!.data.offset).toBe(bytes.indexOf(0xe9));
  });

  it('refuses a file above the size limit (ACRF-184) without reading it as XML', async () => {
    const report = await engine.validateFile(join(RECEIPT, 'valid', 'minimal.xml'), { limits: { ...DEFAULT_LIMITS, maxFileBytes: 100 } });
    expect(report.findings.map((f) => f.code)).toEqual(['ACRF-184']);
  });

  it('counts line numbers right beyond 65,535, in libxml2 and in the reader', async () => {
    const dir = tempDir();
    try {
      const padding = '<!-- padding -->\n'.repeat(70_000);
      const file = join(dir.path, 'long.xml');
      writeFileSync(file, MINIMAL.replace('      <NaturalPerson>', `${padding}      <NaturalPerson>`).replace('<INSS>85073003328</INSS>', '<INSS>8507300332X</INSS>'));
      const expectedLine = MINIMAL.split('\n').findIndex((l) => l.includes('<INSS>')) + 1 + 70_000;
      const report = await engine.validateFile(file);
      expect(report.findings.map((f) => [f.code, f.line])).toEqual([['ACRF-255', expectedLine]]);
    } finally {
      dir.remove();
    }
  });
});

describe('hostile input', () => {
  let server: Server;
  let port = 0;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('<!ENTITY leak "secret">'));
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('never opens a network connection for DTDs, entities or schema locations', async () => {
    const dir = tempDir();
    try {
      for (const name of ['xxe-url.xml', 'external-dtd.xml', 'schema-location.xml']) {
        // The fixtures point at port 47111; aim them at this test's own listening server.
        const file = join(dir.path, name);
        writeFileSync(file, readFileSync(join(RECEIPT, 'ACRF-901', name), 'utf8').replaceAll('127.0.0.1:47111', `127.0.0.1:${port}`));
        const report = await engine.validateFile(file);
        expect(report.findings.map((f) => f.code)).toEqual(['ACRF-901']);
      }
    } finally {
      dir.remove();
    }
    expect(connections).toBe(0);
  });

  it('never shows the content of a local file referenced by an entity', async () => {
    const report = await engine.validateFile(join(RECEIPT, 'ACRF-901', 'xxe-file.xml'));
    expect(JSON.stringify(report)).not.toContain('root:');
  });

  it('rejects 100,000-deep nesting with ACRF-902 and does not crash', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'deep.xml');
      writeFileSync(file, MINIMAL.replace('<WorkerName>Peeters</WorkerName>', `<WorkerName>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</WorkerName>`));
      const report = await engine.validateFile(file);
      expect(report.findings.map((f) => [f.code, f.messageId])).toEqual([['ACRF-902', 'depth']]);
    } finally {
      dir.remove();
    }
  });

  it('rejects a text node over 10 MB with ACRF-902', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'huge-text.xml');
      writeFileSync(file, MINIMAL.replace('<WorkerName>Peeters</WorkerName>', `<WorkerName>${'x'.repeat(11 * 1024 * 1024)}</WorkerName>`));
      const report = await engine.validateFile(file);
      expect(report.findings.map((f) => [f.code, f.messageId])).toEqual([['ACRF-902', 'textSize']]);
    } finally {
      dir.remove();
    }
  });

  it("reports libxml2's own limits as ACRF-902 in plain words, not as ACRF-102 with libxml2's advice", async () => {
    const dir = tempDir();
    try {
      const cases: Array<[string, string, string]> = [
        ['long-name.xml', '<WorkerName>Peeters</WorkerName>', `<WorkerName>Peeters</WorkerName><${'N'.repeat(60_000)}/>`],
        ['long-attribute.xml', '<WorkerName>Peeters</WorkerName>', `<WorkerName a="${'x'.repeat(10_500_000)}">Peeters</WorkerName>`],
      ];
      const found: unknown[] = [];
      for (const [name, from, to] of cases) {
        const file = join(dir.path, name);
        writeFileSync(file, MINIMAL.replace(from, to));
        const report = await engine.validateFile(file);
        found.push(report.findings.map((f) => [f.code, f.messageId, f.data.limit, f.line]));
        for (const lang of ['nl', 'fr', 'en'] as const) {
          for (const f of report.findings) expect(formatMessage(lang, f.code, f.messageId, f.data)).not.toMatch(/XML_PARSE_HUGE|libxml|AttValue/);
        }
      }
      const line = MINIMAL.split('\n').findIndex((l) => l.includes('<WorkerName>')) + 1;
      expect(found).toEqual([
        [['ACRF-902', 'nameLength', 50_000, line]],
        [['ACRF-902', 'attributeLength', 10_000_000, line]],
      ]);
    } finally {
      dir.remove();
    }
  });

  it('refuses a 50 MB file with a bad byte near its start at once (was 93 s)', async () => {
    const dir = tempDir();
    try {
      const person = MINIMAL.slice(MINIMAL.indexOf('      <NaturalPerson>'), MINIMAL.indexOf('    </EmployerDeclaration>'));
      const persons = person.repeat(Math.ceil((50 * 1024 * 1024) / person.length));
      const file = join(dir.path, 'bad-byte.xml');
      const text = MINIMAL.replace(/      <NaturalPerson>[\s\S]*<\/NaturalPerson>\n/, persons);
      const bad = Buffer.from(text, 'utf8');
      const offset = bad.indexOf('Peeters');
      bad[offset] = 0xff;
      writeFileSync(file, bad);
      const started = performance.now();
      const report = await engine.validateFile(file);
      const seconds = (performance.now() - started) / 1000;
      expect(report.findings.map((f) => [f.code, f.data.offset])).toEqual([['ACRF-138', offset]]);
      // libxml2 used to read on past its fatal error, crawling through the rest of the file.
      expect(seconds).toBeLessThan(5);
    } finally {
      dir.remove();
    }
  }, 30_000);

  it('keeps at most --max-findings findings and counts the rest', async () => {
    const dir = tempDir();
    try {
      const person = MINIMAL.slice(MINIMAL.indexOf('      <NaturalPerson>'), MINIMAL.indexOf('    </EmployerDeclaration>')).replace('<INSS>85073003328</INSS>', '<INSS>x</INSS>');
      const file = join(dir.path, 'many.xml');
      writeFileSync(file, MINIMAL.replace(/      <NaturalPerson>[\s\S]*<\/NaturalPerson>\n/, person.repeat(50)));
      const report = await engine.validateFile(file, { maxFindings: 10 });
      expect(report.findings).toHaveLength(10);
      expect(report.omitted).toEqual({ 'ACRF-255': 40 });
      expect(report.counts.B).toBe(50);
    } finally {
      dir.remove();
    }
  });
});
