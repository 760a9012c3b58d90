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

/**
 * Where the streaming writer reads the forms and their persons: the forms (without persons) up
 * front, a form's persons only while that form is written, so that no more than one form's worth
 * of persons is in hand at a time.
 */
export interface FormSource {
  /** Every Form of the file (any order; written in file order); their `persons` are not read. */
  readonly forms: readonly FormOutcome[];
  /**
   * A form's persons in position order. Called twice per form (to decide, then to write); only the
   * second call needs the counters.
   */
  persons(form: FormOutcome, withCounters: boolean): Iterable<PersonOutcome>;
  /**
   * Whether any of the form's persons is rejected or has rejected records, where the source knows
   * without reading them: a form no finding points into is then read once, not twice.
   */
  blocking?(form: FormOutcome): boolean;
}

export interface NotificationStreamInput extends AnswerHeader {
  readonly processedAt: Date;
  readonly report: NotificationReport;
  readonly source: FormSource;
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

// ------------------------------------------------------------------------------- placing findings

interface Placed {
  readonly finding: Finding;
  /** The person position from the XPath; `keyed` when it is to be found by the keys. */
  readonly person?: number;
  readonly keyed?: boolean;
}

interface FormPlan {
  outcome: FormOutcome;
  /** This form's findings in report order; a finding's person is settled when the form is written. */
  readonly placed: Placed[];
  /** Named by a finding only: not among the source's forms. */
  readonly synthetic: boolean;
}

const FORM_STEP = /^\/d:FLADeclarations\/d:Form\[(\d+)\]/;
const PERSON_STEP = /\/d:NaturalPerson\[(\d+)\]/;

/**
 * Places each finding: by its XPath (`/d:FLADeclarations/d:Form[n]`, then `…/d:NaturalPerson[m]`),
 * else by its keys when they match exactly one form (CompanyID) and one person
 * (NaturalPersonSequenceNbr or INSS), else at file level. Forms or persons that a finding names but
 * the source does not list are added, their rejection taken from the findings' scope. The person
 * part waits until the form is written, when its persons are read.
 */
function placeFindings(findings: readonly Finding[], forms: readonly FormOutcome[]): { file: Finding[]; forms: FormPlan[] } {
  const byPosition = new Map<number, FormPlan>();
  for (const outcome of forms) byPosition.set(outcome.position, { outcome, placed: [], synthetic: false });
  // Forms added for findings carry no CompanyID, so the candidates by key are the source's forms.
  const byCompany = new Map<string, FormPlan[]>();
  for (const plan of byPosition.values()) {
    if (plan.outcome.companyId !== undefined) byCompany.set(plan.outcome.companyId, [...(byCompany.get(plan.outcome.companyId) ?? []), plan]);
  }
  const file: Finding[] = [];
  for (const finding of findings) {
    const keys = finding.keys;
    if (finding.xpath !== undefined) {
      const step = FORM_STEP.exec(finding.xpath);
      if (step === null) {
        file.push(finding);
        continue;
      }
      const position = Number(step[1]);
      let plan = byPosition.get(position);
      if (plan === undefined) byPosition.set(position, (plan = { outcome: { position, rejected: false, personsReceived: 0, personsRejected: 0 }, placed: [], synthetic: true }));
      const person = PERSON_STEP.exec(finding.xpath.slice(step[0].length));
      plan.placed.push(person === null ? { finding } : { finding, person: Number(person[1]) });
      continue;
    }
    const candidates = keys?.CompanyID === undefined || finding.scope === 'FILE' ? undefined : byCompany.get(keys.CompanyID);
    if (candidates?.length !== 1) {
      file.push(finding);
      continue;
    }
    const byPerson = finding.scope !== 'FORM' && (keys?.NaturalPersonSequenceNbr !== undefined || keys?.INSS !== undefined);
    candidates[0]!.placed.push(byPerson ? { finding, keyed: true } : { finding });
  }
  return { file, forms: [...byPosition.values()].sort((a, b) => a.outcome.position - b.outcome.position) };
}

// ------------------------------------------------------------------------------- result codes

const hasBlocking = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'B');

