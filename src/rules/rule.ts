// What a rule is (ESLint's shape): meta that says what it checks and where it applies, and a
// `create` that returns visitors. Visitors only call `report` — findings are data, and the runner
// alone decides what a blocking finding rejects.
import type { Field, FormHeader, Location, NaturalPerson, Training, TrainingRight } from '../declaration/model.js';
import type { FindingKeys, MessageData, Scope, Severity } from '../findings.js';

export type RuleSetId = 'fla-2024';

export interface RuleMeta<M extends string> {
  /** `<zone>-<type>`, never reused (RULES.md "Codes and severities"). */
  readonly code: string;
  readonly severity: Severity;
  readonly scope: Scope;
  readonly layer: 'rules' | 'ledger';
  readonly ruleSet: RuleSetId;
  /** First day (ISO date) of the declared quarters this rule applies to. */
  readonly since: string;
  /** First day it no longer applies to, when a successor rule set takes over. */
  readonly until?: string;
  /** The section of RULES.md it implements. */
  readonly clause: string;
  readonly messages: readonly M[];
}

export type RuleRecord = TrainingRight | Training;

export interface Report<M extends string> {
  readonly messageId: M;
  readonly data?: MessageData;
  /** The offending value and where it stands; or only `at` when the zone is missing. */
  readonly field?: Field;
  readonly at?: Location;
  /** The TrainingRight or Training concerned: RECORD scope rejects exactly it. */
  readonly record?: RuleRecord;
}

/** What ledger rules may ask of the stored history (and the earlier parts of the same file). */
export interface LedgerView {
  readonly sender: string;
  referenceAccepted(referenceNbr: string): boolean;
  trainingState(companyId: string, reference: string): 'unknown' | 'active' | 'cancelled';
  /** Hours of a training that no credit covers, after the person in hand was applied. */
  uncoveredHours(companyId: string, reference: string): number;
  /**
   * Whether the sender holds a mandate for the employer on that ISO date (DROPFOLDER.md
   * "Authorisation"); undefined, or the method absent, where no mandates are configured.
   */
  holdsMandate?(companyId: string, onDate: string): boolean | undefined;
}

export interface RuleContext<M extends string> {
  report(report: Report<M>): void;
  /** Present only for rules of the `ledger` layer, which run only with a database. */
  readonly ledger?: LedgerView;
  /** The day the file is processed (days since 1970-01-01, UTC): one instant for the whole file. */
  readonly today: number;
}

export interface RuleVisitor {
  form?(form: FormHeader): void;
  person?(person: NaturalPerson, form: FormHeader): void;
  /** Ledger layer: after the accepted part of the person was applied. */
  applied?(person: NaturalPerson, form: FormHeader): void;
  formEnd?(form: FormHeader): void;
}

export interface Rule<M extends string = string> {
  readonly meta: RuleMeta<M>;
  /** Called once per file: state kept in the closure lives as long as the file. */
  create(context: RuleContext<M>): RuleVisitor;
}

/** Types a rule so that a misspelt message id does not compile. */
export function defineRule<const M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export const FLA_2024 = { ruleSet: 'fla-2024', since: '2024-01-01' } as const;

export type { FindingKeys };
