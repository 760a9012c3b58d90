// The answers stage (ACK.md): every answer produced here is validated against xsd/fla-ack-v1.xsd
// with xmllint, and parsed back to check that what went in comes out.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import libxmljs from 'libxmljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerPaths,
  formatTimestamp,
  hours,
  isTicket,
  newTicket,
  writeAnswerFile,
  writeAnswerFileSync,
  writeNotification,
  writeReceipt,
  type FormOutcome,
  type NotificationInput,
  type ReceiptInput,
} from '../dist/answers/index.js';
import type { Finding } from '../dist/findings.js';
import { ROOT, tempDir } from './helpers.js';

const XSD = join(ROOT, 'xsd', 'fla-ack-v1.xsd');
const NS = { a: 'urn:be:fla:ack:v1' };
const SHA = 'ab'.repeat(32);
const dir = tempDir();
afterAll(() => dir.remove());

let seq = 0;
/** Validates with xmllint (no network) and returns the parsed document. */
function valid(xml: string): libxmljs.Document {
  const file = join(dir.path, `answer-${++seq}.xml`);
  writeFileSync(file, xml, 'utf8');
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--huge', '--schema', XSD, file], { encoding: 'utf8' });
  if (run.error !== undefined) throw new Error(`xmllint could not run (${run.error.message}); install it: apt-get install libxml2-utils`);
  expect(run.status, `${run.stderr}\n${xml.slice(0, 4000)}`).toBe(0);
  return libxmljs.parseXml(xml, { huge: true });
}

const texts = (doc: libxmljs.Document, xpath: string): string[] => doc.find<libxmljs.Element>(xpath, NS).map((e) => e.text());
const text = (doc: libxmljs.Document, xpath: string): string | undefined => texts(doc, xpath)[0];
const attr = (doc: libxmljs.Document, xpath: string): string | undefined => (doc.find(xpath, NS) as unknown as { value(): string }[])[0]?.value();

beforeAll(() => {
  const run = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (run.error !== undefined) throw new Error('xmllint is missing: apt-get install libxml2-utils');
});

function finding(partial: Partial<Finding> & Pick<Finding, 'code'>): Finding {
  return { severity: 'B', scope: 'FILE', layer: 'receipt', messageId: 'schema', data: { detail: 'x', element: 'y' }, ...partial };
}

const base = { ticket: 'FLA-20250102T030405678Z-000000-0a1b2c3d', fileName: 'FI.DECL.12345.20250102.00001.R', environment: 'R' as const };
const receivedAt = new Date('2025-01-02T03:04:05.678Z');

function receipt(extra: Partial<ReceiptInput> & Pick<ReceiptInput, 'report'>): string {
  return writeReceipt({ ...base, receivedAt, utcOffsetMinutes: 60, ...extra });
}

