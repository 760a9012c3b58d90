// Turns tokens into typed declarations (FORMAT.md "Blocks and zones"): one Form header, then one
// NaturalPerson at a time with its employments, rights and trainings. Only the person in hand is
// held in memory, so a file of any size maps in bounded space.
import { detach, type ElementHandler, type StructureProblemKind } from '../receipt/frames.js';
import { ElementLocation, ZoneValue, type DeclarationItem, type FormHeader, type Location } from './model.js';

/** What the root element says, for the receipt layer's ACRF-088 and ACRF-901 checks. */
export interface RootFacts {
  readonly name: string;
  readonly ns: string | null;
  readonly version: string | undefined;
  readonly line: number;
  readonly column: number;
}

/** A reference to something outside the file (ACRF-901): schemaLocation, xml:base, XInclude. */
export interface ExternalReference {
  readonly what: string;
  readonly line: number;
  readonly column: number;
}

export interface StructureProblem {
  readonly problem: StructureProblemKind;
  readonly line: number;
  readonly column: number;
}

type Kind = 'root' | 'form' | 'reference' | 'employer' | 'person' | 'employment' | 'right' | 'training' | 'certificate' | 'provider';

interface Container {
  readonly kind: Kind;
  readonly at: Location;
  readonly record: Record<string, unknown>;
}

/** Child containers of each container: element name → kind. */
const CHILDREN: Partial<Record<Kind, Readonly<Record<string, Kind>>>> = {
  root: { Form: 'form' },
  form: { Reference: 'reference', EmployerDeclaration: 'employer' },
  employer: { NaturalPerson: 'person' },
  person: { Employment: 'employment', TrainingRight: 'right', Training: 'training' },
  training: { Certificate: 'certificate', Provider: 'provider' },
};

/** Leaf zones of each container: element name → property of the typed record. */
const FIELDS: Readonly<Record<Kind, Readonly<Record<string, string>>>> = {
  root: {},
  form: { Identification: 'identification', FormCreationDate: 'creationDate', FormCreationHour: 'creationHour', TypeForm: 'typeForm' },
  reference: { ReferenceNbr: 'referenceNbr' },
  employer: { Quarter: 'quarter', NOSSRegistrationNbr: 'nossRegistrationNbr', CompanyID: 'companyId', WorkforceSize: 'workforceSize' },
  person: {
    NaturalPersonSequenceNbr: 'sequenceNbr',
    INSS: 'inss',
    WorkerName: 'workerName',
    WorkerFirstName: 'workerFirstName',
    BirthDate: 'birthDate',
    NaturalPersonUserReference: 'userReference',
  },
  employment: {
    EmploymentSequenceNbr: 'sequenceNbr',
    StartingDate: 'startingDate',
    EndingDate: 'endingDate',
    JointCommissionNbr: 'jointCommissionNbr',
    MeanWorkingHours: 'meanWorkingHours',
    RefMeanWorkingHours: 'refMeanWorkingHours',
  },
  right: { Year: 'year', RightType: 'rightType', Hours: 'duration', Days: 'duration', CollectiveAgreementNbr: 'collectiveAgreementNbr' },
  training: {
    TrainingSequenceNbr: 'sequenceNbr',
    TrainingUserReference: 'userReference',
    Action: 'action',
    Title: 'title',
    Kind: 'kind',
    StartingDate: 'startingDate',
    EndingDate: 'endingDate',
    Hours: 'duration',
    Days: 'duration',
    Attended: 'attended',
    CountsForFla: 'countsForFla',
    ExclusionReason: 'exclusionReason',
    RightType: 'rightType',
  },
  certificate: { Obtained: 'obtained', ValidUntil: 'validUntil' },
  provider: { Name: 'name', CompanyID: 'companyId' },
};