/** ACK.md: 1 no B in the form, 2 some B but at least one person accepted, 0 the form or all its persons rejected. */
export function formResultCode(outcome: FormOutcome, formFindings: readonly Finding[], anyPersonBlocking: boolean): 0 | 1 | 2 {
  if (outcome.rejected) return 0;
  const anyBlocking = outcome.personsRejected > 0 || hasBlocking(formFindings) || anyPersonBlocking;
  if (!anyBlocking) return 1;
  return outcome.personsReceived - outcome.personsRejected > 0 ? 2 : 0;
}

/** 0 rejected (or its form rejected), 2 accepted with some rejected record or B finding, 1 otherwise. */
export function personResultCode(person: PersonOutcome, findings: readonly Finding[], formRejected: boolean): 0 | 1 | 2 {
  if (formRejected || person.rejected) return 0;
  return (person.recordsRejected ?? 0) > 0 || hasBlocking(findings) ? 2 : 1;
}

// ------------------------------------------------------------------------------- one form

interface PersonEntry {
  outcome: PersonOutcome;
  readonly findings: Finding[];
}

const matchesKeys = (p: PersonOutcome, keys: NonNullable<Finding['keys']>): boolean =>
  (keys.NaturalPersonSequenceNbr === undefined || String(p.sequenceNbr) === String(keys.NaturalPersonSequenceNbr)) && (keys.INSS === undefined || p.inss === keys.INSS);

/**
 * Settles which person each of a form's findings belongs to, in report order, as if all the form's
 * persons were in hand: one pass over the persons collects only what the findings ask about.
 */
function settleForm(plan: FormPlan, source: FormSource) {
  const named = new Set<number>();
  const keyed: Placed[] = [];
  for (const p of plan.placed) {
    if (p.person !== undefined) named.add(p.person);
    else if (p.keyed === true) keyed.push(p);
  }
  const present = new Set<number>();
  // Per keyed finding: how many of the source's persons match, and the first one's position.
  const matches = keyed.map(() => ({ count: 0, position: 0 }));
  const known = named.size === 0 && keyed.length === 0 && !plan.synthetic ? source.blocking?.(plan.outcome) : undefined;
  let anyPersonBlocking = known ?? false;
  if (known === undefined) {
    for (const person of plan.synthetic ? [] : source.persons(plan.outcome, false)) {
      if (named.has(person.position)) present.add(person.position);
      if (person.rejected || (person.recordsRejected ?? 0) > 0) anyPersonBlocking = true;
      keyed.forEach((k, i) => {
        if (matchesKeys(person, k.finding.keys!)) {
          const m = matches[i]!;
          if (m.count++ === 0) m.position = person.position;
        }
      });
    }
  }
  const formFindings: Finding[] = [];
  const withFindings = new Map<number, Finding[]>();
  const added = new Map<number, PersonEntry>();
  let k = 0;
  for (const p of plan.placed) {
    if (p.person !== undefined) {
      if (!present.has(p.person) && !added.has(p.person)) {
        const keys = p.finding.keys ?? {};
        const outcome: PersonOutcome = {
          position: p.person,
          ...(keys.NaturalPersonSequenceNbr !== undefined ? { sequenceNbr: keys.NaturalPersonSequenceNbr } : {}),
          ...(keys.INSS !== undefined ? { inss: keys.INSS } : {}),
          rejected: false,
        };
        added.set(p.person, { outcome, findings: [] });
      }
      const target = added.get(p.person)?.findings ?? withFindings.get(p.person) ?? [];
      if (!added.has(p.person)) withFindings.set(p.person, target);
      target.push(p.finding);
    } else if (p.keyed === true) {
      const m = matches[k++]!;
      // Persons added so far for other findings count as candidates too.
      const extra = [...added.values()].filter((e) => matchesKeys(e.outcome, p.finding.keys!));
      if (m.count + extra.length !== 1) formFindings.push(p.finding);
      else if (extra.length === 1) extra[0]!.findings.push(p.finding);
      else withFindings.set(m.position, [...(withFindings.get(m.position) ?? []), p.finding]);
    } else {
      formFindings.push(p.finding);
    }
  }
  // What the source did not tell us, we read from the findings' scope (a fallback only).
  for (const entry of added.values()) {
    if (entry.findings.some((f) => f.severity === 'B' && f.scope === 'PERSON')) entry.outcome = { ...entry.outcome, rejected: true };
  }
  let outcome = plan.outcome;
  if (plan.synthetic) {
    const persons = [...added.values()];
    const rejected = formFindings.some((f) => f.severity === 'B' && (f.scope === 'FORM' || f.scope === 'FILE'));
    outcome = { ...outcome, rejected, personsReceived: persons.length, personsRejected: persons.filter((p) => p.outcome.rejected).length };
  }
  for (const entry of added.values()) if (entry.outcome.rejected || hasBlocking(entry.findings)) anyPersonBlocking = true;
  for (const findings of withFindings.values()) if (hasBlocking(findings)) anyPersonBlocking = true;
  return { outcome, formFindings, withFindings, added: [...added.values()].sort((a, b) => a.outcome.position - b.outcome.position), anyPersonBlocking };
}

