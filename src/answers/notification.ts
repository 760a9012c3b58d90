// The notification (ACK.md "Notification — root NOTIFICATION"). The engine knows which forms and
// persons it rejected; this module only groups the flat findings by where they stand and writes.
import type { FileReport } from '../engine.js';
import type { FormHeader, NaturalPerson } from '../declaration/model.js';
import type { Finding, Lang } from '../findings.js';
import { anomaly, checkHeader, identification, languagesOf, omitted, processor, XML_DECLARATION, type AnswerHeader } from './common.js';
import { ACK_NS, attrs, formatTimestamp, hours, leaf } from './xml.js';

export type RightTypeName = 'LEGAL' | 'SECTOR' | 'EMPLOYER';

export interface CounterFigures {
  readonly granted: number;
  readonly used: number;
  readonly remaining: number;
}

/** One worker's counters at one employer for one five-year window, before and after this file. */
export interface WindowCounters {
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly rights: readonly { readonly rightType: RightTypeName; readonly before: CounterFigures; readonly after: CounterFigures }[];
  readonly uncovered: { readonly before: number; readonly after: number };
}

export interface PersonOutcome {
  /** 1-based position in its Form: the m of `d:NaturalPerson[m]`. */
  readonly position: number;
  readonly sequenceNbr?: string | number;
  readonly inss?: string;
  /** The person (with all its rights and trainings) was rejected. */
  readonly rejected: boolean;
  /** How many of its rights and trainings were rejected (a person with some is ResultCode 2). */
  readonly recordsRejected?: number;
  /** The affected windows; a person with counters is listed even without a finding. */
  readonly counters?: readonly WindowCounters[];
}

export interface FormOutcome {
  /** 1-based position in the file: the n of `d:Form[n]`. */
  readonly position: number;
  readonly referenceNbr?: string;
  readonly companyId?: string;
  readonly quarter?: string;
  /** The form as a whole was rejected (a B finding of scope FORM, or its persons could not be read). */
  readonly rejected: boolean;
  readonly personsReceived: number;
  readonly personsRejected: number;
  /**
   * Persons with facts to report: at least every rejected person, every person with rejected
   * records and every person with counters. Persons with a finding that are missing here are
   * added from the finding's keys.
   */
  readonly persons?: readonly PersonOutcome[];
}

export type NotificationReport = Pick<FileReport, 'status' | 'findings' | 'counts' | 'totals'> & {
  readonly sha256?: string;
  readonly omitted?: Readonly<Record<string, number>>;
};

export interface NotificationInput extends AnswerHeader {
  readonly processedAt: Date;
  readonly report: NotificationReport;
  /** Every Form of the file (any order; written in file order). */
  readonly forms: readonly FormOutcome[];
}

/** The header part of a FormOutcome from the reader's FormHeader. */
export function formIdentity(header: FormHeader): Pick<FormOutcome, 'position' | 'referenceNbr' | 'companyId' | 'quarter'> {
  return {
    position: header.index,
    ...(header.referenceNbr !== undefined ? { referenceNbr: header.referenceNbr.text } : {}),
    ...(header.companyId !== undefined ? { companyId: header.companyId.text } : {}),
    ...(header.quarter !== undefined ? { quarter: header.quarter.text } : {}),
  };
}

/** The identity part of a PersonOutcome from the reader's NaturalPerson. */
export function personIdentity(person: NaturalPerson): Pick<PersonOutcome, 'position' | 'sequenceNbr' | 'inss'> {
  return {
    position: person.index,
    ...(person.sequenceNbr !== undefined ? { sequenceNbr: person.sequenceNbr.text } : {}),
    ...(person.inss !== undefined ? { inss: person.inss.text } : {}),
  };
}

// ------------------------------------------------------------------------------- grouping

export interface PersonGroup {
  outcome: PersonOutcome;
  readonly findings: Finding[];
}

export interface FormGroup {
  readonly outcome: FormOutcome;
  readonly findings: Finding[];
  readonly persons: Map<number, PersonGroup>;
}

export interface Grouped {
  readonly file: Finding[];
  /** By Form position, in file order. */
  readonly forms: FormGroup[];
}

const FORM_STEP = /^\/d:FLADeclarations\/d:Form\[(\d+)\]/;
const PERSON_STEP = /\/d:NaturalPerson\[(\d+)\]/;

/**
 * Places each finding: by its XPath (`/d:FLADeclarations/d:Form[n]`, then `…/d:NaturalPerson[m]`),
 * else by its keys when they match exactly one form (CompanyID) and one person
 * (NaturalPersonSequenceNbr or INSS), else at file level. Forms or persons that a finding names but
 * `forms` does not list are added, their rejection taken from the findings' scope.
 */
