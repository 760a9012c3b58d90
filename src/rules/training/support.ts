// Shared by the Training rules: which records are read, the training period, the employment
// periods, and the training's hours (COUNTERS.md "Trainings and used hours").
import type { Employment, Training } from '../../declaration/model.js';
import { durationHours, referenceHoursOnDay } from '../../declaration/conversion.js';
import { dayNumber } from '../../declaration/values.js';

/** With CANCEL only the sequence number, the reference and the action are read (FORMAT.md). */
export function readsRecord(training: Training): boolean {
  const action = training.action?.text;
  return action === 'CREATE' || action === 'REPLACE';
}

/** An xs:int as its value, so that `01` and `1` are the same number; the text when it does not parse. */
export { integerKey } from '../../declaration/values.js';

export interface TrainingPeriod {
  readonly start: number;
  readonly end: number;
  /** Calendar days of the period, both ends included. */
  readonly days: number;
}

/** The period when both dates parse and the end is not before the start (10056-014 rejects that). */
export function trainingPeriod(training: Training): TrainingPeriod | null {
  const start = dayNumber(training.startingDate?.text);
  const end = dayNumber(training.endingDate?.text);
  if (start === null || end === null || end < start) return null;
  return { start, end, days: end - start + 1 };
}

export interface DatedEmployment {
  readonly employment: Employment;
  readonly start: number;
  readonly end: number | null;
}

/** Employments whose dates parse; `complete` is false when one of them could not be read. */
export function datedEmployments(employments: readonly Employment[]): { dated: DatedEmployment[]; complete: boolean } {
  const dated: DatedEmployment[] = [];
  let complete = true;
  for (const employment of employments) {
    const start = dayNumber(employment.startingDate?.text);
    const end = employment.endingDate === undefined ? null : dayNumber(employment.endingDate.text);
    if (start === null || (employment.endingDate !== undefined && end === null)) complete = false;
    else dated.push({ employment, start, end });
  }
  return { dated, complete };
}

/**
 * The training's duration in hundredths of an hour, Days converted with the S of the employment that
 * covers the StartingDate (COUNTERS.md), by the same function the ledger uses. Null when unreadable.
 */
export function trainingHours(training: Training, employments: readonly Employment[]): number | null {
  // Hours need no S; Days take it from the employment on the StartingDate, so need that date.
  if (training.duration?.unit !== 'days') return durationHours(training.duration, 0);
  const start = dayNumber(training.startingDate?.text);
  if (start === null) return null;
  return durationHours(training.duration, referenceHoursOnDay(employments, start));
}
