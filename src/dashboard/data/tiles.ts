// The landing view's tiles (issue #13), gathered worker by worker and training by training while
// the model streams out, so that only the lists a click shows are held in memory.
import { RIGHT_TYPES } from '../../ledger/allocation.js';
import type { DashboardTile } from '../model.js';
import type { StoredRight, StoredTraining } from './statements.js';

/** The ids are stable: the page keys its labels and deep links on them. */
export const TILE_IDS = {
  progress: ['legal-right-declared', 'training-in-window', 'legal-credit-used', 'rights-at-entitlement'],
  warning: ['uncovered-hours', 'certificates-expiring', 'trainings-late', 'employment-ending-with-credit', 'rights-missing'],
  info: ['workers', 'trainings', 'training-hours'],
} as const;

/** Days ahead of the as-of date that a certificate or an employment end counts as "soon". */
export const SOON_DAYS = 90;

/** Rule 10042-021's tolerance: two roundings may leave a right one hundredth under its entitlement. */
const ENTITLEMENT_TOLERANCE = 1;

/**
 * What the tiles need of a worker's records, kept per worker from the pass over the records (in
 * INSS order) until the worker's counters come by (in name order): a few numbers, not the records.
 */
export interface WorkerSummary {
  /** Day numbers; end null: ongoing. Empty when the ledger holds none (before migration 9). */
  readonly employment: ReadonlyArray<readonly [number, number | null]>;
  /** The LEGAL right of the as-of year, when above 0. */
  readonly legal: Pick<StoredRight, 'hours' | 'entitlement'> | null;
  /** Whether a training of the window is not cancelled. */
  readonly trained: boolean;
}

export const NO_RECORDS: WorkerSummary = { employment: [], legal: null, trained: false };

export function summarize(employment: WorkerSummary['employment'], rights: readonly StoredRight[], trainings: readonly StoredTraining[], asOfYear: number): WorkerSummary {
  const legal = rights.find((r) => r.type === 'LEGAL' && r.year === asOfYear && r.hours > 0);
  return { employment, legal: legal === undefined ? null : { hours: legal.hours, entitlement: legal.entitlement }, trained: trainings.some((t) => t.cancelled === 0) };
}

/** What the tiles need of one worker of the window: its counters and its summary. */
export interface WorkerFacts {
  readonly inss: string;
  readonly types: Readonly<Record<(typeof RIGHT_TYPES)[number], { readonly granted: number; readonly remaining: number }>>;
  readonly uncovered: number;
  readonly summary: WorkerSummary;
}

/** What the tiles need of one training of the window (its version in force). */
export interface TrainingFacts {
  readonly reference: string;
  readonly cancelled: boolean;
  readonly hours: number;
  readonly late: boolean;
  readonly validUntil: number | null;
}

interface Progress {
  done: number;
  total: number;
  readonly toDo: string[];
}

const progress = (): Progress => ({ done: 0, total: 0, toDo: [] });

export class TileCounter {
  private workers = 0;
  private trainings = 0;
  private hours = 0;
  private readonly progress = { declared: progress(), trained: progress(), used: progress(), entitled: progress() };
  private readonly warnings = { uncovered: [] as string[], expiring: [] as string[], late: [] as string[], ending: [] as string[], missing: [] as string[] };

  /** The as-of date and the first and last day of its year ("this year"), as day numbers. */
  constructor(
    private readonly asOfDay: number,
    private readonly yearStart: number,
    private readonly yearEnd: number,
  ) {}

  addWorker(w: WorkerFacts): void {
    this.workers++;
    const { legal, employment } = w.summary;
    count(this.progress.declared, legal !== null, w.inss);
    count(this.progress.trained, w.summary.trained, w.inss);
    if (w.types.LEGAL.granted > 0) count(this.progress.used, w.types.LEGAL.remaining <= 0, w.inss);
    // Only where the ledger knows the entitlement (migration 9) and there is one to reach.
    if (legal?.entitlement != null && legal.entitlement > 0) count(this.progress.entitled, legal.hours + ENTITLEMENT_TOLERANCE >= legal.entitlement, w.inss);
    if (w.uncovered > 0) this.warnings.uncovered.push(w.inss);
    if (employment.length > 0) {
      const lastDay = employment.reduce<number>((last, [, end]) => Math.max(last, end ?? Infinity), -Infinity);
      const left = RIGHT_TYPES.reduce((sum, t) => sum + w.types[t].remaining, 0);
      if (lastDay <= this.asOfDay + SOON_DAYS && left > 0) this.warnings.ending.push(w.inss);
      const employedThisYear = employment.some(([start, end]) => start <= this.yearEnd && (end === null || end >= this.yearStart));
      if (employedThisYear && legal === null) this.warnings.missing.push(w.inss);
    }
  }

  addTraining(t: TrainingFacts): void {
    if (t.cancelled) return;
    this.trainings++;
    this.hours += t.hours;
    if (t.late) this.warnings.late.push(t.reference);
    if (t.validUntil !== null && t.validUntil >= this.asOfDay && t.validUntil <= this.asOfDay + SOON_DAYS) this.warnings.expiring.push(t.reference);
  }

  tiles(): DashboardTile[] {
    const p = (id: string, x: Progress): DashboardTile => ({ id, kind: 'progress', value: x.done, total: x.total, inss: x.toDo });
    const w = (id: string, list: string[]): DashboardTile => ({ id, kind: 'warning', value: list.length, inss: list });
    const i = (id: string, value: number): DashboardTile => ({ id, kind: 'info', value, inss: [] });
    const [declared, trained, used, entitled] = TILE_IDS.progress;
    const [uncovered, expiring, late, ending, missing] = TILE_IDS.warning;
    const [workers, trainings, hours] = TILE_IDS.info;
    return [
      p(declared, this.progress.declared),
      p(trained, this.progress.trained),
      p(used, this.progress.used),
      p(entitled, this.progress.entitled),
      w(uncovered, this.warnings.uncovered),
      w(expiring, this.warnings.expiring),
      w(late, this.warnings.late),
      w(ending, this.warnings.ending),
      w(missing, this.warnings.missing),
      i(workers, this.workers),
      i(trainings, this.trainings),
      i(hours, this.hours),
    ];
  }
}

/** A progress tile lists who is still to act on. */
function count(tile: Progress, done: boolean, inss: string): void {
  tile.total++;
  if (done) tile.done++;
  else tile.toDo.push(inss);
}