// Every record of a kind is created with all its properties, absent ones undefined, in one order:
// the rules then read objects of one shape, which V8 compiles to plain offset loads.
const U = undefined;
const newFormHeader = (index: number, at: Location): Record<string, unknown> => ({ index, at, identification: U, creationDate: U, creationHour: U, typeForm: U, referenceNbr: U, quarter: U, nossRegistrationNbr: U, companyId: U, workforceSize: U });
const newPerson = (index: number, at: Location): Record<string, unknown> => ({ index, at, sequenceNbr: U, inss: U, workerName: U, workerFirstName: U, birthDate: U, userReference: U, employments: [], rights: [], trainings: [] });
const newEmployment = (at: Location): Record<string, unknown> => ({ at, sequenceNbr: U, startingDate: U, endingDate: U, jointCommissionNbr: U, meanWorkingHours: U, refMeanWorkingHours: U });
const newRight = (at: Location): Record<string, unknown> => ({ at, year: U, rightType: U, duration: U, collectiveAgreementNbr: U });
const newTraining = (at: Location): Record<string, unknown> => ({ at, sequenceNbr: U, userReference: U, action: U, title: U, kind: U, startingDate: U, endingDate: U, duration: U, attended: U, countsForFla: U, exclusionReason: U, certificate: U, provider: U, rightType: U });
const newCertificate = (at: Location): Record<string, unknown> => ({ at, obtained: U, validUntil: U });
const newProvider = (at: Location): Record<string, unknown> => ({ at, name: U, companyId: U });

const XINCLUDE = 'http://www.w3.org/2001/XInclude';

/**
 * An ElementHandler that hands each finished declaration item to `emit` as soon as it is complete, so
 * that a person is checked while its objects are still young. Elements it does not know (only
 * possible in an invalid file) are skipped.
 */
export class DeclarationBuilder implements ElementHandler {
  root: RootFacts | undefined;
  structureProblem: StructureProblem | undefined;
  externalReference: ExternalReference | undefined;

  private readonly stack: Container[] = [];
  private skipDepth = 0;
  // The zone being read; one zone at a time, so its state lives here rather than in an object.
  private inLeaf = false;
  private leafProperty = '';
  private leafName = '';
  private leafLine = 0;
  private leafColumn = 0;
  private leafText = '';
  private form: { header: Record<string, unknown>; emitted: boolean; persons: number } | null = null;
  private formCount = 0;

  constructor(
    private readonly emit: (item: DeclarationItem) => void,
    private readonly formOffset = 0,
  ) {}

  /** Forms started so far in this part. */
  get forms(): number {
    return this.formCount;
  }

  start(name: string, ns: string | null, attributes: ReadonlyMap<string, string> | null, line: number, column: number): void {
    if (this.externalReference === undefined) this.noteExternalReference(ns, attributes, line, column);
    if (this.skipDepth > 0 || this.inLeaf) {
      this.skipDepth++;
      return;
    }
    if (this.root === undefined) {
      this.root = { name, ns, version: attributes?.get('version'), line, column };
      this.stack.push({ kind: 'root', at: new ElementLocation(line, column, null, name, 0), record: {} });
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) return void this.skipDepth++;
    const property = FIELDS[parent.kind][name];
    if (property !== undefined) {
      this.inLeaf = true;
      this.leafProperty = property;
      this.leafName = name;
      this.leafLine = line;
      this.leafColumn = column;
      this.leafText = '';
      return;
    }
    const kind = CHILDREN[parent.kind]?.[name];
    if (kind === undefined) return void this.skipDepth++;
    this.open(kind, parent, name, line, column);
  }

  leaf(name: string, ns: string | null, text: string, line: number, column: number): void {
    const container = this.stack[this.stack.length - 1];
    const property = this.skipDepth === 0 && !this.inLeaf && container !== undefined ? FIELDS[container.kind][name] : undefined;
    if (property === undefined || ns === XINCLUDE) {
      // Anything but a known zone takes the long way, with its checks.
      this.start(name, ns, null, line, column);
      if (text.length > 0) this.text(text);
      this.end(name);
      return;
    }
    storeZone(container!, property, name, text, line, column);
  }

  text(text: string): void {
    if (this.inLeaf && this.skipDepth === 0) this.leafText = this.leafText.length === 0 ? text : this.leafText + text;
  }

