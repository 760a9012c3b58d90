// fla report, the data half (issue #13): the model computed from the ledger, its equality with
// `fla counters --format json`, the tiles on a hand-made ledger, an older ledger, the written file
// and the command's errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../dist/dashboard/data/index.js';
import { base64Chunks } from '../dist/dashboard/write.js';
import type { DashboardModel } from '../dist/dashboard/model.js';
import { makeCompanyId } from '../dist/declaration/company-id.js';
import { makeInss } from '../dist/declaration/inss.js';
import { openLedger } from '../dist/ledger/database.js';
import { BIN, ROOT, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.remove());

function fla(args: readonly string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** The model embedded in a written dashboard: the base64 between the fla-data script tags, gunzipped. */
function readModel(path: string): DashboardModel {
  const html = readFileSync(path, 'utf8');
  // model.ts: the data sits in <script id="fla-data" type="application/octet-stream">; the page half owns the rest.
  const match = /<script id="fla-data"[^>]*>([A-Za-z0-9+/=]*)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(gunzipSync(Buffer.from(match![1]!, 'base64')).toString('utf8')) as DashboardModel;
}

// ---- a hand-made ledger whose tiles are known ----------------------------------------------------

const COMPANY = makeCompanyId(4_031_707);
const W = [makeInss(85, 7, 30, 33, 1900), makeInss(90, 1, 15, 101, 1900), makeInss(78, 3, 2, 201, 1900), makeInss(95, 11, 20, 301, 1900)] as const;

interface PersonXml {
  readonly inss: string;
  readonly name: string;
  readonly employments: ReadonlyArray<{ start: string; end?: string; q?: string }>;
  readonly rights?: ReadonlyArray<{ year: number; type: string; hours: string }>;
  readonly trainings?: readonly string[];
}

function training(seq: number, ref: string, action: string, start: string, end: string, hours: string, extra = ''): string {
  return `<Training><TrainingSequenceNbr>${seq}</TrainingSequenceNbr><TrainingUserReference>${ref}</TrainingUserReference><Action>${action}</Action>
    <Title>Course ${ref}</Title><Kind>FORMAL</Kind><StartingDate>${start}</StartingDate><EndingDate>${end}</EndingDate><Hours>${hours}</Hours>
    <Attended>true</Attended><CountsForFla>true</CountsForFla>${extra}</Training>`;
}

const cancel = (seq: number, ref: string): string => `<Training><TrainingSequenceNbr>${seq}</TrainingSequenceNbr><TrainingUserReference>${ref}</TrainingUserReference><Action>CANCEL</Action></Training>`;

function declaration(reference: string, created: string, persons: readonly PersonXml[]): string {
  const people = persons
    .map(
      (p, i) => `<NaturalPerson><NaturalPersonSequenceNbr>${i + 1}</NaturalPersonSequenceNbr><INSS>${p.inss}</INSS><WorkerName>${p.name}</WorkerName><WorkerFirstName>X</WorkerFirstName>
      ${p.employments.map((e, k) => `<Employment><EmploymentSequenceNbr>${k + 1}</EmploymentSequenceNbr><StartingDate>${e.start}</StartingDate>${e.end === undefined ? '' : `<EndingDate>${e.end}</EndingDate>`}<JointCommissionNbr>200</JointCommissionNbr><MeanWorkingHours>${e.q ?? '38.00'}</MeanWorkingHours><RefMeanWorkingHours>38.00</RefMeanWorkingHours></Employment>`).join('')}
      ${(p.rights ?? []).map((r) => `<TrainingRight><Year>${r.year}</Year><RightType>${r.type}</RightType><Hours>${r.hours}</Hours></TrainingRight>`).join('')}
      ${(p.trainings ?? []).join('')}</NaturalPerson>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<FLADeclarations xmlns="urn:be:fla:declaration:v1" version="1"><Form><Identification>FLAD</Identification><FormCreationDate>${created}</FormCreationDate><FormCreationHour>09:30:00</FormCreationHour><TypeForm>SU</TypeForm>
<Reference><ReferenceNbr>${reference}</ReferenceNbr></Reference><EmployerDeclaration><Quarter>20261</Quarter><CompanyID>${COMPANY}</CompanyID><WorkforceSize>42.00</WorkforceSize>
${people}
</EmployerDeclaration></Form></FLADeclarations>
`;
}

/** Four workers; see the expectations of the tiles test for what each one shows. */
function handMadeFiles(): string[] {
  const w4 = (trainings: string[]): PersonXml => ({ inss: W[3], name: 'Dubois', employments: [{ start: '2021-03-01' }], trainings });
  const files = [
    declaration('HAND-1', '2026-04-20', [
      // At the entitlement (38 h), a certificate that expires within 90 days of the as-of date.
      { inss: W[0], name: 'Aerts', employments: [{ start: '2019-09-01' }], rights: [{ year: 2026, type: 'LEGAL', hours: '38.00' }], trainings: [training(1, 'T1', 'CREATE', '2026-02-10', '2026-02-11', '15.20', '<Certificate><Obtained>true</Obtained><ValidUntil>2026-06-30</ValidUntil></Certificate>')] },
      // Employed until 2026-06-30 (entitlement 19 h for 6 months), 10 h declared, no training.
      { inss: W[1], name: 'Bosmans', employments: [{ start: '2025-01-01', end: '2026-06-30' }], rights: [{ year: 2026, type: 'LEGAL', hours: '10.00' }] },
      // A right for 2025 only, a 50-hour training of December 2025 declared late: 12 h uncovered.
      { inss: W[2], name: 'Claes', employments: [{ start: '2020-01-01' }], rights: [{ year: 2025, type: 'LEGAL', hours: '38.00' }], trainings: [training(1, 'T3', 'CREATE', '2025-12-01', '2025-12-15', '50.00')] },
      w4([training(1, 'T4', 'CREATE', '2026-01-10', '2026-01-12', '8.00')]),
    ]),
    declaration('HAND-2', '2026-04-25', [w4([training(1, 'T4', 'REPLACE', '2026-01-10', '2026-01-12', '10.00')])]),
    declaration('HAND-3', '2026-04-28', [w4([cancel(1, 'T4')])]),
  ];
  return files.map((xml, i) => {
    const path = join(dir.path, `hand-${i + 1}.xml`);
    writeFileSync(path, xml);
    return path;
  });
}

const OPTIONS = { companyId: COMPANY, window: 2024, asOf: '2026-05-01', lang: 'en', generatedAt: '2026-05-01T08:00:00.000Z' } as const;

describe('the dashboard model of a hand-made ledger', () => {
  const ledger = join(dir.path, 'hand.sqlite');
  let model: DashboardModel;

  beforeAll(() => {
    const run = fla(['process', ...handMadeFiles(), '--db', ledger, '--out', join(dir.path, 'hand-answers'), '--format', 'json']);
    const report = JSON.parse(run.stdout) as { files: Array<{ status: string; findings: Array<{ code: string; severity: string }> }> };
    // Warnings only (the late training, the right under the entitlement): every record was applied.
    expect(report.files.flatMap((f) => f.findings.filter((x) => x.severity === 'B'))).toEqual([]);
    const db = openLedger(ledger, { readonly: true });
    model = buildModel(db, OPTIONS);
    db.close();
  });

  it('lists the workers in the order of fla counters, with their employment periods', () => {
    expect(model.workers.map((w) => w.name)).toEqual(['Aerts', 'Bosmans', 'Claes', 'Dubois']);
    expect(model.workers[1]!.employment).toEqual([{ start: '2025-01-01', end: '2026-06-30' }]);
    expect(model.workers[0]!.employment).toEqual([{ start: '2019-09-01', end: null }]);
    expect(model.workers[2]!.uncovered).toBe(1200);
  });

  it('computes every tile from the known answers', () => {
    const tiles = Object.fromEntries(model.tiles.map((t) => [t.id, { kind: t.kind, value: t.value, total: t.total, inss: t.inss }]));
    expect(tiles).toEqual({
      'legal-right-declared': { kind: 'progress', value: 2, total: 4, inss: [W[2], W[3]] },
      'training-in-window': { kind: 'progress', value: 2, total: 4, inss: [W[1], W[3]] },
      'legal-credit-used': { kind: 'progress', value: 1, total: 3, inss: [W[0], W[1]] },
      'rights-at-entitlement': { kind: 'progress', value: 1, total: 2, inss: [W[1]] },
      'uncovered-hours': { kind: 'warning', value: 1, total: undefined, inss: [W[2]] },
      'certificates-expiring': { kind: 'warning', value: 1, total: undefined, inss: ['T1'] },
      'trainings-late': { kind: 'warning', value: 1, total: undefined, inss: ['T3'] },
      'employment-ending-with-credit': { kind: 'warning', value: 1, total: undefined, inss: [W[1]] },
      'rights-missing': { kind: 'warning', value: 2, total: undefined, inss: [W[2], W[3]] },
      workers: { kind: 'info', value: 4, total: undefined, inss: [] },
      trainings: { kind: 'info', value: 2, total: undefined, inss: [] },
      'training-hours': { kind: 'info', value: 6520, total: undefined, inss: [] },
    });
  });

  it('keeps each training with its CREATE/REPLACE/CANCEL history, file by file', () => {
    const t4 = model.trainings.find((t) => t.reference === 'T4')!;
    expect(t4.cancelled).toBe(true);
    expect(t4.history.map((h) => [h.action, h.fileName])).toEqual([
      ['CREATE', 'hand-1.xml'],
      ['REPLACE', 'hand-2.xml'],
      ['CANCEL', 'hand-3.xml'],
    ]);
    expect(t4.history.every((h) => /^FLA-/.test(h.ticket) && /^\d{4}-\d{2}-\d{2}T/.test(h.processedAt))).toBe(true);
    const t1 = model.trainings.find((t) => t.reference === 'T1')!;
    expect(t1).toMatchObject({ title: 'Course T1', startDay: '2026-02-10', endDay: '2026-02-11', year: 2026, hours: 1520, late: false, certificateValidUntil: '2026-06-30', cancelled: false });
  });

  it('averages the hours per worker by quarter and year, per right type as allocated', () => {
    const point = (series: DashboardModel['yearly'], period: string, type: string) => series.find((p) => p.period === period && p.type === type)?.average;
    // Claes: 38 of 50 h on LEGAL in 2025-Q4; Aerts 15.20 h in 2026-Q1; four workers.
    expect(point(model.yearly, '2025', 'LEGAL')).toBe(950);
    expect(point(model.yearly, '2026', 'LEGAL')).toBe(380);
    expect(point(model.quarterly, '2025-Q4', 'LEGAL')).toBe(950);
    expect(point(model.quarterly, '2026-Q1', 'LEGAL')).toBe(380);
    expect(point(model.quarterly, '2026-Q2', 'LEGAL')).toBe(0);
    // From the window's first quarter to the as-of quarter, every type.
    expect(model.quarterly.length).toBe(10 * 3);
    expect(model.yearly.map((p) => p.period)).toEqual(['2024', '2024', '2024', '2025', '2025', '2025', '2026', '2026', '2026']);
  });

  it('shows what an older ledger holds after migrating it: periods, certificates, lateness and entitlements unknown', () => {
    const old = join(dir.path, 'old.sqlite');
    const run = fla(['process', ...handMadeFiles(), '--db', old, '--out', join(dir.path, 'old-answers')]);
    expect(run.status).toBe(0);
    // What a version-8 ledger held: the same rows without migration 9's table and columns.
    const db = new Database(old);
    db.exec(`DROP TABLE employments; ALTER TABLE training_versions DROP COLUMN certificate_valid_until; ALTER TABLE training_versions DROP COLUMN late;
      ALTER TABLE right_versions DROP COLUMN entitlement; PRAGMA user_version = 8;`);
    db.close();
    const out = join(dir.path, 'old.html');
    const report = fla(['report', '--db', old, '--company', COMPANY, '--window', '2024', '--as-of', OPTIONS.asOf, '--out', out]);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    const migrated = readModel(out);
    expect(migrated.workers.map((w) => [w.inss, w.types, w.years, w.uncovered])).toEqual(model.workers.map((w) => [w.inss, w.types, w.years, w.uncovered]));
    expect(migrated.workers.every((w) => w.employment.length === 0)).toBe(true);
    expect(migrated.trainings.every((t) => t.certificateValidUntil === null && t.late === false)).toBe(true);
    const tile = (id: string) => migrated.tiles.find((t) => t.id === id)!;
    expect([tile('rights-at-entitlement').total, tile('employment-ending-with-credit').value, tile('rights-missing').value, tile('trainings-late').value]).toEqual([0, 0, 0, 0]);
    expect(tile('legal-right-declared')).toEqual(model.tiles.find((t) => t.id === 'legal-right-declared'));
    // Applying a file afterwards fills the new table as usual.
    const reopened = new Database(old, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(9);
    reopened.close();
  });
});

describe('migration 9 in fla process', () => {
  it('stores employment periods, certificates and lateness in the file\'s transaction, and nothing for a test file', () => {
    const ledger = join(dir.path, 'm9.sqlite');
    const [first] = handMadeFiles();
    expect(fla(['process', first!, '--db', ledger, '--env', 'T', '--out', join(dir.path, 'm9-t'), '--quiet']).status).toBe(0);
    const count = (sql: string) => {
      const db = new Database(ledger, { readonly: true });
      try {
        return db.prepare(sql).all();
      } finally {
        db.close();
      }
    };
    expect(count('SELECT * FROM employments')).toEqual([]);
    expect(fla(['process', first!, '--db', ledger, '--out', join(dir.path, 'm9-r'), '--quiet']).status).toBe(0);
    expect(count(`SELECT inss, end_day, mean_hours FROM employments WHERE inss = '${W[1]}'`)).toEqual([{ inss: W[1], end_day: 20634, mean_hours: 3800 }]);
    expect(count(`SELECT user_reference, certificate_valid_until, late FROM training_versions ORDER BY user_reference`)).toEqual([
      { user_reference: 'T1', certificate_valid_until: 20634, late: 0 },
      { user_reference: 'T3', certificate_valid_until: null, late: 1 },
      { user_reference: 'T4', certificate_valid_until: null, late: 0 },
    ]);
    expect(count(`SELECT inss, year, hours, entitlement FROM right_versions ORDER BY inss, year`)).toEqual(
      expect.arrayContaining([
        { inss: W[0], year: 2026, hours: 3800, entitlement: 3800 },
        { inss: W[1], year: 2026, hours: 1000, entitlement: 1900 },
      ]),
    );
    // The same period declared again with an end: one period, ended.
    const again = join(dir.path, 'm9-again.xml');
    writeFileSync(again, declaration('HAND-9', '2026-04-29', [{ inss: W[0], name: 'Aerts', employments: [{ start: '2019-09-01', end: '2026-12-31', q: '19.00' }] }]));
    expect(fla(['process', again, '--db', ledger, '--out', join(dir.path, 'm9-r'), '--quiet']).status).toBeLessThan(2);
    expect(count(`SELECT start_day, end_day, mean_hours FROM employments WHERE inss = '${W[0]}'`)).toEqual([{ start_day: 18140, end_day: 20818, mean_hours: 1900 }]);
    // Two periods of one person with one start day: the later one, and no failed insert.
    const twice = join(dir.path, 'm9-twice.xml');
    writeFileSync(twice, declaration('HAND-10', '2026-04-30', [{ inss: W[2], name: 'Claes', employments: [{ start: '2020-01-01', end: '2026-08-31' }, { start: '2020-01-01', q: '30.00' }] }]));
    expect(fla(['process', twice, '--db', ledger, '--out', join(dir.path, 'm9-r'), '--quiet']).status).toBeLessThan(2);
    expect(count(`SELECT start_day, end_day, mean_hours FROM employments WHERE inss = '${W[2]}'`)).toEqual([{ start_day: 18262, end_day: null, mean_hours: 3000 }]);
  });
});

// ---- the figures equal fla counters --format json for every worker ------------------------------

describe('the dashboard model of generated quarters', () => {
  const ledger = join(dir.path, 'generated.sqlite');
  const companies: string[] = [];

  beforeAll(() => {
    for (const quarter of ['20261', '20262']) {
      const file = join(dir.path, `generated-${quarter}.xml`);
      expect(fla(['generate', '--persons', '3000', '--seed', '11', '--anomalies', '0.02', '--quarter', quarter, '--out', file]).status).toBe(0);
      expect(fla(['process', file, '--db', ledger, '--out', join(dir.path, 'generated-answers'), '--quiet']).status).toBeLessThan(2);
    }
    const db = new Database(ledger, { readonly: true });
    companies.push(...(db.prepare(`SELECT DISTINCT company_id FROM forms ORDER BY company_id`).pluck().all() as string[]));
    db.close();
  }, 120_000);

  it('has the figures of fla counters --format json for every worker of every employer', () => {
    const counters = JSON.parse(fla(['counters', '--db', ledger, '--window', '2024', '--format', 'json']).stdout) as {
      counters: Array<{ CompanyID: string; INSS: string; types: unknown; years: unknown; uncovered: number }>;
    };
    const h = (n: number) => Math.round(n) / 100;
    const db = openLedger(ledger, { readonly: true });
    const fromModel = companies.flatMap((companyId) =>
      buildModel(db, { ...OPTIONS, companyId }).workers.map((w) => ({
        CompanyID: companyId,
        INSS: w.inss,
        types: Object.fromEntries(Object.entries(w.types).map(([t, f]) => [t, { granted: h(f.granted), used: h(f.used), remaining: h(f.remaining) }])),
        years: Object.fromEntries(Object.entries(w.years).map(([y, types]) => [y, Object.fromEntries(Object.entries(types).map(([t, f]) => [t, { granted: h(f!.granted), used: h(f!.used) }]))])),
        uncovered: h(w.uncovered),
      })),
    );
    db.close();
    expect(counters.counters.length).toBeGreaterThan(2500);
    expect(fromModel).toEqual(counters.counters.map(({ CompanyID, INSS, types, years, uncovered }) => ({ CompanyID, INSS, types, years, uncovered })));
  });

  it('has yearly averages that are the counters per-year used hours over the workers', () => {
    const db = openLedger(ledger, { readonly: true });
    const model = buildModel(db, { ...OPTIONS, companyId: companies[0]! });
    db.close();
    for (const type of ['LEGAL', 'SECTOR', 'EMPLOYER'] as const) {
      const used = model.workers.reduce((sum, w) => sum + (w.years['2026']?.[type]?.used ?? 0), 0);
      expect(model.yearly.find((p) => p.period === '2026' && p.type === type)!.average).toBe(Math.round(used / model.workers.length));
      const quarters = model.quarterly.filter((p) => p.period.startsWith('2026-') && p.type === type).reduce((sum, p) => sum + p.average, 0);
      expect(Math.abs(quarters - Math.round(used / model.workers.length))).toBeLessThanOrEqual(2);
    }
  });

  it('writes one file per mandated employer and an index with --sender', () => {
    expect(fla(['mandates', 'add', '--sender', '012345', '--company', companies[0]!, '--db', ledger]).status).toBe(0);
    expect(fla(['mandates', 'add', '--sender', '012345', '--company', companies[1]!, '--db', ledger, '--until', '2025-12-31']).status).toBe(0);
    expect(fla(['mandates', 'add', '--sender', '012345', '--company', companies[2]!, '--db', ledger]).status).toBe(0);
    const out = join(dir.path, 'sender');
    const run = fla(['report', '--db', ledger, '--sender', '012345', '--as-of', '2026-05-01', '--lang', 'fr', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The mandate that ended in 2025 is not held on the as-of date.
    expect(readdirSync(out).sort()).toEqual([`${companies[0]}.html`, `${companies[2]}.html`, 'index.html'].sort());
    // The index's markup is the page half's (indexPage): it links each employer's file.
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain(`href="${companies[0]}.html"`);
    expect(index).toContain(`href="${companies[2]}.html"`);
    const model = readModel(join(out, `${companies[2]}.html`));
    expect(model).toMatchObject({ companyId: companies[2], lang: 'fr', window: 2024, asOf: '2026-05-01' });
    expect(run.stdout).toContain(`${companies[2]}, window 2024-2028, ${model.workers.length} workers`);
  });
});

// ---- the written file and the command ------------------------------------------------------------

describe('fla report', () => {
  const ledger = join(dir.path, 'samples.sqlite');
  beforeAll(() => {
    fla(['process', 'samples/*.xml', '--db', ledger, '--out', join(dir.path, 'samples-answers'), '--quiet']);
  });

  it('writes a page whose data decodes to the model, and nothing beside it', () => {
    const out = join(dir.path, 'samples', 'r.html');
    const folder = join(dir.path, 'samples');
    mkdirSync(folder, { recursive: true });
    const run = fla(['report', '--db', ledger, '--company', '0403170701', '--window', '2024-2028', '--as-of', '2026-05-01', '--lang', 'nl', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const model = readModel(out);
    expect(model).toMatchObject({ companyId: '0403170701', lang: 'nl', window: 2024, asOf: '2026-05-01', companyName: null });
    expect(model.workers.map((w) => w.inss)).toEqual(['85073003328']);
    const db = openLedger(ledger, { readonly: true });
    const expected = buildModel(db, { ...OPTIONS, companyId: '0403170701', lang: 'nl', generatedAt: model.generatedAt });
    db.close();
    expect(model).toEqual(expected);
    expect(readdirSync(folder)).toEqual(['r.html']);
  });

  it('shows the window of the as-of date by default, and the first window for a date before it', () => {
    for (const [asOf, window] of [['2029-03-01', 2029], ['2023-12-31', 2024], ['2026-05-01', 2024]] as const) {
      const out = join(dir.path, `default-${asOf}.html`);
      expect(fla(['report', '--db', ledger, '--company', '0403170701', '--as-of', asOf, '--out', out]).status).toBe(0);
      expect(readModel(out).window).toBe(window);
    }
  });

  it('base64-encodes a stream cut anywhere exactly as the whole', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 37) % 256));
    for (const cut of [1, 2, 4, 5, 7, 64, 999]) {
      async function* pieces() {
        for (let i = 0; i < bytes.length; i += cut) yield bytes.subarray(i, i + cut);
      }
      let text = '';
      for await (const s of base64Chunks(pieces())) text += s;
      expect(text).toBe(bytes.toString('base64'));
    }
  });

  it.each([
    [['--company', '0403170701', '--out', 'x.html', '--db', 'missing.sqlite'], 'FLA_ERR_DB', /there is no ledger at missing\.sqlite/],
    [['--company', '0403170701', '--out', 'x.html', '--db', 'package.json'], 'FLA_ERR_DB', /not an SQLite ledger/],
    [['--company', '0123456749', '--out', 'x.html'], 'FLA_ERR_USAGE', /holds no declaration for employer 0123456749/],
    [['--company', '12345', '--out', 'x.html'], 'FLA_ERR_USAGE', /--company must be an enterprise number/],
    [['--out', 'x.html'], 'FLA_ERR_USAGE', /one of --company ID .* or --sender S/],
    [['--company', '0403170701', '--sender', '012345', '--out', 'x.html'], 'FLA_ERR_USAGE', /one of --company/],
    [['--company', '0403170701'], 'FLA_ERR_USAGE', /needs --out FILE\.html/],
    [['--company', '0403170701', '--out', 'x.html', '--as-of', '2026-02-30'], 'FLA_ERR_USAGE', /--as-of must be a date/],
    [['--company', '0403170701', '--out', 'x.html', '--window', '2025'], 'FLA_ERR_USAGE', /--window must be a five-year window/],
    [['--company', '0403170701', '--out', 'x.html', '--lang', 'de'], 'FLA_ERR_USAGE', /--lang/],
    [['--sender', '999999', '--out', 'dir'], 'FLA_ERR_USAGE', /sender 999999 holds no mandate/],
  ])('refuses %j with %s, exit 2, one line, no file', (args, code, message) => {
    const cwdArgs = args.map((a) => (a === 'x.html' || a === 'dir' ? join(dir.path, `err-${a}`) : a));
    const withDb = cwdArgs.includes('--db') ? cwdArgs : [...cwdArgs, '--db', ledger];
    const run = fla(['report', ...withDb]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^fla: ${code}: `));
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir.path, 'err-x.html'))).toBe(false);
  });

  it('leaves the previous file when it cannot write the new one', () => {
    const out = join(dir.path, 'no-such-folder', 'r.html');
    const run = fla(['report', '--db', ledger, '--company', '0403170701', '--as-of', '2026-05-01', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^fla: FLA_ERR_WRITE: cannot write /);
  });
});
