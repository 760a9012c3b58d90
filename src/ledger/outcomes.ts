// Collects, while a file streams through, what the notification lists per declaration and person
// (ACK.md "Notification"): identity, rejection, and the counters before and after this file.
import type { FormOutcome, PersonOutcome, WindowCounters } from '../answers/index.js';
import type { FormHeader, NaturalPerson } from '../declaration/model.js';
import type { PersonOutcome as RulesOutcome } from '../rules/runner.js';
import { RIGHT_TYPES } from './allocation.js';
import type { WindowChange } from './session.js';
import { FLA_2024_WINDOWS } from './windows.js';

interface MutableForm {
  identity: FormOutcome;
  persons: PersonOutcome[];
  received: number;
  rejected: number;
  formRejected: boolean;
}

export class OutcomeCollector {
  private readonly forms: MutableForm[] = [];

  form(header: FormHeader): void {
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
      persons: [],
      received: 0,
      rejected: 0,
      formRejected: false,
    });
  }

  person(person: NaturalPerson, outcome: RulesOutcome): void {
    const form = this.forms.at(-1);
    if (form === undefined) return;
    form.received++;
    if (outcome.rejected) form.rejected++;
    const recordsRejected = outcome.rejected ? 0 : [...person.rights, ...person.trainings].filter((r) => outcome.rejectedRecords.has(r)).length;
    form.persons.push({
      position: person.index,
      rejected: outcome.rejected,
      ...(person.sequenceNbr !== undefined ? { sequenceNbr: person.sequenceNbr.text } : {}),
      ...(person.inss !== undefined ? { inss: person.inss.text } : {}),
      ...(recordsRejected > 0 ? { recordsRejected } : {}),
    });
  }

  formEnd(rejected: boolean): void {
    const form = this.forms.at(-1);
    if (form !== undefined) form.formRejected = rejected;
  }

  /** The outcomes, each accepted person with the counters this file changed for its worker. */
  withCounters(changes: ReadonlyMap<string, readonly WindowChange[]>): FormOutcome[] {
    return this.forms.map((form) => ({
      ...form.identity,
      rejected: form.formRejected,
      personsReceived: form.received,
      personsRejected: form.formRejected ? form.received : form.rejected,
      persons: form.persons.map((p) => {
        const windows = form.formRejected || p.rejected ? undefined : changes.get(`${form.identity.companyId ?? ''} ${p.inss ?? ''}`);
        return windows === undefined ? { ...p, rejected: p.rejected || form.formRejected } : { ...p, counters: windows.map(toWindowCounters) };
      }),
    }));
  }
}

function toWindowCounters(change: WindowChange): WindowCounters {
  const figures = (c: WindowChange['before'], type: (typeof RIGHT_TYPES)[number]) => ({ granted: c.types[type].granted / 100, used: c.types[type].used / 100, remaining: (c.types[type].granted - c.types[type].used) / 100 });
  return {
    windowStart: change.windowStart,
    windowEnd: change.windowStart + FLA_2024_WINDOWS.length - 1,
    rights: RIGHT_TYPES.map((rightType) => ({ rightType, before: figures(change.before, rightType), after: figures(change.after, rightType) })),
    uncovered: { before: change.before.uncovered / 100, after: change.after.uncovered / 100 },
  };
}