describe('receipt (ACRF)', () => {
  it('positive receipt', () => {
    const doc = valid(receipt({ report: { sha256: SHA, findings: [], omitted: {}, layers: { receipt: 'passed' } } }));
    expect(doc.root()!.name()).toBe('ACRF');
    expect(text(doc, '/a:ACRF/a:Ticket')).toBe(base.ticket);
    expect(text(doc, '/a:ACRF/a:FileName')).toBe(base.fileName);
    expect(text(doc, '/a:ACRF/a:Sha256')).toBe(SHA);
    expect(text(doc, '/a:ACRF/a:ReceivedAt')).toBe('2025-01-02T04:04:05.678+01:00');
    expect(text(doc, '/a:ACRF/a:Environment')).toBe('R');
    expect(attr(doc, '/a:ACRF/a:Processor/@ruleSet')).toBe('fla-2024');
    expect(attr(doc, '/a:ACRF/a:Processor/@version')).toMatch(/^\d+\.\d+\.\d+/);
    expect(text(doc, '/a:ACRF/a:ResultCode')).toBe('1');
    expect(doc.find('//a:Anomaly', NS)).toHaveLength(0);
    expect(doc.find('//a:Omitted', NS)).toHaveLength(0);
  });

  it('negative receipt with its findings, positions beyond 65535 and omitted counts of receipt codes only', () => {
    const findings = [
      finding({ code: 'ACRF-255', line: 70_000, column: 123_456, xpath: '/d:FLADeclarations/d:Form[2]/d:Quarter', value: '2025Q9', data: { detail: 'bad quarter', element: 'Quarter' } }),
      finding({ code: 'ACRF-255', line: 70_001, column: 1 }),
      finding({ code: '10020-006', layer: 'rules', severity: 'B', scope: 'PERSON', messageId: 'duplicate', data: { value: '1', firstLine: 3 } }),
    ];
    const doc = valid(receipt({ report: { sha256: SHA, findings, omitted: { 'ACRF-255': 9_990, '10020-006': 4 }, layers: { receipt: 'failed' } } }));
    expect(text(doc, '/a:ACRF/a:ResultCode')).toBe('0');
    expect(doc.find('/a:ACRF/a:Anomaly', NS)).toHaveLength(2);
    expect(attr(doc, '/a:ACRF/a:Anomaly[1]/@code')).toBe('ACRF-255');
    expect(attr(doc, '/a:ACRF/a:Anomaly[1]/@severity')).toBe('B');
    expect(attr(doc, '/a:ACRF/a:Anomaly[1]/@scope')).toBe('FILE');
    expect(attr(doc, '/a:ACRF/a:Anomaly[1]/a:Location/@line')).toBe('70000');
    expect(attr(doc, '/a:ACRF/a:Anomaly[1]/a:Location/@column')).toBe('123456');
    expect(attr(doc, '/a:ACRF/a:Anomaly[1]/a:Location/@xpath')).toBe('/d:FLADeclarations/d:Form[2]/d:Quarter');
    expect(text(doc, '/a:ACRF/a:Anomaly[1]/a:Value')).toBe('2025Q9');
    expect(doc.find('/a:ACRF/a:Anomaly[2]/a:Value', NS)).toHaveLength(0);
    expect(attr(doc, '/a:ACRF/a:Omitted/@total')).toBe('9990');
    expect(doc.find('/a:ACRF/a:Omitted/a:Code', NS)).toHaveLength(1);
    expect(attr(doc, '/a:ACRF/a:Omitted/a:Code/@code')).toBe('ACRF-255');
    expect(attr(doc, '/a:ACRF/a:Omitted/a:Code/@count')).toBe('9990');
  });

  it('a receipt-layer B finding makes it negative even without layers; resultCode can be forced', () => {
    const doc = valid(receipt({ report: { sha256: SHA, findings: [finding({ code: 'ACRF-133', messageId: 'duplicate', data: { ticket: 'T' } })] } }));
    expect(text(doc, '/a:ACRF/a:ResultCode')).toBe('0');
    expect(text(valid(receipt({ report: { sha256: SHA, findings: [] }, resultCode: 0 })), '/a:ACRF/a:ResultCode')).toBe('0');
  });

  it('labels in nl, fr and en by default, with xml:lang; other languages on request', () => {
    const doc = valid(receipt({ report: { sha256: SHA, findings: [finding({ code: 'ACRF-255', data: { detail: 'D', element: 'E' } })], layers: { receipt: 'failed' } } }));
    const langs = doc.find('/a:ACRF/a:Anomaly/a:Label/@xml:lang', NS) as unknown as { value(): string }[];
    expect(langs.map((a) => a.value())).toEqual(['nl', 'fr', 'en']);
    const labels = texts(doc, '/a:ACRF/a:Anomaly/a:Label');
    expect(new Set(labels).size).toBe(3);
    for (const label of labels) expect(label).toContain('D');
    expect(labels[0]).toMatch(/Niet geldig/);
    // every Label carries xml:lang (the schema admits it, the writer guarantees it)
    expect(doc.find('//a:Label[not(@xml:lang)]', NS)).toHaveLength(0);
    const en = valid(receipt({ languages: ['en'], report: { sha256: SHA, findings: [finding({ code: 'ACRF-255' })], layers: { receipt: 'failed' } } }));
    expect(texts(en, '//a:Label')).toHaveLength(1);
  });

  it('refuses programming errors instead of writing an invalid answer', () => {
    expect(() => receipt({ report: { sha256: 'XYZ', findings: [] } })).toThrow(/sha256/);
    expect(() => receipt({ ticket: 'has space', report: { sha256: SHA, findings: [] } })).toThrow(/ticket/);
  });
});

