// The data half of `fla report` (issue #13): the DashboardModel of one employer, window and as-of
// date, computed from the ledger and produced as JSON text piece by piece. Two passes: the workers'
// records in INSS order (the series' sums, and a few numbers per worker for the tiles), then the
// workers' counters in name order (fla counters' own reader), written as they are read, and the
// trainings. Only those numbers, the tiles' lists and the series' sums are held: 57,000 workers
// peak at about 170 MB RSS, a third of it SQLite's page cache.
import { counterEntries } from '../../ledger/counters.js';
import type { Db } from '../../ledger/database.js';
import { isRightType } from '../../ledger/store.js';
import { FLA_2024_WINDOWS } from '../../ledger/windows.js';
import { civilToDay, dayNumber, dayToIso } from '../../declaration/values.js';
import type { DashboardModel, DashboardTraining, DashboardWorker, Lang } from '../model.js';
import { quarterOf, SeriesCounter } from './series.js';
import { DashboardStatements, type TrainingVersionRow } from './statements.js';
import { NO_RECORDS, summarize, TileCounter, type WorkerSummary } from './tiles.js';

export interface ModelOptions {
  readonly companyId: string;
  /** The window's first year, e.g. 2024 for 2024-2028. */
  readonly window: number;
  /** YYYY-MM-DD: "this year", "within 90 days" and the last period of the charts count from it. */
  readonly asOf: string;
  readonly lang: Lang;
  /** When the report was made (ISO timestamp). */
  readonly generatedAt: string;
}

/** Strings of about this many characters go out at a time: few writes, little held. */
const PIECE_CHARS = 64 * 1024;

/**
 * The model as JSON text, in pieces whose concatenation is `JSON.stringify(model)` up to key
 * order: workers and trainings first (streamed), then what was gathered while they went out.
 * `summary.workers` counts the workers written, for the --sender index.
 */
export function* modelJson(db: Db, options: ModelOptions, summary: { workers: number } = { workers: 0 }): Generator<string> {
  const asOfDay = dayNumber(options.asOf);
  if (asOfDay === null) throw new RangeError(`as-of date ${options.asOf} is not YYYY-MM-DD`);
  const asOfYear = Number(options.asOf.slice(0, 4));
  const windowStart = options.window;
  const windowEnd = windowStart + FLA_2024_WINDOWS.length;
  const statements = new DashboardStatements(db, options.companyId);
  const tiles = new TileCounter(asOfDay, civilToDay(asOfYear, 1, 1), civilToDay(asOfYear, 12, 31));
  const series = new SeriesCounter(windowStart, windowEnd - 1, quarterOf(asOfDay));
  const summaries = new Map<string, WorkerSummary>();
  for (const { inss, employment, rights, trainings } of statements.workerRecords(windowStart, windowEnd)) {
    series.addWorker(rights, trainings);
    summaries.set(inss, summarize(employment, rights, trainings, asOfYear));
  }

  let piece = `{"generatedAt":${JSON.stringify(options.generatedAt)},"asOf":${JSON.stringify(options.asOf)},"lang":${JSON.stringify(options.lang)},"companyId":${JSON.stringify(options.companyId)},"companyName":null,"window":${windowStart},"workers":[`;
  let first = true;
  for (const entry of counterEntries(db, { companyId: options.companyId, windowStart })) {
    const records = summaries.get(entry.INSS) ?? NO_RECORDS;
    tiles.addWorker({ inss: entry.INSS, types: entry.types, uncovered: entry.uncovered, summary: records });
    summary.workers++;
    const worker: DashboardWorker = {
      inss: entry.INSS,
      name: entry.name,
      firstName: entry.firstName,
      employment: records.employment.map(([start, end]) => ({ start: isoDay(start), end: end === null ? null : isoDay(end) })),
      types: entry.types,
      years: entry.years,
      uncovered: entry.uncovered,
    };
    piece += (first ? '' : ',') + JSON.stringify(worker);
    first = false;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  piece += '],"trainings":[';
  first = true;
  for (const versions of statements.versions()) {
    const training = toTraining(versions, windowStart, windowEnd);
    if (training === null) continue;
    tiles.addTraining({ reference: training.reference, cancelled: training.cancelled, hours: training.hours, late: training.late, validUntil: dayNumber(training.certificateValidUntil ?? undefined) });
    piece += (first ? '' : ',') + JSON.stringify(training);
    first = false;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  series.workers = summary.workers;
  yield `${piece}],"tiles":${JSON.stringify(tiles.tiles())},"quarterly":${JSON.stringify(series.quarterly())},"yearly":${JSON.stringify(series.yearly())}}`;
}

/** A few thousand distinct days recur across 50,000 workers: each is formatted once. */
const isoDays = new Map<number, string>();
function isoDay(day: number): string {
  let iso = isoDays.get(day);
  if (iso === undefined) isoDays.set(day, (iso = dayToIso(day)));
  return iso;
}

/** The whole model in memory: for tests and small employers (the CLI streams modelJson). */
export function buildModel(db: Db, options: ModelOptions): DashboardModel {
  return JSON.parse([...modelJson(db, options)].join('')) as DashboardModel;
}

/** A training whose version in force counts in the window, with its history; null otherwise. */
function toTraining(versions: readonly TrainingVersionRow[], windowStart: number, windowEnd: number): DashboardTraining | null {
  const now = versions[versions.length - 1]!;
  if (now.current !== 1 || now.year === null || now.year < windowStart || now.year >= windowEnd) return null;
  return {
    reference: now.reference,
    inss: now.inss,
    title: now.title,
    startDay: now.startDay === null ? null : isoDay(now.startDay),
    endDay: now.endDay === null ? null : isoDay(now.endDay),
    year: now.year,
    hours: now.hours ?? 0,
    rightType: isRightType(now.rightType) ? now.rightType : null,
    cancelled: now.cancelled === 1,
    late: now.late === 1,
    certificateValidUntil: now.validUntil === null ? null : isoDay(now.validUntil),
    history: versions.map((v) => ({ action: v.action, fileName: v.fileName, ticket: v.ticket, processedAt: v.processedAt ?? '' })),
  };
}
