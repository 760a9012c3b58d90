// The typed view of a declaration file (FORMAT.md). Values are kept as the text the sender wrote,
// each with where it stands, so that a rule can quote it and point at it; rules parse what they need.

export const DECLARATION_NS = 'urn:be:fla:declaration:v1';

/** Where a value or block stands: 1-based line and column, and an XPath with the `d:` prefix. */
export interface Location {
  readonly line: number;
  readonly column: number;
  readonly xpath: string;
}

/**
 * Where an element stands, with its XPath built only when somebody asks for it: a file has millions
 * of elements and a rule points at a handful of them.
 */
export class ElementLocation implements Location {
  constructor(
    readonly line: number,
    readonly column: number,
    private readonly parent: Location | null,
    private readonly name: string,
    /** 1-based position among same-named siblings; 0 for an element that never repeats. */
    private readonly position: number,
  ) {}

  get xpath(): string {
    const step = this.position > 0 ? `d:${this.name}[${this.position}]` : `d:${this.name}`;
    return this.parent === null ? `/${step}` : `${this.parent.xpath}/${step}`;
  }
}

/** A zone's value that is its own location: one object per value instead of two. */
export class ZoneValue implements Field, Location {
  readonly at: Location = this;

  constructor(
    readonly text: string,
    readonly line: number,
    readonly column: number,
    private readonly parent: Location,
    private readonly name: string,
  ) {}

  get xpath(): string {
    return `${this.parent.xpath}/d:${this.name}`;
  }
}

export interface Field {
  readonly text: string;
  readonly at: Location;
}

/** Exactly one of Hours or Days (FORMAT.md 10042, 10057). */
export interface Duration {
  readonly unit: 'hours' | 'days';
  readonly amount: Field;
}

export interface FormHeader {
  /** 1-based position of the Form in the file. */
  readonly index: number;
  readonly at: Location;
  readonly identification?: Field;
  readonly creationDate?: Field;
  readonly creationHour?: Field;
  readonly typeForm?: Field;
  readonly referenceNbr?: Field;
  readonly quarter?: Field;
  readonly nossRegistrationNbr?: Field;
  readonly companyId?: Field;
  readonly workforceSize?: Field;
}

export interface Employment {
  readonly at: Location;
  readonly sequenceNbr?: Field;
  readonly startingDate?: Field;
  readonly endingDate?: Field;
  readonly jointCommissionNbr?: Field;
  readonly meanWorkingHours?: Field;
  readonly refMeanWorkingHours?: Field;
}

export interface TrainingRight {
  readonly at: Location;
  readonly year?: Field;
  readonly rightType?: Field;
  readonly duration?: Duration;
  readonly collectiveAgreementNbr?: Field;
}

export interface Certificate {
  readonly at: Location;
  readonly obtained?: Field;
  readonly validUntil?: Field;
}

export interface Provider {
  readonly at: Location;
  readonly name?: Field;
  readonly companyId?: Field;
}

export interface Training {
  readonly at: Location;
  readonly sequenceNbr?: Field;
  readonly userReference?: Field;
  readonly action?: Field;
  readonly title?: Field;
  readonly kind?: Field;
  readonly startingDate?: Field;
  readonly endingDate?: Field;
  readonly duration?: Duration;
  readonly attended?: Field;
  readonly countsForFla?: Field;
  readonly exclusionReason?: Field;
  readonly certificate?: Certificate;
  readonly provider?: Provider;
  readonly rightType?: Field;
}

export interface NaturalPerson {
  /** 1-based position of the person in its Form. */
  readonly index: number;
  readonly at: Location;
  readonly sequenceNbr?: Field;
  readonly inss?: Field;
  readonly workerName?: Field;
  readonly workerFirstName?: Field;
  readonly birthDate?: Field;
  readonly userReference?: Field;
  readonly employments: readonly Employment[];
  readonly rights: readonly TrainingRight[];
  readonly trainings: readonly Training[];
}

export type DeclarationItem =
  | { readonly kind: 'form'; readonly form: FormHeader }
  | { readonly kind: 'person'; readonly form: FormHeader; readonly person: NaturalPerson }
  | { readonly kind: 'form-end'; readonly form: FormHeader; readonly persons: number };