// A file with three forms: form 1 clean (one person with counters), form 2 partly rejected, form 3 rejected.
const FORM = (n: number, rest = ''): string => `/d:FLADeclarations/d:Form[${n}]${rest}`;
const PERSON = (n: number, m: number, rest = ''): string => FORM(n, `/d:EmployerDeclaration/d:NaturalPerson[${m}]${rest}`);

const counters = [
  {
    windowStart: 2024,
    windowEnd: 2028,
    rights: [
      { rightType: 'SECTOR' as const, before: { granted: 0, used: 0, remaining: 0 }, after: { granted: 7.6, used: 7.6, remaining: 0 } },
      { rightType: 'LEGAL' as const, before: { granted: 38, used: 30, remaining: 8 }, after: { granted: 76, used: 76, remaining: 0 } },
    ],
    uncovered: { before: 0, after: 26.4 },
  },
];

const forms: FormOutcome[] = [
  { position: 3, referenceNbr: 'REF-3', companyId: '0123456789', quarter: '20251', rejected: true, personsReceived: 1, personsRejected: 1 },
  {
    position: 2,
    referenceNbr: 'REF-2',
    companyId: '0987654321',
    quarter: '20251',
    rejected: false,
    personsReceived: 3,
    personsRejected: 1,
    persons: [
      { position: 1, sequenceNbr: '1', inss: '85073003328', rejected: true },
      { position: 3, sequenceNbr: '3', inss: '90010100123', rejected: false },
    ],
  },
  {
    position: 1,
    referenceNbr: 'REF-1',
    companyId: '0123456789',
    quarter: '20251',
    rejected: false,
    personsReceived: 2,
    personsRejected: 0,
    persons: [{ position: 2, sequenceNbr: '2', inss: '85073003328', rejected: false, counters }],
  },
];

const notiFindings: Finding[] = [
  finding({ code: '10020-006', layer: 'rules', scope: 'PERSON', messageId: 'duplicate', data: { value: '1', firstLine: 3 }, line: 40, column: 7, xpath: PERSON(2, 1, '/d:NaturalPersonSequenceNbr'), keys: { CompanyID: '0987654321', NaturalPersonSequenceNbr: 1, INSS: '85073003328' }, value: '1' }),
  finding({ code: '10066-245', layer: 'ledger', severity: 'W', scope: 'RECORD', messageId: 'uncovered', data: { reference: 'T-1', uncovered: '6.40' }, xpath: PERSON(2, 3, '/d:Training[1]'), keys: { CompanyID: '0987654321', INSS: '90010100123', TrainingUserReference: 'T-1' } }),
  finding({ code: '10005-006', layer: 'ledger', severity: 'B', scope: 'FORM', messageId: 'duplicate', data: { value: 'REF-3' }, xpath: FORM(3, '/d:ReferenceNbr'), value: 'REF-3' }),
  // no XPath: placed by its keys (CompanyID unique to form 2, INSS of its third person)
  finding({ code: '10032-014', layer: 'rules', severity: 'W', scope: 'RECORD', messageId: 'endBeforeStart', data: { value: '2025-01-01', start: '2025-02-01' }, keys: { CompanyID: '0987654321', INSS: '90010100123' } }),
  // no XPath and no keys: file level
  finding({ code: '10005-006', layer: 'ledger', severity: 'I', scope: 'FILE', messageId: 'duplicate', data: { value: 'x' } }),
];

function notification(extra: Partial<NotificationInput> = {}): string {
  return writeNotification({
    ...base,
    processedAt: new Date('2025-07-01T12:00:00Z'),
    utcOffsetMinutes: 120,
    report: {
      sha256: SHA,
      status: 'PARTIALLY_ACCEPTED',
      findings: notiFindings,
      omitted: { '10066-245': 12, '10020-006': 3 },
      counts: { B: 5, W: 14, I: 1 },
      totals: {
        forms: { received: 3, accepted: 2, rejected: 1 },
        persons: { received: 6, accepted: 4, rejected: 2 },
        rights: { received: 5, accepted: 4, rejected: 1 },
        trainings: { received: 7, accepted: 6, rejected: 1 },
      },
    },
    forms,
    ...extra,
  });
}

