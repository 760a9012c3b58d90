// Runs the catalogue over a file as it streams by and keeps the tally of what each blocking
// finding rejects (RULES.md: a B finding rejects exactly its scope; W and I change nothing).
import type { DeclarationItem, FormHeader, NaturalPerson } from '../declaration/model.js';
import { dayNumber, quarterPeriod } from '../declaration/values.js';
import type { Finding, FindingKeys } from '../findings.js';
import type { LedgerView, Report, Rule, RuleRecord, RuleVisitor } from './rule.js';

export interface Tally {
  received: number;
  accepted: number;
  rejected: number;
}

export interface Totals {
  readonly forms: Tally;
  readonly persons: Tally;
  readonly rights: Tally;
  readonly trainings: Tally;
}

export function emptyTotals(): Totals {
  const tally = (): Tally => ({ received: 0, accepted: 0, rejected: 0 });
  return { forms: tally(), persons: tally(), rights: tally(), trainings: tally() };
}

interface FormState {
  rejected: boolean;
  blocking: number;
  persons: number;
  personsRejected: number;
  rights: number;
  rightsRejected: number;
  trainings: number;
  trainingsRejected: number;
}

interface Instance {
  readonly rule: Rule;
  readonly visitor: RuleVisitor;
}

/** What the rules decided about the person just inspected: what may be applied. */
export interface PersonOutcome {
  readonly rejected: boolean;
  readonly rejectedRecords: ReadonlySet<RuleRecord>;
}

/** ACK.md Form ResultCode: 1 no B, 2 some B but a person accepted, 0 the form or all its persons rejected. */
export interface FormOutcome {
  readonly rejected: boolean;
  readonly resultCode: 0 | 1 | 2;
}

export class RuleRunner {
  readonly totals: Totals = emptyTotals();
  lastForm: FormOutcome | null = null;
  private readonly instances: Instance[];
  private findings: Finding[] = [];
  private form: FormHeader | null = null;
  private formState: FormState | null = null;
  private active: Instance[] = [];
  private current: NaturalPerson | null = null;
  private personRejected = false;
  private readonly rejectedRecords = new Set<RuleRecord>();

  /** Ledger rules are instantiated only when a ledger view is given. */
  constructor(rules: readonly Rule[], ledger?: LedgerView, today: number = Math.floor(Date.now() / 86_400_000)) {
    this.instances = rules
      .filter((rule) => rule.meta.layer === 'rules' || ledger !== undefined)
      .map((rule) => ({
        rule,
        visitor: rule.create({ report: (r: Report<string>) => this.report(rule, r), today, ...(rule.meta.layer === 'ledger' && ledger !== undefined ? { ledger } : {}) }),
      }));
  }

  get person(): PersonOutcome {
    return { rejected: this.personRejected || (this.formState?.rejected ?? false), rejectedRecords: this.rejectedRecords };
  }

  /** Runs the `applied` visitors once the accepted part of the person is in the ledger. */
  applied(person: NaturalPerson, form: FormHeader): readonly Finding[] {
    this.findings = [];
    this.current = person;
    for (const { visitor } of this.active) visitor.applied?.(person, form);
    this.current = null;
    return this.findings;
  }

  inspect(item: DeclarationItem): readonly Finding[] {
    this.findings = [];
    if (item.kind === 'form') this.startForm(item.form);
    else if (item.kind === 'person') this.visitPerson(item.person, item.form);
    else this.endForm(item.form);
    return this.findings;
  }

  private startForm(form: FormHeader): void {
    this.form = form;
    this.formState = { rejected: false, blocking: 0, persons: 0, personsRejected: 0, rights: 0, rightsRejected: 0, trainings: 0, trainingsRejected: 0 };
    this.active = this.instances.filter(({ rule }) => applies(rule, form));
    for (const { visitor } of this.active) visitor.form?.(form);
  }

