// Turns tokens into typed declarations (FORMAT.md "Blocks and zones"): one Form header, then one
// NaturalPerson at a time with its employments, rights and trainings. Only the person in hand is
// held in memory, so a file of any size maps in bounded space.
import { detach, type TokenHandler, type TokenProblem } from './tokenizer.js';
import { SourceLocation, type DeclarationItem, type FormHeader, type Location } from './model.js';

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
  readonly problem: TokenProblem;
  readonly line: number;
  readonly column: number;
}

type Kind = 'root' | 'form' | 'reference' | 'employer' | 'person' | 'employment' | 'right' | 'training' | 'certificate' | 'provider';

interface Container {
  readonly kind: Kind;
  readonly xpath: string;
  readonly record: Record<string, unknown>;
  counts: Map<string, number> | null;
}

/** Child containers of each container: element name → kind. */
const CHILDREN: Partial<Record<Kind, Readonly<Record<string, Kind>>>> = {
  root: { Form: 'form' },
  form: { Reference: 'reference', EmployerDeclaration: 'employer' },
  employer: { NaturalPerson: 'person' },
  person: { Employment: 'employment', TrainingRight: 'right', Training: 'training' },
  training: { Certificate: 'certificate', Provider: 'provider' },
};

/** Elements repeated under their parent, whose XPath step carries a position. */
const REPEATED = new Set(['Form', 'NaturalPerson', 'Employment', 'TrainingRight', 'Training']);

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

/** Where a child container is stored in its parent's record. */
const SLOT: Partial<Record<Kind, { readonly property: string; readonly list: boolean }>> = {
  employment: { property: 'employments', list: true },
  right: { property: 'rights', list: true },
  training: { property: 'trainings', list: true },
  certificate: { property: 'certificate', list: false },
  provider: { property: 'provider', list: false },
};

const XINCLUDE = 'http://www.w3.org/2001/XInclude';

/**
 * A TokenHandler that collects finished declaration items in `ready`; the caller drains it after
 * each chunk. Elements it does not know (only possible in an invalid file) are skipped.
 */
export class DeclarationBuilder implements TokenHandler {
  readonly ready: DeclarationItem[] = [];
  root: RootFacts | undefined;
  structureProblem: StructureProblem | undefined;
  externalReference: ExternalReference | undefined;

  private readonly stack: Container[] = [];
  private skipDepth = 0;
  private leaf: { property: string; unit: 'hours' | 'days' | null; at: Location; text: string } | null = null;
  private form: { header: Record<string, unknown>; emitted: boolean; persons: number } | null = null;
  private formCount = 0;

  constructor(private readonly formOffset = 0) {}

  /** Forms started so far in this part. */
  get forms(): number {
    return this.formCount;
  }

  start(name: string, ns: string | null, attributes: ReadonlyMap<string, string> | null, line: number, column: number): void {
    if (this.externalReference === undefined) this.noteExternalReference(ns, attributes, line, column);
    if (this.skipDepth > 0 || this.leaf !== null) {
      this.skipDepth++;
      return;
    }
    if (this.root === undefined) {
      this.root = {
        name,
        ns,
        version: attributes?.get('version'),
        line,
        column,
      };
      // Positions of Forms continue over the parts of one submission, so that they stay unique.
      this.stack.push({ kind: 'root', xpath: `/d:${name}`, record: {}, counts: this.formOffset > 0 ? new Map([['Form', this.formOffset]]) : null });
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) return void this.skipDepth++;
    const property = FIELDS[parent.kind][name];
    if (property !== undefined) {
      const at = new SourceLocation(line, column, parent.xpath, name);
      this.leaf = { property, unit: property === 'duration' ? (name === 'Days' ? 'days' : 'hours') : null, at, text: '' };
      return;
    }
    const kind = CHILDREN[parent.kind]?.[name];
    if (kind === undefined) return void this.skipDepth++;
    const xpath = `${parent.xpath}/d:${name}${REPEATED.has(name) ? `[${nextPosition(parent, name)}]` : ''}`;
    this.open(kind, parent, xpath, { line, column, xpath });
  }

  text(text: string): void {
    if (this.leaf !== null && this.skipDepth === 0) this.leaf.text += text;
  }

  end(_name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (this.leaf !== null) {
      const { property, unit, at, text } = this.leaf;
      const field = { text: detach(text.trim()), at };
      const owner = this.stack[this.stack.length - 1]!.record;
      owner[property] = unit === null ? field : { unit, amount: field };
      this.leaf = null;
      return;
    }
    const closed = this.stack.pop();
    if (closed !== undefined) this.close(closed);
  }

  problem(problem: TokenProblem, line: number, column: number): void {
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

  private open(kind: Kind, parent: Container, xpath: string, at: Location): void {
    if (kind === 'form') {
      this.form = { header: { index: this.formOffset + ++this.formCount, at }, emitted: false, persons: 0 };
      this.stack.push({ kind, xpath, record: this.form.header, counts: null });
      return;
    }
    if (kind === 'reference' || kind === 'employer') {
      // Their zones belong to the Form header.
      this.stack.push({ kind, xpath, record: parent.record, counts: null });
      return;
    }
    if (kind === 'person') {
      this.emitFormHeader();
      const index = this.form === null ? 0 : ++this.form.persons;
      const record = { index, at, employments: [], rights: [], trainings: [] };
      this.stack.push({ kind, xpath, record, counts: null });
      return;
    }
    const record: Record<string, unknown> = { at };
    const slot = SLOT[kind];
    if (slot !== undefined) {
      if (slot.list) (parent.record[slot.property] as unknown[]).push(record);
      else parent.record[slot.property] = record;
    }
    this.stack.push({ kind, xpath, record, counts: null });
  }

  private close(container: Container): void {
    if (container.kind === 'person' && this.form !== null) {
      this.ready.push({ kind: 'person', form: this.form.header as unknown as FormHeader, person: container.record as never });
    } else if (container.kind === 'employer') {
      this.emitFormHeader();
    } else if (container.kind === 'form' && this.form !== null) {
      this.emitFormHeader();
      this.ready.push({ kind: 'form-end', form: this.form.header as unknown as FormHeader, persons: this.form.persons });
      this.form = null;
    }
  }

  private emitFormHeader(): void {
    if (this.form === null || this.form.emitted) return;
    this.form.emitted = true;
    this.ready.push({ kind: 'form', form: this.form.header as unknown as FormHeader });
  }
}

function nextPosition(parent: Container, name: string): number {
  parent.counts ??= new Map();
  const n = (parent.counts.get(name) ?? 0) + 1;
  parent.counts.set(name, n);
  return n;
}

