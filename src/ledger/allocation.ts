// COUNTERS.md "Five-year windows" and "Counter figures": how one worker's trainings consume one
// employer's rights within one window. Pure and in hundredths of an hour, so that the incremental
// counters and a full recomputation can be compared exactly.

export const RIGHT_TYPES = ['LEGAL', 'SECTOR', 'EMPLOYER'] as const;
export type RightType = (typeof RIGHT_TYPES)[number];

export interface GrantedRight {
  readonly year: number;
  readonly type: RightType;
  readonly hours: number;
}

export interface UsingTraining {
  readonly reference: string;
  /** Day numbers; the training counts in the year of its end. */
  readonly startDay: number;
  readonly endDay: number;
  readonly year: number;
  readonly hours: number;
  /** Only this type, or the allocation order LEGAL, SECTOR, EMPLOYER when null. */
  readonly rightType: RightType | null;
}

export interface TypeFigures {
  granted: number;
  used: number;
}

export interface WindowCounters {
  readonly types: Record<RightType, TypeFigures>;
  /** Per year of the window that has a right or a training: granted and used by type. */
  readonly years: Map<number, Record<RightType, TypeFigures>>;
  readonly uncovered: number;
  /** Uncovered hours per training reference (only those with some), for rule 10066-245. */
  readonly uncoveredByTraining: Map<string, number>;
}

const zero = (): Record<RightType, TypeFigures> => ({ LEGAL: { granted: 0, used: 0 }, SECTOR: { granted: 0, used: 0 }, EMPLOYER: { granted: 0, used: 0 } });

export function allocate(rights: readonly GrantedRight[], trainings: readonly UsingTraining[]): WindowCounters {
  const types = zero();
  const years = new Map<number, Record<RightType, TypeFigures>>();
  const yearOf = (year: number): Record<RightType, TypeFigures> => {
    let figures = years.get(year);
    if (figures === undefined) years.set(year, (figures = zero()));
    return figures;
  };
  for (const right of rights) {
    types[right.type].granted += right.hours;
    yearOf(right.year)[right.type].granted += right.hours;
  }
  // What each type has granted up to a year: a training may use its own year and earlier ones.
  const grantedUpTo = (type: RightType, year: number): number => {
    let sum = 0;
    for (const [y, figures] of years) if (y <= year) sum += figures[type].granted;
    return sum;
  };
  for (const training of trainings) yearOf(training.year);
  const ordered = [...trainings].sort((a, b) => a.endDay - b.endDay || a.startDay - b.startDay || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
  let uncovered = 0;
  const uncoveredByTraining = new Map<string, number>();
  for (const training of ordered) {
    let left = training.hours;
    for (const type of training.rightType === null ? RIGHT_TYPES : [training.rightType]) {
      if (left === 0) break;
      const available = grantedUpTo(type, training.year) - types[type].used;
      const take = Math.max(0, Math.min(left, available));
      types[type].used += take;
      yearOf(training.year)[type].used += take;
      left -= take;
    }
    if (left > 0) {
      uncovered += left;
      uncoveredByTraining.set(training.reference, left);
    }
  }
  return { types, years, uncovered, uncoveredByTraining };
}