// ------------------------------------------------------------------------------- writing

const RIGHT_ORDER: Readonly<Record<RightTypeName, number>> = { LEGAL: 0, SECTOR: 1, EMPLOYER: 2 };

// The counters are most of a large notification. Their attribute values are our own numbers
// (hours() gives only digits, '-' and '.') and right types checked against this list, so they
// are written without going through the escaping that values from the input need.
const RIGHT_TYPE_ATTR = new Map<string, string>(Object.keys(RIGHT_ORDER).map((t) => [t, ` type="${t}"`]));

function figures(indent: string, name: string, f: CounterFigures): string {
  return `${indent}<${name} granted="${hours(f.granted)}" used="${hours(f.used)}" remaining="${hours(f.remaining)}"/>\n`;
}

function windowYear(y: number): string {
  if (!Number.isSafeInteger(y) || y < 1 || y > 9999) throw new RangeError(`answer: invalid window year ${y}`);
  return String(y).padStart(4, '0');
}

/** The rights in RIGHT_ORDER; the ledger gives them in that order already, so usually no copy is made. */
function ordered(rights: WindowCounters['rights']): WindowCounters['rights'] {
  for (let i = 1; i < rights.length; i++) {
    if (!(RIGHT_ORDER[rights[i - 1]!.rightType] <= RIGHT_ORDER[rights[i]!.rightType])) return [...rights].sort((a, b) => RIGHT_ORDER[a.rightType] - RIGHT_ORDER[b.rightType]);
  }
  return rights;
}

function counters(indent: string, c: WindowCounters): string {
  const inner = `${indent}  `;
  const deeper = `${inner}  `;
  let out = `${indent}<Counters windowStart="${windowYear(c.windowStart)}" windowEnd="${windowYear(c.windowEnd)}">\n`;
  const rights = ordered(c.rights);
  if (rights.length === 0) throw new RangeError('answer: counters without a right type');
  for (const r of rights) {
    const type = RIGHT_TYPE_ATTR.get(r.rightType);
    if (type === undefined) throw new RangeError(`answer: invalid right type ${String(r.rightType)}`);
    out += `${inner}<Right${type}>\n${figures(deeper, 'Before', r.before)}${figures(deeper, 'After', r.after)}${inner}</Right>\n`;
  }
  out += `${inner}<Uncovered before="${hours(c.uncovered.before)}" after="${hours(c.uncovered.after)}"/>\n`;
  return `${out}${indent}</Counters>\n`;
}

function tally(indent: string, name: string, t: { received: number; accepted: number; rejected: number }): string {
  return `${indent}<${name}${attrs({ received: t.received, accepted: t.accepted, rejected: t.rejected })}/>\n`;
}

function positionOf(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`answer: invalid position ${n}`);
  return n;
}

