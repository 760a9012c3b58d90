// A synthetic DashboardModel for the page's tests, screenshots and bench: deterministic for a seed,
// internally consistent (used hours within the granted ones, the rest uncovered; tiles and averages
// counted from the workers and trainings). No runtime import, so that the .mjs scripts can load it
// with TypeScript's transpileModule (tests/browser/load-ts.mjs).
import type { DashboardModel, DashboardTile, DashboardTraining, DashboardWorker, Lang, SeriesPoint, TrainingVersion } from '../../src/dashboard/model.js';

type RightType = 'LEGAL' | 'SECTOR' | 'EMPLOYER';
const TYPES: readonly RightType[] = ['LEGAL', 'SECTOR', 'EMPLOYER'];

export interface SyntheticOptions {
  readonly workers: number;
  readonly seed?: number;
  readonly lang?: Lang;
  readonly companyName?: string | null;
}

/** The first worker: the search tests look for this name without accents and this INSZ. */
export const FRANCOIS = { firstName: 'FRANÇOIS', name: 'LEFÈVRE', inss: '85073003328' } as const;

const FIRST_NAMES = ['Anaïs', 'Jérôme', 'Chloé', 'Noël', 'Hélène', 'Zoë', 'Lucas', 'Emma', 'Mohamed', 'Louise', 'Arthur', 'Inès', 'Liam', 'Olivia', 'Sofía', 'Björn', 'Ayşe', 'Maëlle', 'Timéo', 'Léa'];
const LAST_NAMES = ['Peeters', 'Janssens', 'Maes', 'Dubois', 'Lambert', "D'Hondt", 'Van den Broeck', 'Müller', 'Çelik', 'Lefèvre', 'Dupont', 'Wouters', 'Goossens', 'Renard', 'Claes', 'Mertens', 'Lemaître', 'Nowak', 'El Amrani', 'Vermeulen'];
const TITLES = ['Veiligheid op de werkvloer', 'Excel avancé', 'First aid', 'Heftruck', 'Communication client', 'Leadership', 'GDPR awareness', 'Nederlands op het werk'];

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid INSZ for a birth in the 1900s: check digits 97 - (first nine digits mod 97). */
export function syntheticInss(index: number): string {
  const year = 60 + (index % 40);
  const month = 1 + (Math.floor(index / 40) % 12);
  const day = 1 + (Math.floor(index / 480) % 28);
  const sequence = 1 + (Math.floor(index / 13440) % 997);
  const nine = `${pad(year, 2)}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 3)}`;
  return `${nine}${pad(97 - (Number(nine) % 97), 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
}

interface Ledger {
  granted: Record<number, Partial<Record<RightType, number>>>;
  used: Record<number, Partial<Record<RightType, number>>>;
  uncovered: number;
}

export function syntheticModel(options: SyntheticOptions): DashboardModel {
  const next = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const window = 2024;
  const asOf = '2026-11-30';
  const workers: DashboardWorker[] = [];
  const trainings: DashboardTraining[] = [];
  const quarterHours = new Map<string, number>();
  const yearHours = new Map<string, number>();
  for (let index = 0; index < options.workers; index++) {
    const first = index === 0 ? FRANCOIS.firstName : pick(FIRST_NAMES);
    const last = index === 0 ? FRANCOIS.name : pick(LAST_NAMES);
    const inss = index === 0 ? FRANCOIS.inss : syntheticInss(index);
    const ledger: Ledger = { granted: {}, used: {}, uncovered: 0 };
    for (const year of [2024, 2025, 2026]) {
      if (year === 2026 && next() < 0.15) continue;
      const rights: Partial<Record<RightType, number>> = { LEGAL: 800 * (1 + Math.floor(next() * 5)) };
      if (next() < 0.5) rights.SECTOR = 800 * (1 + Math.floor(next() * 3));
      if (next() < 0.3) rights.EMPLOYER = 1600;
      ledger.granted[year] = rights;
    }
    const count = index === 0 ? 3 : Math.floor(next() * 3.2);
    for (let n = 0; n < count; n++) {
      const year = 2024 + Math.floor(next() * 3);
      const month = 1 + Math.floor(next() * (year === 2026 ? 11 : 12));
      const day = 1 + Math.floor(next() * 27);
      const hours = 100 * (4 + Math.floor(next() * 36));
      const rightType: RightType | null = next() < 0.6 ? null : pick(TYPES);
      const history = trainingHistory(next, `${inss}-${n}`, year, month, day);
      const cancelled = history[history.length - 1]?.action === 'CANCEL';
      const reference = `TR-${pad(index, 6)}-${n + 1}`;
      trainings.push({
        reference,
        inss,
        title: pick(TITLES),
        startDay: isoDay(year, month, day),
        endDay: isoDay(year, month, Math.min(28, day + 1)),
        year,
        hours,
        rightType,
        cancelled,
        late: next() < 0.05,
        certificateValidUntil: next() < 0.1 ? isoDay(2027, 1 + Math.floor(next() * 3), 15) : null,
        history,
      });
      if (cancelled) continue;
      allocate(ledger, year, hours, rightType);
      const quarter = `${year}-Q${Math.ceil(month / 3)}`;
      quarterHours.set(`${quarter}|${rightType ?? 'LEGAL'}`, (quarterHours.get(`${quarter}|${rightType ?? 'LEGAL'}`) ?? 0) + hours);
      yearHours.set(`${year}|${rightType ?? 'LEGAL'}`, (yearHours.get(`${year}|${rightType ?? 'LEGAL'}`) ?? 0) + hours);
    }
    workers.push(workerOf(inss, first, last, index, ledger));
  }
  return {
    generatedAt: '2026-12-01T08:30:00.000Z',
    asOf,
    lang: options.lang ?? 'en',
    companyId: '0123456749',
    companyName: options.companyName === undefined ? 'Synthetic Works NV' : options.companyName,
    window,
    tiles: tilesOf(workers, trainings),
    quarterly: averages(quarterHours, workers.length),
    yearly: averages(yearHours, workers.length),
    workers,
    trainings,
  };
}

function trainingHistory(next: () => number, key: string, year: number, month: number, day: number): TrainingVersion[] {
  const quarter = Math.ceil(month / 3);
  const version = (action: TrainingVersion['action'], offset: number): TrainingVersion => ({
    action,
    fileName: `FLA_0123456749_${year}${quarter}_${pad(offset, 3)}.xml`,
    ticket: `T${year}${pad(quarter, 2)}${pad(offset, 4)}${key.slice(-4)}`,
    processedAt: `${year}-${pad(Math.min(12, month + 1), 2)}-${pad(day, 2)}T10:${pad(offset % 60, 2)}:00.000Z`,
  });
  const versions = [version('CREATE', 1)];
  const roll = next();
  if (roll < 0.15) versions.push(version('REPLACE', 2));
  if (roll < 0.04) versions.push(version('CANCEL', 3));
  return versions;
}

/** Hours go to their type, or in the order LEGAL, SECTOR, EMPLOYER; what no right covers is uncovered. */
function allocate(ledger: Ledger, year: number, hours: number, type: RightType | null): void {
  let left = hours;
  for (const candidate of type === null ? TYPES : [type]) {
    const granted = ledger.granted[year]?.[candidate] ?? 0;
    const used = ledger.used[year]?.[candidate] ?? 0;
    const take = Math.min(left, Math.max(0, granted - used));
    if (take > 0) {
      ledger.used[year] ??= {};
      (ledger.used[year] as Partial<Record<RightType, number>>)[candidate] = used + take;
      left -= take;
    }
  }
  ledger.uncovered += left;
}

function workerOf(inss: string, firstName: string, name: string, index: number, ledger: Ledger): DashboardWorker {
  const types = { LEGAL: { granted: 0, used: 0, remaining: 0 }, SECTOR: { granted: 0, used: 0, remaining: 0 }, EMPLOYER: { granted: 0, used: 0, remaining: 0 } };
  const years: Record<string, Partial<Record<RightType, { granted: number; used: number }>>> = {};
  for (const year of [2024, 2025, 2026]) {
    for (const type of TYPES) {
      const granted = ledger.granted[year]?.[type] ?? 0;
      const used = ledger.used[year]?.[type] ?? 0;
      if (granted === 0 && used === 0) continue;
      (years[String(year)] ??= {})[type] = { granted, used };
      types[type].granted += granted;
      types[type].used += used;
      types[type].remaining += granted - used;
    }
  }
  const ended = index % 17 === 5;
  return {
    inss,
    name,
    firstName,
    employment: [{ start: isoDay(2015 + (index % 9), 1 + (index % 12), 1), end: ended ? '2026-12-31' : null }],
    types,
    years,
    uncovered: ledger.uncovered,
  };
}

function tilesOf(workers: readonly DashboardWorker[], trainings: readonly DashboardTraining[]): DashboardTile[] {
  const progress = (id: string, done: (worker: DashboardWorker) => boolean): DashboardTile => {
    const open = workers.filter((worker) => !done(worker)).map((worker) => worker.inss);
    return { id, kind: 'progress', value: workers.length - open.length, total: workers.length, inss: open };
  };
  const trained = new Set(trainings.filter((training) => !training.cancelled).map((training) => training.inss));
  const warning = (id: string, list: readonly string[]): DashboardTile => ({ id, kind: 'warning', value: list.length, inss: list });
  const active = trainings.filter((training) => !training.cancelled);
  return [
    progress('legal-right-declared', (worker) => worker.years['2026']?.LEGAL !== undefined),
    progress('training-in-window', (worker) => trained.has(worker.inss)),
    progress('legal-credit-used', (worker) => worker.types.LEGAL.granted > 0 && worker.types.LEGAL.remaining === 0),
    progress('rights-at-entitlement', (worker) => (worker.years['2026']?.LEGAL?.granted ?? 0) >= 4000),
    warning('uncovered-hours', workers.filter((worker) => worker.uncovered > 0).map((worker) => worker.inss)),
    warning('certificates-expiring', active.filter((training) => training.certificateValidUntil !== null && training.certificateValidUntil < '2027-03-01').map((training) => training.reference)),
    warning('trainings-late', active.filter((training) => training.late).map((training) => training.reference)),
    warning('employment-ending-with-credit', workers.filter((worker) => worker.employment.some((period) => period.end !== null) && worker.types.LEGAL.remaining > 0).map((worker) => worker.inss)),
    warning('rights-missing', workers.filter((worker) => worker.years['2026'] === undefined).map((worker) => worker.inss)),
    { id: 'workers', kind: 'info', value: workers.length, inss: [] },
    { id: 'trainings', kind: 'info', value: active.length, inss: [] },
    { id: 'training-hours', kind: 'info', value: active.reduce((sum, training) => sum + training.hours, 0), inss: [] },
  ];
}

function averages(hours: ReadonlyMap<string, number>, workerCount: number): SeriesPoint[] {
  return [...hours.entries()]
    .map(([key, total]) => {
      const [period, type] = key.split('|') as [string, RightType];
      return { period, type, average: Math.round(total / Math.max(1, workerCount)) };
    })
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : TYPES.indexOf(a.type) - TYPES.indexOf(b.type)));
}
