// The contract between the two halves of `fla report` (issue #13): src/dashboard/data/* computes a
// DashboardModel from the ledger, src/dashboard/page/* turns it into one self-contained HTML file.
// Hours are hundredths (integers), as everywhere in the ledger; dates are ISO days (YYYY-MM-DD).
import type { RightType } from '../ledger/allocation.js';

export type Lang = 'nl' | 'fr' | 'en';

/** Per type, what `fla counters --format json` reports for the worker's window (hundredths). */
export type TypeFigures = Readonly<Record<RightType, { readonly granted: number; readonly used: number; readonly remaining: number }>>;

export interface TrainingVersion {
  readonly action: 'CREATE' | 'REPLACE' | 'CANCEL';
  /** The received file that brought this version, and when it was processed. */
  readonly fileName: string;
  readonly ticket: string;
  readonly processedAt: string;
}

export interface DashboardTraining {
  /** TrainingUserReference: unique per employer. */
  readonly reference: string;
  readonly inss: string;
  readonly title: string | null;
  readonly startDay: string | null;
  readonly endDay: string | null;
  readonly year: number | null;
  readonly hours: number;
  readonly rightType: RightType | null;
  readonly cancelled: boolean;
  readonly late: boolean;
  readonly certificateValidUntil: string | null;
  readonly history: readonly TrainingVersion[];
}

export interface EmploymentPeriod {
  readonly start: string;
  readonly end: string | null;
}

export interface DashboardWorker {
  readonly inss: string;
  readonly name: string;
  readonly firstName: string;
  readonly employment: readonly EmploymentPeriod[];
  /** Window totals, equal to `fla counters --format json` `types`. */
  readonly types: TypeFigures;
  /** Per year of the window, equal to the counters JSON `years` (a year with nothing is absent). */
  readonly years: Readonly<Record<string, Partial<Record<RightType, { readonly granted: number; readonly used: number }>>>>;
  readonly uncovered: number;
}

export type TileKind = 'progress' | 'warning' | 'info';

export interface DashboardTile {
  /** Stable id, also the key of its label in the page's nl/fr/en catalogue and of its deep link. */
  readonly id: string;
  readonly kind: TileKind;
  /** progress: workers done out of total (percentage = done / total); warning/info: count. */
  readonly value: number;
  readonly total?: number;
  /** The workers (INSZ) or trainings (reference) a click lists. */
  readonly inss: readonly string[];
}

/** One point of the average-hours charts: period is `2026-Q1` (quarters) or `2026` (years). */
export interface SeriesPoint {
  readonly period: string;
  readonly type: RightType;
  /** Average training hours per worker (hundredths). */
  readonly average: number;
}

export interface DashboardModel {
  readonly generatedAt: string;
  readonly asOf: string;
  readonly lang: Lang;
  readonly companyId: string;
  readonly companyName: string | null;
  /** The window shown, e.g. 2024 for 2024-2028. */
  readonly window: number;
  readonly tiles: readonly DashboardTile[];
  readonly quarterly: readonly SeriesPoint[];
  readonly yearly: readonly SeriesPoint[];
  readonly workers: readonly DashboardWorker[];
  readonly trainings: readonly DashboardTraining[];
}

/**
 * The page without its data: `head` + the base64 of the gzipped JSON of the model + `tail`. The data
 * sits in `<script id="fla-data" type="application/octet-stream">…</script>` between them, so the
 * writer streams the model in bounded memory without building the page as one string.
 */
export interface PageShell {
  readonly head: string;
  readonly tail: string;
}

/** One line of the `--sender` index page. */
export interface DashboardIndexEntry {
  readonly companyId: string;
  readonly companyName: string | null;
  readonly file: string;
  readonly workers: number;
}
