// The charts' series: average training hours per worker by quarter and by year, per right type.
// Per type means as the counters allocate (COUNTERS.md): a training without a RightType may use
// LEGAL, then SECTOR, then EMPLOYER. Allocation runs in (EndingDate, StartingDate, reference) order,
// so the trainings that ended by a quarter's last day are a prefix of that order and the hours used
// up to that quarter are allocate(rights, prefix): each quarter's hours are the difference. The
// years are the sums of their quarters and equal the counters' per-year `used`.
import { allocate, RIGHT_TYPES, type GrantedRight, type RightType, type UsingTraining } from '../../ledger/allocation.js';
import { isRightType } from '../../ledger/store.js';
import { civilToDay, yearOfDay, monthOfDay } from '../../declaration/values.js';
import type { SeriesPoint } from '../model.js';
import type { StoredRight, StoredTraining } from './statements.js';

/** A quarter as an index: year × 4 + quarter − 1. */
const quarterOf = (day: number): number => yearOfDay(day) * 4 + Math.floor(monthOfDay(day) / 3);
const lastDayOf = (quarter: number): number => civilToDay(Math.floor((quarter + 1) / 4), ((quarter + 1) % 4) * 3 + 1, 1) - 1;
const quarterLabel = (quarter: number): string => `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`;

export class SeriesCounter {
  /** Hours used per quarter index and type, summed over the workers. */
  private readonly used = new Map<number, Record<RightType, number>>();
  constructor(
    private readonly windowStart: number,
    private readonly windowEnd: number,
    private readonly asOfQuarter: number,
  ) {}

  /** Set once the workers of the window are counted: the averages are over all of them. */
  workers = 0;

  /** Any worker's records: those without trainings of the window add nothing. */
  addWorker(rights: readonly StoredRight[], trainings: readonly StoredTraining[]): void {
    const using: UsingTraining[] = [];
    for (const t of trainings) {
      if (t.cancelled !== 0 || t.usesCredit !== 1 || t.startDay === null || t.endDay === null || t.hours === null) continue;
      using.push({ reference: t.reference, startDay: t.startDay, endDay: t.endDay, year: t.year, hours: t.hours, rightType: isRightType(t.rightType) ? t.rightType : null });
    }
    if (using.length === 0) return;
    const granted: GrantedRight[] = rights.map((r) => ({ year: r.year, type: r.type, hours: r.hours }));
    const quarters = [...new Set(using.map((t) => quarterOf(t.endDay)))].sort((a, b) => a - b);
    const before: Record<RightType, number> = { LEGAL: 0, SECTOR: 0, EMPLOYER: 0 };
    for (const quarter of quarters) {
      const last = lastDayOf(quarter);
      const upTo = allocate(granted, using.filter((t) => t.endDay <= last)).types;
      let sums = this.used.get(quarter);
      if (sums === undefined) this.used.set(quarter, (sums = { LEGAL: 0, SECTOR: 0, EMPLOYER: 0 }));
      for (const type of RIGHT_TYPES) {
        sums[type] += upTo[type].used - before[type];
        before[type] = upTo[type].used;
      }
    }
  }

  /** Every quarter from the window's first up to the as-of quarter (or the last with hours), each type. */
  quarterly(): SeriesPoint[] {
    const points: SeriesPoint[] = [];
    for (let q = this.windowStart * 4; q <= this.lastQuarter(); q++) {
      for (const type of RIGHT_TYPES) points.push({ period: quarterLabel(q), type, average: this.average(this.used.get(q)?.[type] ?? 0) });
    }
    return points;
  }

  yearly(): SeriesPoint[] {
    const points: SeriesPoint[] = [];
    for (let year = this.windowStart; year <= Math.floor(this.lastQuarter() / 4); year++) {
      for (const type of RIGHT_TYPES) {
        let sum = 0;
        for (let q = year * 4; q < year * 4 + 4; q++) sum += this.used.get(q)?.[type] ?? 0;
        points.push({ period: String(year), type, average: this.average(sum) });
      }
    }
    return points;
  }

  private lastQuarter(): number {
    const withHours = Math.max(-1, ...this.used.keys());
    return Math.min(this.windowEnd * 4 + 3, Math.max(this.asOfQuarter, withHours));
  }

  /** Hundredths per worker, rounded half up once. */
  private average(sum: number): number {
    return this.workers === 0 ? 0 : Math.round(sum / this.workers);
  }
}

export { quarterOf };