export function groupFindings(findings: readonly Finding[], forms: readonly FormOutcome[]): Grouped {
  const byPosition = new Map<number, FormGroup>();
  for (const outcome of forms) {
    const group: FormGroup = { outcome, findings: [], persons: new Map() };
    for (const p of outcome.persons ?? []) group.persons.set(p.position, { outcome: p, findings: [] });
    byPosition.set(outcome.position, group);
  }
  const file: Finding[] = [];
  const synthetic = new Set<FormGroup>();
  const syntheticPersons = new Set<PersonGroup>();

  for (const finding of findings) {
    const place = locate(finding, byPosition);
    if (place === undefined) {
      file.push(finding);
      continue;
    }
    let form = byPosition.get(place.form);
    if (form === undefined) {
      form = { outcome: { position: place.form, rejected: false, personsReceived: 0, personsRejected: 0 }, findings: [], persons: new Map() };
      byPosition.set(place.form, form);
      synthetic.add(form);
    }
    if (place.person === undefined) {
      form.findings.push(finding);
      continue;
    }
    let person = form.persons.get(place.person);
    if (person === undefined) {
      const keys = finding.keys ?? {};
      person = {
        outcome: {
          position: place.person,
          ...(keys.NaturalPersonSequenceNbr !== undefined ? { sequenceNbr: keys.NaturalPersonSequenceNbr } : {}),
          ...(keys.INSS !== undefined ? { inss: keys.INSS } : {}),
          rejected: false,
        },
        findings: [],
      };
      form.persons.set(place.person, person);
      syntheticPersons.add(person);
    }
    person.findings.push(finding);
  }

  // What the engine did not tell us, we read from the findings' scope (a fallback only).
  for (const person of syntheticPersons) {
    if (person.findings.some((f) => f.severity === 'B' && f.scope === 'PERSON')) person.outcome = { ...person.outcome, rejected: true };
  }
  for (const form of synthetic) {
    const rejected = form.findings.some((f) => f.severity === 'B' && (f.scope === 'FORM' || f.scope === 'FILE'));
    const persons = [...form.persons.values()];
    byPosition.set(form.outcome.position, {
      ...form,
      outcome: { ...form.outcome, rejected, personsReceived: persons.length, personsRejected: persons.filter((p) => p.outcome.rejected).length },
    });
  }
  return { file, forms: [...byPosition.values()].sort((a, b) => a.outcome.position - b.outcome.position) };
}

function locate(finding: Finding, forms: ReadonlyMap<number, FormGroup>): { form: number; person?: number } | undefined {
  if (finding.xpath !== undefined) {
    const form = FORM_STEP.exec(finding.xpath);
    if (form !== null) {
      const person = PERSON_STEP.exec(finding.xpath.slice(form[0].length));
      return { form: Number(form[1]), ...(person !== null ? { person: Number(person[1]) } : {}) };
    }
    return undefined;
  }
  const keys = finding.keys;
  if (keys?.CompanyID === undefined || finding.scope === 'FILE') return undefined;
  const candidates = [...forms.values()].filter((g) => g.outcome.companyId === keys.CompanyID);
  if (candidates.length !== 1) return undefined;
  const form = candidates[0]!;
  if (finding.scope === 'FORM' || (keys.NaturalPersonSequenceNbr === undefined && keys.INSS === undefined)) return { form: form.outcome.position };
  const persons = [...form.persons.values()].filter(
    (p) =>
      (keys.NaturalPersonSequenceNbr === undefined || String(p.outcome.sequenceNbr) === String(keys.NaturalPersonSequenceNbr)) &&
      (keys.INSS === undefined || p.outcome.inss === keys.INSS),
  );
  return persons.length === 1 ? { form: form.outcome.position, person: persons[0]!.outcome.position } : { form: form.outcome.position };
}

// ------------------------------------------------------------------------------- result codes

const hasBlocking = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'B');

/** ACK.md: 1 no B in the form, 2 some B but at least one person accepted, 0 the form or all its persons rejected. */
export function formResultCode(form: FormGroup): 0 | 1 | 2 {
  const { outcome } = form;
  if (outcome.rejected) return 0;
  const persons = [...form.persons.values()];
  const anyBlocking =
    outcome.personsRejected > 0 ||
    hasBlocking(form.findings) ||
    persons.some((p) => p.outcome.rejected || (p.outcome.recordsRejected ?? 0) > 0 || hasBlocking(p.findings));
  if (!anyBlocking) return 1;
  return outcome.personsReceived - outcome.personsRejected > 0 ? 2 : 0;
}

/** 0 rejected (or its form rejected), 2 accepted with some rejected record or B finding, 1 otherwise. */
export function personResultCode(person: PersonGroup, formRejected: boolean): 0 | 1 | 2 {
  if (formRejected || person.outcome.rejected) return 0;
  return (person.outcome.recordsRejected ?? 0) > 0 || hasBlocking(person.findings) ? 2 : 1;
}

// ------------------------------------------------------------------------------- writing