describe('notification (NOTIFICATION)', () => {
  let doc: libxmljs.Document;
  beforeAll(() => {
    doc = valid(notification());
  });

  it('identification, status, totals and omitted counts', () => {
    expect(doc.root()!.name()).toBe('NOTIFICATION');
    expect(text(doc, '/a:NOTIFICATION/a:Ticket')).toBe(base.ticket);
    expect(text(doc, '/a:NOTIFICATION/a:ProcessedAt')).toBe('2025-07-01T14:00:00.000+02:00');
    expect(text(doc, '/a:NOTIFICATION/a:Status')).toBe('PARTIALLY_ACCEPTED');
    expect(attr(doc, '/a:NOTIFICATION/a:Totals/a:Persons/@rejected')).toBe('2');
    expect(attr(doc, '/a:NOTIFICATION/a:Totals/a:Trainings/@received')).toBe('7');
    expect(attr(doc, '/a:NOTIFICATION/a:Totals/a:Findings/@W')).toBe('14');
    expect(attr(doc, '/a:NOTIFICATION/a:Omitted/@total')).toBe('15');
    expect((doc.find('/a:NOTIFICATION/a:Omitted/a:Code/@code', NS) as unknown as { value(): string }[]).map((a) => a.value())).toEqual(['10020-006', '10066-245']);
  });

  it('forms in file order with their header and result code', () => {
    expect((doc.find('/a:NOTIFICATION/a:Form/@position', NS) as unknown as { value(): string }[]).map((a) => a.value())).toEqual(['1', '2', '3']);
    expect(texts(doc, '/a:NOTIFICATION/a:Form/a:ReferenceNbr')).toEqual(['REF-1', 'REF-2', 'REF-3']);
    expect(texts(doc, '/a:NOTIFICATION/a:Form/a:CompanyID')).toEqual(['0123456789', '0987654321', '0123456789']);
    expect(texts(doc, '/a:NOTIFICATION/a:Form/a:Quarter')).toEqual(['20251', '20251', '20251']);
    expect(texts(doc, '/a:NOTIFICATION/a:Form/a:ResultCode')).toEqual(['1', '2', '0']);
  });

  it('findings grouped per file, form and person; rejected person and warnings', () => {
    expect((doc.find('/a:NOTIFICATION/a:Anomaly/@code', NS) as unknown as { value(): string }[]).map((a) => a.value())).toEqual(['10005-006']);
    expect(attr(doc, '/a:NOTIFICATION/a:Form[3]/a:Anomaly/@code')).toBe('10005-006');
    expect(text(doc, '/a:NOTIFICATION/a:Form[3]/a:Anomaly/a:Value')).toBe('REF-3');
    const form2 = '/a:NOTIFICATION/a:Form[@position="2"]';
    expect(texts(doc, `${form2}/a:Person/a:NaturalPersonSequenceNbr`)).toEqual(['1', '3']);
    expect(texts(doc, `${form2}/a:Person/a:ResultCode`)).toEqual(['0', '1']);
    expect(attr(doc, `${form2}/a:Person[1]/a:Anomaly/@code`)).toBe('10020-006');
    expect(attr(doc, `${form2}/a:Person[1]/a:Anomaly/a:Location/@line`)).toBe('40');
    expect(text(doc, `${form2}/a:Person[1]/a:Anomaly/a:Keys/a:NaturalPersonSequenceNbr`)).toBe('1');
    expect(text(doc, `${form2}/a:Person[1]/a:Anomaly/a:Keys/a:INSS`)).toBe('85073003328');
    expect((doc.find(`${form2}/a:Person[2]/a:Anomaly/@code`, NS) as unknown as { value(): string }[]).map((a) => a.value())).toEqual(['10066-245', '10032-014']);
    expect((doc.find(`${form2}/a:Person[2]/a:Anomaly/@severity`, NS) as unknown as { value(): string }[]).map((a) => a.value())).toEqual(['W', 'W']);
    expect(text(doc, `${form2}/a:Person[2]/a:Anomaly[1]/a:Keys/a:TrainingUserReference`)).toBe('T-1');
    // a person of a rejected form is rejected; form 3 lists no person (none had a finding or counters)
    expect(doc.find('/a:NOTIFICATION/a:Form[3]/a:Person', NS)).toHaveLength(0);
  });

  it('counters before and after, per window and right type, and the uncovered hours', () => {
    const c = '/a:NOTIFICATION/a:Form[1]/a:Person/a:Counters';
    expect(text(doc, '/a:NOTIFICATION/a:Form[1]/a:Person/a:ResultCode')).toBe('1');
    expect(attr(doc, `${c}/@windowStart`)).toBe('2024');
    expect(attr(doc, `${c}/@windowEnd`)).toBe('2028');
    expect((doc.find(`${c}/a:Right/@type`, NS) as unknown as { value(): string }[]).map((a) => a.value())).toEqual(['LEGAL', 'SECTOR']);
    expect(attr(doc, `${c}/a:Right[@type="LEGAL"]/a:Before/@granted`)).toBe('38.00');
    expect(attr(doc, `${c}/a:Right[@type="LEGAL"]/a:Before/@remaining`)).toBe('8.00');
    expect(attr(doc, `${c}/a:Right[@type="LEGAL"]/a:After/@used`)).toBe('76.00');
    expect(attr(doc, `${c}/a:Right[@type="SECTOR"]/a:After/@granted`)).toBe('7.60');
    expect(attr(doc, `${c}/a:Uncovered/@before`)).toBe('0.00');
    expect(attr(doc, `${c}/a:Uncovered/@after`)).toBe('26.40');
  });

  it('form result code 0 when all its persons are rejected; a finding on an unlisted form or person is still placed', () => {
    const d = valid(
      notification({
        report: {
          sha256: SHA,
          status: 'REJECTED',
          findings: [
            finding({ code: '10020-006', layer: 'rules', scope: 'PERSON', messageId: 'duplicate', data: { value: '1', firstLine: 3 }, xpath: PERSON(1, 1, '/d:INSS'), keys: { INSS: '1' } }),
            finding({ code: '10020-006', layer: 'rules', scope: 'PERSON', messageId: 'duplicate', data: { value: '1', firstLine: 3 }, xpath: PERSON(4, 2) }),
          ],
          omitted: {},
          counts: { B: 2, W: 0, I: 0 },
          totals: { forms: { received: 1, accepted: 0, rejected: 1 }, persons: { received: 1, accepted: 0, rejected: 1 }, rights: { received: 0, accepted: 0, rejected: 0 }, trainings: { received: 0, accepted: 0, rejected: 0 } },
        },
        forms: [{ position: 1, referenceNbr: 'R', companyId: 'C', quarter: 'Q', rejected: false, personsReceived: 1, personsRejected: 1, persons: [{ position: 1, inss: '1', rejected: true }] }],
      }),
    );
    expect(texts(d, '/a:NOTIFICATION/a:Form/a:ResultCode')).toEqual(['0', '0']);
    expect(attr(d, '/a:NOTIFICATION/a:Form[2]/@position')).toBe('4');
    expect(attr(d, '/a:NOTIFICATION/a:Form[2]/a:Person/@position')).toBe('2');
    expect(text(d, '/a:NOTIFICATION/a:Form[2]/a:Person/a:ResultCode')).toBe('0');
  });

  it('an accepted file: no anomalies, form result 1', () => {
    const d = valid(
      notification({
        report: {
          sha256: SHA,
          status: 'ACCEPTED',
          findings: [],
          omitted: {},
          counts: { B: 0, W: 0, I: 0 },
          totals: { forms: { received: 1, accepted: 1, rejected: 0 }, persons: { received: 1, accepted: 1, rejected: 0 }, rights: { received: 0, accepted: 0, rejected: 0 }, trainings: { received: 0, accepted: 0, rejected: 0 } },
        },
        forms: [{ position: 1, referenceNbr: 'R', companyId: 'C', quarter: 'Q', rejected: false, personsReceived: 1, personsRejected: 0 }],
      }),
    );
    expect(texts(d, '/a:NOTIFICATION/a:Form/a:ResultCode')).toEqual(['1']);
    expect(d.find('//a:Anomaly', NS)).toHaveLength(0);
    expect(d.find('//a:Omitted', NS)).toHaveLength(0);
  });

  it('labels in nl, fr and en on every anomaly', () => {
    for (const a of doc.find<libxmljs.Element>('//a:Anomaly', NS)) {
      expect((a.find('a:Label/@xml:lang', NS) as unknown as { value(): string }[]).map((l) => l.value())).toEqual(['nl', 'fr', 'en']);
    }
  });
});

