// Collects, while a file streams through, what the notification lists per declaration and person
// (ACK.md "Notification"): identity, rejection, and the counters before and after this file. The
// forms stay in memory (a few per thousand persons); the persons go to a spool file, one line
// each, and are read back form by form while the notification is written.
import type { FormOutcome, FormSource, PersonOutcome, WindowCounters } from '../answers/index.js';
import type { FormHeader, NaturalPerson } from '../declaration/model.js';
import type { PersonOutcome as RulesOutcome } from '../rules/runner.js';
import { RIGHT_TYPES } from './allocation.js';
import type { WindowChange } from './session.js';
import { SpoolFile } from './spool.js';
import { FLA_2024_WINDOWS } from './windows.js';

interface MutableForm {
  identity: FormOutcome;
  received: number;
  rejected: number;
  formRejected: boolean;
  /** Some person rejected, or with rejected records. */
  blocking: boolean;
  /** The byte range of its persons' lines in the spool. */
  start: number;
  end: number;
}

/** One spooled person: position, rejected (0/1), records rejected, sequence number, INSS. */
type PersonLine = [number, number, number, string | null, string | null];

export class OutcomeCollector {
  private readonly forms: MutableForm[] = [];
  private readonly spool = new SpoolFile();

  form(header: FormHeader): void {
    const start = this.spool.flush();
    this.forms.push({
      identity: {
        position: header.index,
        rejected: false,
        personsReceived: 0,
        personsRejected: 0,
        ...(header.referenceNbr !== undefined ? { referenceNbr: header.referenceNbr.text } : {}),
        ...(header.companyId !== undefined ? { companyId: header.companyId.text } : {}),
        ...(header.quarter !== undefined ? { quarter: header.quarter.text } : {}),
      },
      received: 0,
      rejected: 0,
      formRejected: false,
      blocking: false,
      start,
      end: start,
    });
  }

  person(person: NaturalPerson, outcome: RulesOutcome): void {
    const form = this.forms.at(-1);
    if (form === undefined) return;
    form.received++;
    if (outcome.rejected) form.rejected++;
    let recordsRejected = 0;
    if (!outcome.rejected && outcome.rejectedRecords.size > 0) {
      for (const r of person.rights) if (outcome.rejectedRecords.has(r)) recordsRejected++;
      for (const t of person.trainings) if (outcome.rejectedRecords.has(t)) recordsRejected++;
    }
    if (outcome.rejected || recordsRejected > 0) form.blocking = true;
    const line: PersonLine = [person.index, outcome.rejected ? 1 : 0, recordsRejected, person.sequenceNbr?.text ?? null, person.inss?.text ?? null];
    this.spool.append(`${JSON.stringify(line)}\n`);
  }

  formEnd(rejected: boolean): void {
    const form = this.forms.at(-1);
    if (form !== undefined) form.formRejected = rejected;
  }

  /**
   * The forms with their persons read back from the spool, each accepted person with the counters
   * this file changed for its worker (`changes` by CompanyID and INSS).
   */
  source(changes: (companyId: string, inss: string) => readonly WindowChange[] | undefined): FormSource {
    const end = this.spool.flush();
    this.forms.forEach((form, i) => (form.end = this.forms[i + 1]?.start ?? end));
    const byOutcome = new Map<FormOutcome, MutableForm>();
    const forms = this.forms.map((form) => {
      const outcome = outcomeOf(form);
      byOutcome.set(outcome, form);
      return outcome;
    });
    const spool = this.spool;
    return {
      forms,
      blocking(outcome: FormOutcome): boolean {
        const form = byOutcome.get(outcome);
        // A rejected form's persons are all read back as rejected.
        return form !== undefined && (form.blocking || (form.formRejected && form.received > 0));
      },
      *persons(outcome: FormOutcome, withCounters: boolean): Generator<PersonOutcome> {
        const form = byOutcome.get(outcome);
        if (form === undefined) return;
        for (const text of spool.lines(form.start, form.end)) {
          const [position, rejected, recordsRejected, sequenceNbr, inss] = JSON.parse(text) as PersonLine;
          const p: PersonOutcome = {
            position,
            rejected: rejected === 1 || form.formRejected,
            ...(sequenceNbr !== null ? { sequenceNbr } : {}),
            ...(inss !== null ? { inss } : {}),
            ...(recordsRejected > 0 ? { recordsRejected } : {}),
          };
          const windows = !withCounters || p.rejected ? undefined : changes(form.identity.companyId ?? '', inss ?? '');
          yield windows === undefined || windows.length === 0 ? p : { ...p, counters: windows.map(toWindowCounters) };
        }
      },
    };
  }

  /** Removes the spool; the forms stay. */
  close(): void {
    this.spool.close();
  }
}

function outcomeOf(form: MutableForm): FormOutcome {
  return { ...form.identity, rejected: form.formRejected, personsReceived: form.received, personsRejected: form.formRejected ? form.received : form.rejected };
}

function toWindowCounters(change: WindowChange): WindowCounters {
  // Granted and used of type i are at 2i and 2i + 1, the uncovered hours last (windowFigures).
  const figures = (c: readonly number[], i: number) => ({ granted: c[2 * i]! / 100, used: c[2 * i + 1]! / 100, remaining: (c[2 * i]! - c[2 * i + 1]!) / 100 });
  return {
    windowStart: change.windowStart,
    windowEnd: change.windowStart + FLA_2024_WINDOWS.length - 1,
    rights: RIGHT_TYPES.map((rightType, i) => ({ rightType, before: figures(change.before, i), after: figures(change.after, i) })),
    uncovered: { before: change.before[6]! / 100, after: change.after[6]! / 100 },
  };
}