const RIGHT_ORDER: Readonly<Record<RightTypeName, number>> = { LEGAL: 0, SECTOR: 1, EMPLOYER: 2 };

function figures(indent: string, name: string, f: CounterFigures): string {
  return `${indent}<${name}${attrs({ granted: hours(f.granted), used: hours(f.used), remaining: hours(f.remaining) })}/>\n`;
}

function counters(indent: string, c: WindowCounters): string {
  const year = (y: number): string => {
    if (!Number.isSafeInteger(y) || y < 1 || y > 9999) throw new RangeError(`answer: invalid window year ${y}`);
    return String(y).padStart(4, '0');
  };
  const inner = `${indent}  `;
  let out = `${indent}<Counters${attrs({ windowStart: year(c.windowStart), windowEnd: year(c.windowEnd) })}>\n`;
  const rights = [...c.rights].sort((a, b) => RIGHT_ORDER[a.rightType] - RIGHT_ORDER[b.rightType]);
  if (rights.length === 0) throw new RangeError('answer: counters without a right type');
  for (const r of rights) {
    if (!(r.rightType in RIGHT_ORDER)) throw new RangeError(`answer: invalid right type ${String(r.rightType)}`);
    out += `${inner}<Right${attrs({ type: r.rightType })}>\n${figures(`${inner}  `, 'Before', r.before)}${figures(`${inner}  `, 'After', r.after)}${inner}</Right>\n`;
  }
  out += `${inner}<Uncovered${attrs({ before: hours(c.uncovered.before), after: hours(c.uncovered.after) })}/>\n`;
  return `${out}${indent}</Counters>\n`;
}

function tally(indent: string, name: string, t: { received: number; accepted: number; rejected: number }): string {
  return `${indent}<${name}${attrs({ received: t.received, accepted: t.accepted, rejected: t.rejected })}/>\n`;
}

function positionOf(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`answer: invalid position ${n}`);
  return n;
}

function form(group: FormGroup, langs: readonly Lang[]): string {
  const { outcome } = group;
  const parts: string[] = [`  <Form${attrs({ position: positionOf(outcome.position) })}>\n`];
  parts.push(leaf('    ', 'ReferenceNbr', outcome.referenceNbr), leaf('    ', 'CompanyID', outcome.companyId), leaf('    ', 'Quarter', outcome.quarter));
  parts.push(leaf('    ', 'ResultCode', formResultCode(group)));
  for (const f of group.findings) parts.push(anomaly('    ', f, langs));
  const persons = [...group.persons.values()].sort((a, b) => a.outcome.position - b.outcome.position);
  for (const person of persons) {
    const p = person.outcome;
    const listed = person.findings.length > 0 || (p.counters?.length ?? 0) > 0 || p.rejected || (p.recordsRejected ?? 0) > 0;
    if (!listed) continue;
    parts.push(`    <Person${attrs({ position: positionOf(p.position) })}>\n`);
    parts.push(leaf('      ', 'NaturalPersonSequenceNbr', p.sequenceNbr), leaf('      ', 'INSS', p.inss));
    parts.push(leaf('      ', 'ResultCode', personResultCode(person, outcome.rejected)));
    for (const f of person.findings) parts.push(anomaly('      ', f, langs));
    for (const c of p.counters ?? []) parts.push(counters('      ', c));
    parts.push('    </Person>\n');
  }
  parts.push('  </Form>\n');
  return parts.join('');
}

export function writeNotification(input: NotificationInput): string {
  const { report } = input;
  const sha256 = checkHeader(input, input.sha256 ?? report.sha256);
  const langs = languagesOf(input);
  const grouped = groupFindings(report.findings, input.forms);
  const parts: string[] = [XML_DECLARATION, `<NOTIFICATION xmlns="${ACK_NS}">\n`];
  parts.push(identification('  ', input, sha256));
  parts.push(leaf('  ', 'Environment', input.environment));
  parts.push(processor('  ', input));
  parts.push(leaf('  ', 'ProcessedAt', formatTimestamp(input.processedAt, input.utcOffsetMinutes)));
  parts.push(leaf('  ', 'Status', report.status));
  const t = report.totals;
  parts.push('  <Totals>\n');
  parts.push(tally('    ', 'Forms', t.forms), tally('    ', 'Persons', t.persons), tally('    ', 'Rights', t.rights), tally('    ', 'Trainings', t.trainings));
  parts.push(`    <Findings${attrs({ B: report.counts.B, W: report.counts.W, I: report.counts.I })}/>\n`);
  parts.push('  </Totals>\n');
  for (const f of grouped.file) parts.push(anomaly('  ', f, langs));
  parts.push(omitted('  ', report.omitted));
  for (const g of grouped.forms) parts.push(form(g, langs));
  parts.push('</NOTIFICATION>\n');
  return parts.join('');
}