function person(p: PersonOutcome, findings: readonly Finding[], formRejected: boolean, langs: readonly Lang[]): string {
  const listed = findings.length > 0 || (p.counters?.length ?? 0) > 0 || p.rejected || (p.recordsRejected ?? 0) > 0;
  if (!listed) return '';
  let out = `    <Person position="${positionOf(p.position)}">\n`;
  out += leaf('      ', 'NaturalPersonSequenceNbr', p.sequenceNbr) + leaf('      ', 'INSS', p.inss);
  out += `      <ResultCode>${personResultCode(p, findings, formRejected)}</ResultCode>\n`;
  for (const f of findings) out += anomaly('      ', f, langs);
  for (const c of p.counters ?? []) out += counters('      ', c);
  return `${out}    </Person>\n`;
}

/** One Form: its head and findings, then its persons in position order, one chunk per person. */
function* form(plan: FormPlan, source: FormSource, langs: readonly Lang[]): Generator<string> {
  const settled = settleForm(plan, source);
  const { outcome } = settled;
  let head = `  <Form${attrs({ position: positionOf(outcome.position) })}>\n`;
  head += leaf('    ', 'ReferenceNbr', outcome.referenceNbr) + leaf('    ', 'CompanyID', outcome.companyId) + leaf('    ', 'Quarter', outcome.quarter);
  head += leaf('    ', 'ResultCode', formResultCode(outcome, settled.formFindings, settled.anyPersonBlocking));
  for (const f of settled.formFindings) head += anomaly('    ', f, langs);
  yield head;
  const added = settled.added;
  let next = 0;
  for (const p of plan.synthetic ? [] : source.persons(plan.outcome, true)) {
    for (; next < added.length && added[next]!.outcome.position < p.position; next++) yield person(added[next]!.outcome, added[next]!.findings, outcome.rejected, langs);
    yield person(p, settled.withFindings.get(p.position) ?? [], outcome.rejected, langs);
  }
  for (; next < added.length; next++) yield person(added[next]!.outcome, added[next]!.findings, outcome.rejected, langs);
  yield '  </Form>\n';
}

/** The notification in chunks (at most one person each), so that its size is bounded by nothing in memory. */
export function* notificationChunks(input: NotificationStreamInput): Generator<string> {
  const { report } = input;
  const sha256 = checkHeader(input, input.sha256 ?? report.sha256);
  const langs = languagesOf(input);
  const placed = placeFindings(report.findings, input.source.forms);
  let head = `${XML_DECLARATION}<NOTIFICATION xmlns="${ACK_NS}">\n`;
  head += identification('  ', input, sha256);
  head += leaf('  ', 'Environment', input.environment);
  head += processor('  ', input);
  head += leaf('  ', 'ProcessedAt', formatTimestamp(input.processedAt, input.utcOffsetMinutes));
  head += leaf('  ', 'Status', report.status);
  const t = report.totals;
  head += '  <Totals>\n';
  head += tally('    ', 'Forms', t.forms) + tally('    ', 'Persons', t.persons) + tally('    ', 'Rights', t.rights) + tally('    ', 'Trainings', t.trainings);
  head += `    <Findings${attrs({ B: report.counts.B, W: report.counts.W, I: report.counts.I })}/>\n`;
  head += '  </Totals>\n';
  for (const f of placed.file) head += anomaly('  ', f, langs);
  head += omitted('  ', report.omitted);
  yield head;
  for (const plan of placed.forms) yield* form(plan, input.source, langs);
  yield '</NOTIFICATION>\n';
}

/** The persons of in-memory forms: one per position (the last given wins), in position order. */
export function arraySource(forms: readonly FormOutcome[]): FormSource {
  const sorted = new Map<FormOutcome, PersonOutcome[]>();
  return {
    forms,
    persons(form) {
      let persons = sorted.get(form);
      if (persons === undefined) sorted.set(form, (persons = [...new Map((form.persons ?? []).map((p) => [p.position, p])).values()].sort((a, b) => a.position - b.position)));
      return persons;
    },
  };
}

export function writeNotification(input: NotificationInput): string {
  const { forms, ...header } = input;
  return [...notificationChunks({ ...header, source: arraySource(forms) })].join('');
}