  end(_name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    const container = this.stack[this.stack.length - 1];
    if (this.inLeaf) {
      this.inLeaf = false;
      if (container !== undefined) storeZone(container, this.leafProperty, this.leafName, this.leafText, this.leafLine, this.leafColumn);
      return;
    }
    this.stack.pop();
    if (container !== undefined) this.close(container);
  }

  problem(problem: StructureProblemKind, line: number, column: number): void {
    this.structureProblem = { problem, line, column };
  }

  private noteExternalReference(ns: string | null, attributes: ReadonlyMap<string, string> | null, line: number, column: number): void {
    if (ns === XINCLUDE) this.externalReference = { what: 'XInclude', line, column };
    if (attributes === null) return;
    for (const [name, value] of attributes) {
      if (name === 'xml:base' || name.endsWith(':schemaLocation') || name.endsWith(':noNamespaceSchemaLocation')) {
        this.externalReference = { what: `${name}="${value}"`, line, column };
        return;
      }
    }
  }

  private open(kind: Kind, parent: Container, name: string, line: number, column: number): void {
    const place = (position: number): Location => new ElementLocation(line, column, parent.at, name, position);
    switch (kind) {
      case 'form': {
        // Positions of Forms continue over the parts of one submission, so that they stay unique.
        const index = this.formOffset + ++this.formCount;
        const at = place(index);
        this.form = { header: newFormHeader(index, at), emitted: false, persons: 0 };
        this.stack.push({ kind, at, record: this.form.header });
        return;
      }
      case 'reference':
      case 'employer':
        // Their zones belong to the Form header.
        this.stack.push({ kind, at: place(0), record: parent.record });
        return;
      case 'person': {
        this.emitFormHeader();
        const index = this.form === null ? 0 : ++this.form.persons;
        const at = place(index);
        this.stack.push({ kind, at, record: newPerson(index, at) });
        return;
      }
      case 'employment':
      case 'right':
      case 'training': {
        const list = parent.record[kind === 'employment' ? 'employments' : kind === 'right' ? 'rights' : 'trainings'] as unknown[];
        const at = place(list.length + 1);
        const record = kind === 'employment' ? newEmployment(at) : kind === 'right' ? newRight(at) : newTraining(at);
        list.push(record);
        this.stack.push({ kind, at, record });
        return;
      }
      case 'certificate':
      case 'provider': {
        const at = place(0);
        const record = kind === 'certificate' ? newCertificate(at) : newProvider(at);
        parent.record[kind] = record;
        this.stack.push({ kind, at, record });
        return;
      }
      case 'root':
        return;
    }
  }

  private close(container: Container): void {
    if (container.kind === 'person' && this.form !== null) {
      this.emit({ kind: 'person', form: this.form.header as unknown as FormHeader, person: container.record as never });
    } else if (container.kind === 'employer') {
      this.emitFormHeader();
    } else if (container.kind === 'form' && this.form !== null) {
      this.emitFormHeader();
      this.emit({ kind: 'form-end', form: this.form.header as unknown as FormHeader, persons: this.form.persons });
      this.form = null;
    }
  }

  private emitFormHeader(): void {
    if (this.form === null || this.form.emitted) return;
    this.form.emitted = true;
    this.emit({ kind: 'form', form: this.form.header as unknown as FormHeader });
  }
}

/** A zone's value on its record; Hours and Days both become the record's duration, with the unit. */
function storeZone(container: Container, property: string, name: string, text: string, line: number, column: number): void {
  const field = new ZoneValue(detach(collapse(text)), line, column, container.at, name);
  container.record[property] = property === 'duration' ? { unit: name === 'Days' ? 'days' : 'hours', amount: field } : field;
}


/**
 * The value the XSD validated: every zone's type collapses white space (xs:token and the date,
 * number and boolean types), so 'Van  den\n Bosch' is 'Van den Bosch' in the ledger and in
 * `fla counters --name`. Only XML's four white-space characters: a no-break space is a character.
 */
function collapse(text: string): string {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    // Most values have no white space to collapse: one look at each character, no allocation.
    if (c === 0x09 || c === 0x0a || c === 0x0d || (c === 0x20 && (i === 0 || i === last || text.charCodeAt(i + 1) === 0x20))) {
      return text.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '');
    }
  }
  return text;
}