  private visitPerson(person: NaturalPerson, form: FormHeader): void {
    if (this.form !== form) this.startForm(form);
    this.current = person;
    this.personRejected = false;
    this.rejectedRecords.clear();
    for (const { visitor } of this.active) visitor.person?.(person, form);
    const state = this.formState!;
    state.persons++;
    state.rights += person.rights.length;
    state.trainings += person.trainings.length;
    if (this.personRejected) {
      state.personsRejected++;
      state.rightsRejected += person.rights.length;
      state.trainingsRejected += person.trainings.length;
    } else if (this.rejectedRecords.size > 0) {
      state.rightsRejected += person.rights.filter((r) => this.rejectedRecords.has(r)).length;
      state.trainingsRejected += person.trainings.filter((t) => this.rejectedRecords.has(t)).length;
    }
    this.current = null;
  }

  private endForm(form: FormHeader): void {
    if (this.form !== form) this.startForm(form);
    for (const { visitor } of this.active) visitor.formEnd?.(form);
    const s = this.formState!;
    const all = s.rejected || (s.persons > 0 && s.personsRejected === s.persons);
    this.lastForm = { rejected: all, resultCode: all ? 0 : s.blocking > 0 ? 2 : 1 };
    add(this.totals.forms, 1, all ? 1 : 0);
    add(this.totals.persons, s.persons, all ? s.persons : s.personsRejected);
    add(this.totals.rights, s.rights, all ? s.rights : s.rightsRejected);
    add(this.totals.trainings, s.trainings, all ? s.trainings : s.trainingsRejected);
    this.form = null;
    this.formState = null;
  }

  private report(rule: Rule, report: Report<string>): void {
    const { meta } = rule;
    if (meta.severity === 'B') {
      this.reject(meta.scope, report.record);
      if (this.formState !== null) this.formState.blocking++;
    }
    const at = report.field?.at ?? report.at ?? report.record?.at ?? this.current?.at ?? this.form?.at;
    const keys = this.keys(report.record);
    this.findings.push({
      code: meta.code,
      severity: meta.severity,
      scope: meta.scope,
      layer: meta.layer,
      messageId: report.messageId,
      data: { ...(report.field !== undefined ? { value: report.field.text } : {}), ...report.data },
      ...(at !== undefined ? { line: at.line, column: at.column, xpath: at.xpath } : {}),
      ...(Object.keys(keys).length > 0 ? { keys } : {}),
      ...(report.field !== undefined ? { value: report.field.text } : {}),
    });
  }

  private reject(scope: Finding['scope'], record: RuleRecord | undefined): void {
    if (scope === 'FORM' || scope === 'FILE') {
      if (this.formState !== null) this.formState.rejected = true;
    } else if (scope === 'PERSON' || record === undefined) this.personRejected = true;
    else this.rejectedRecords.add(record);
  }

  private keys(record: RuleRecord | undefined): FindingKeys {
    const keys: { -readonly [K in keyof FindingKeys]: FindingKeys[K] } = {};
    if (this.form?.companyId !== undefined) keys.CompanyID = this.form.companyId.text;
    const person = this.current;
    if (person !== null) {
      const seq = Number(person.sequenceNbr?.text);
      if (Number.isInteger(seq)) keys.NaturalPersonSequenceNbr = seq;
      if (person.inss !== undefined) keys.INSS = person.inss.text;
    }
    if (record !== undefined) {
      if ('userReference' in record && record.userReference !== undefined) keys.TrainingUserReference = record.userReference.text;
      if ('year' in record && record.year !== undefined) keys.Year = record.year.text;
      if (record.rightType !== undefined && 'year' in record) keys.RightType = record.rightType.text;
    }
    return keys;
  }
}

function add(tally: Tally, received: number, rejected: number): void {
  tally.received += received;
  tally.rejected += rejected;
  tally.accepted += received - rejected;
}

/** A rule applies to a declaration whose quarter starts within its validity. */
function applies(rule: Rule, form: FormHeader): boolean {
  const start = quarterPeriod(form.quarter?.text)?.firstDay;
  if (start === undefined) return true;
  const since = dayNumber(rule.meta.since) ?? -Infinity;
  const until = rule.meta.until === undefined ? Infinity : (dayNumber(rule.meta.until) ?? Infinity);
  return start >= since && start < until;
}