describe('hostile values never break an answer', () => {
  const markup = '<a href="x">&amp;</a>]]><!-- --><?pi?>\'"';
  const control = 'a\u0001b\u001Bc\u0000d';
  const surrogate = 'x\uD800y\uDFFFz😀';
  const whitespace = ' \t a\r\nb \r ';
  const huge = 'A'.repeat(10 * 1024 * 1024);

  function roundTrip(value: string): { doc: libxmljs.Document; xml: string } {
    const f = finding({ code: 'ACRF-255', value, data: { detail: value, element: value }, keys: { CompanyID: value, INSS: value, TrainingUserReference: value }, xpath: `/d:FLADeclarations/d:${value.slice(0, 50)}` });
    const xml = receipt({ fileName: value.slice(0, 200), report: { sha256: SHA, findings: [f], layers: { receipt: 'failed' } } });
    return { doc: valid(xml), xml };
  }

  it.each([
    ['markup and ]]>', markup, markup],
    ['control characters', control, 'a\uFFFDb\uFFFDc\uFFFDd'],
    ['lone surrogates', surrogate, 'x\uFFFDy\uFFFDz😀'],
    ['whitespace, CR and tab', whitespace, whitespace],
  ])('%s', (_, value, expected) => {
    const { doc } = roundTrip(value);
    expect(text(doc, '//a:Value')).toBe(expected);
    expect(text(doc, '//a:Keys/a:CompanyID')).toBe(expected);
    expect(text(doc, '//a:FileName')).toBe(expected);
    expect(texts(doc, '//a:Label').every((l) => l.includes(expected))).toBe(true);
    expect(attr(doc, '//a:Location/@xpath')).toBe(`/d:FLADeclarations/d:${expected}`);
  });

  it('a 10 MB value is cut to 1,000 characters with an ellipsis, labels too', () => {
    const { doc, xml } = roundTrip(huge);
    expect(text(doc, '//a:Value')).toBe(`${'A'.repeat(1000)}…`);
    expect(xml.length).toBeLessThan(50_000);
    for (const label of texts(doc, '//a:Label')) expect(label.length).toBeLessThan(3_000);
  });

  it('the cut never splits a surrogate pair', () => {
    const { doc } = roundTrip(`${'A'.repeat(999)}😀😀`);
    expect(text(doc, '//a:Value')).toBe(`${'A'.repeat(999)}…`);
  });

  it('hostile values in a notification', () => {
    const d = valid(
      notification({
        forms: [{ position: 1, referenceNbr: markup, companyId: control, quarter: surrogate, rejected: false, personsReceived: 1, personsRejected: 0, persons: [{ position: 1, sequenceNbr: huge, inss: markup, rejected: false, counters }] }],
        report: {
          sha256: SHA,
          status: 'ACCEPTED',
          findings: [],
          counts: { B: 0, W: 0, I: 0 },
          totals: { forms: { received: 1, accepted: 1, rejected: 0 }, persons: { received: 1, accepted: 1, rejected: 0 }, rights: { received: 0, accepted: 0, rejected: 0 }, trainings: { received: 0, accepted: 0, rejected: 0 } },
        },
      }),
    );
    expect(text(d, '//a:Form/a:ReferenceNbr')).toBe(markup);
    expect(text(d, '//a:Form/a:CompanyID')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(text(d, '//a:Person/a:INSS')).toBe(markup);
    expect(text(d, '//a:Person/a:NaturalPersonSequenceNbr')).toHaveLength(1001);
  });
});

describe('atomic write', () => {
  it('writes the whole answer and leaves no temporary file', async () => {
    const out = join(dir.path, 'atomic-1');
    spawnSync('mkdir', ['-p', out]);
    const xml = receipt({ report: { sha256: SHA, findings: [] } });
    const { receipt: path } = answerPaths(join('/some/where', 'FI.X.R'), out);
    await writeAnswerFile(path, xml);
    expect(readdirSync(out)).toEqual(['FI.X.R.ACRF.xml']);
    expect(readFileSync(path, 'utf8')).toBe(xml);
    writeAnswerFileSync(path, `${xml}<!-- 2 -->`);
    expect(readdirSync(out)).toEqual(['FI.X.R.ACRF.xml']);
    expect(readFileSync(path, 'utf8')).toBe(`${xml}<!-- 2 -->`);
  });

  it('exclusive: never replaces an existing answer, and cleans up', async () => {
    const out = join(dir.path, 'atomic-2');
    spawnSync('mkdir', ['-p', out]);
    const path = join(out, 'a.xml');
    await writeAnswerFile(path, 'first', { exclusive: true });
    await expect(writeAnswerFile(path, 'second', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(() => writeAnswerFileSync(path, 'third', { exclusive: true })).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(out)).toEqual(['a.xml']);
  });

  it('a failed write leaves nothing behind', async () => {
    const missing = join(dir.path, 'no-such-dir', 'a.xml');
    await expect(writeAnswerFile(missing, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(join(dir.path, 'no-such-dir'))).toBe(false);
  });

  it('a reader never sees half an answer', async () => {
    const out = join(dir.path, 'atomic-3');
    spawnSync('mkdir', ['-p', out]);
    const path = join(out, 'big.xml');
    const versions = ['<a>'.padEnd(8 * 1024 * 1024, 'x'), '<b>'.padEnd(8 * 1024 * 1024, 'y')];
    let done = false;
    const seen = new Set<string>();
    const reader = (async () => {
      while (!done) {
        const content = await readFile(path, 'utf8').catch(() => undefined);
        if (content !== undefined) {
          expect(versions).toContain(content);
          seen.add(content.slice(0, 3));
        }
      }
    })();
    for (let i = 0; i < 6; i++) await writeAnswerFile(path, versions[i % 2]!);
    done = true;
    await reader;
    expect(seen.size).toBeGreaterThan(0);
    expect(readdirSync(out)).toEqual(['big.xml']);
    expect(readFileSync(path, 'utf8')).toBe(versions[1]);
  });
});

describe('tickets, paths and timestamps', () => {
  it('tickets are unique over 10,000 calls and sort in creation order', () => {
    const tickets = Array.from({ length: 10_000 }, () => newTicket());
    expect(new Set(tickets).size).toBe(10_000);
    expect([...tickets].sort()).toEqual(tickets);
    for (const t of tickets) expect(isTicket(t)).toBe(true);
  });

  it('tickets stay in order when the clock goes back', () => {
    const a = newTicket(Date.now() + 60_000);
    const b = newTicket(Date.now() - 60_000);
    expect(b > a).toBe(true);
  });

  it('answer paths next to the input or in an output folder', () => {
    expect(answerPaths('/in/decl.xml')).toEqual({ receipt: '/in/decl.xml.ACRF.xml', notification: '/in/decl.xml.NOTI.xml' });
    expect(answerPaths('/in/decl.xml', '/out')).toEqual({ receipt: '/out/decl.xml.ACRF.xml', notification: '/out/decl.xml.NOTI.xml' });
  });

  it('timestamps carry their zone offset', () => {
    const d = new Date('2025-03-30T00:30:00.000Z');
    expect(formatTimestamp(d, 0)).toBe('2025-03-30T00:30:00.000+00:00');
    expect(formatTimestamp(d, -330)).toBe('2025-03-29T19:00:00.000-05:30');
    expect(formatTimestamp(d)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
  });

  it('hours are written as toFixed(2) of the value rounded to hundredths, never -0.00', () => {
    const reference = (v: number): string => {
      const fixed = (Math.round(v * 100) / 100).toFixed(2);
      return fixed === '-0.00' ? '0.00' : fixed;
    };
    const values = [0, -0, 0.005, -0.005, 0.015, 1.005, 2.675, 7.6, 38, 26.4, -6.4, 0.1 + 0.2, 1e-9, -1e-9, 9.99e12, 1e13 + 0.5, 1e15, 1e16, 1e20, -1e21];
    for (let k = -100_000; k <= 100_000; k += 7) values.push(k / 100, k / 1000, k / 100 + 0.005);
    expect(values.filter((v) => hours(v) !== reference(v))).toEqual([]);
    expect(() => hours(Number.NaN)).toThrow(RangeError);
  });
});
