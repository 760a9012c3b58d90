// The synthetic declaration generator: a social secretariat's quarterly file of any size, valid
// against the XSD and free of findings unless asked to inject known faults. Deterministic for a
// seed, and streamed in ~64 KB strings so that memory stays flat however many persons are asked.
import { ChunkWriter } from '../chunk-writer.js';
import { makeCompanyId } from '../declaration/company-id.js';
import { statutoryEntitlement, type EmploymentPeriod } from '../declaration/entitlement.js';
import { makeInss } from '../declaration/inss.js';
import { FAMILY_NAMES, FIRST_NAMES, PROVIDERS, TRAINING_TITLES, type Language, type Region } from './names.js';
import { Random } from './random.js';

export interface GenerateOptions {
  readonly persons: number;
  readonly seed: number;
  /** Probability 0..1 that a person carries one injected fault; 0 by default. */
  readonly anomalies?: number;
  /** YYYYQ, '20261' by default. */
  readonly quarter?: string;
}

export interface GenerateSummary {
  readonly persons: number;
  readonly forms: number;
  readonly bytes: number;
  /** Injected faults by the rule code each must trigger. */
  readonly injected: Readonly<Record<string, number>>;
}

/** The faults `anomalies` injects, each tagged with the rule (RULES.md) it must raise. */
export const ANOMALY_CODES = [
  '10021-004',
  '10021-003',
  '10032-014',
  '10034-008',
  '10056-014',
  '10057-008',
  '10061-001',
  '10043-001',
  '10065-004',
] as const;
export type AnomalyCode = (typeof ANOMALY_CODES)[number];

const PERSONS_PER_LARGE_FORM = 5000;
const DAY_MS = 86_400_000;

const JOINT_COMMITTEES = ['200', '200', '124.00', '302', '330.01.20', '111.01', '118.00', '140.03', '226', '322.01', '319.01'] as const;
/** Sector agreements granting extra days; only persons under these committees get a SECTOR right. */
const SECTOR_AGREEMENTS: Readonly<Record<string, string>> = {
  '200': '181682/CO/200',
  '124.00': '98765/CO/124.00',
  '302': '176543/CO/302',
  '330.01.20': '179210/CO/330.01.20',
  '118.00': '183004/CO/118.00',
};
/** Full-time weekly hours (S), in hundredths; at most 40 so that a training day of Days stays ≤ 8 h. */
const REF_HOURS = [3800, 3800, 3800, 3800, 3800, 3800, 4000, 3900, 3750, 3600] as const;
const PART_TIME = [[4, 5], [1, 2], [3, 4], [3, 5], [1, 3], [2, 3]] as const;
/** Hours per training day, in hundredths: never above 8. */
const HOURS_PER_DAY = [200, 300, 380, 400, 600, 760, 800, 800] as const;
const EXCLUSION_REASONS = ['VOV', 'BEV', 'NON_PROFESSIONAL'] as const;

type RightType = 'LEGAL' | 'SECTOR' | 'EMPLOYER';
type Unit = 'Hours' | 'Days';

interface EmploymentPlan {
  readonly seq: number;
  start: number;
  end: number | null;
  readonly jc: string;
  mean: number;
  readonly ref: number;
}

interface RightPlan {
  readonly type: RightType;
  readonly unit: Unit;
  readonly amount: number;
  agreement: string | null;
}

interface TrainingPlan {
  readonly seq: number;
  readonly reference: string;
  readonly title: string;
  readonly kind: 'FORMAL' | 'INFORMAL';
  start: number;
  end: number;
  unit: Unit;
  amount: number;
  readonly attended: boolean;
  counts: boolean;
  exclusion: string | null;
  readonly certificate: { readonly obtained: boolean; readonly validUntil: number | null } | null;
  provider: { readonly name: string; companyId: string | null } | null;
  rightType: RightType | null;
}

interface PersonPlan {
  readonly seq: number;
  inss: string;
  readonly name: string;
  readonly firstName: string;
  birthDate: number | null;
  readonly userReference: string | null;
  readonly language: Language;
  readonly employments: EmploymentPlan[];
  readonly rights: RightPlan[];
  readonly trainings: TrainingPlan[];
  readonly titles: Set<string>;
}

interface FormPlan {
  readonly persons: number;
  readonly workforce: number;
  readonly companyId: string;
  readonly noss: string | null;
  readonly jc: string;
}

interface Quarter {
  readonly text: string;
  readonly year: number;
  readonly first: number;
  readonly last: number;
  readonly yearFirst: number;
  readonly created: number;
}

export async function generateDeclaration(options: GenerateOptions, out: NodeJS.WritableStream): Promise<GenerateSummary> {
  const { persons, seed } = options;
  const anomalies = options.anomalies ?? 0;
  if (!Number.isSafeInteger(persons) || persons < 1) throw new RangeError(`persons must be a positive integer, got ${persons}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(anomalies >= 0 && anomalies <= 1)) throw new RangeError(`anomalies must lie in 0..1, got ${anomalies}`);
  const quarter = parseQuarter(options.quarter ?? '20261');

  const rng = new Random(seed);
  // A separate stream for the faults, so that their draws do not reshuffle the clean persons' data.
  const faults = new Random(seed ^ 0x5bd1_e995);
  const forms = planForms(persons, rng);
  const tag = seedTag(seed);
  const injected: Record<string, number> = {};
  const dates = new DayTable();
  const writer = new ChunkWriter(out);
  let hourSeconds = rng.between(7 * 3600, 17 * 3600);

  writer.push('<?xml version="1.0" encoding="UTF-8"?>\n<FLADeclarations xmlns="urn:be:fla:declaration:v1" version="1">\n');
  for (let f = 0; f < forms.length; f++) {
    const form = forms[f]!;
    hourSeconds = (hourSeconds + rng.between(1, 20)) % 86_400;
    writer.push(
      `  <Form>\n    <Identification>FLAD</Identification>\n    <FormCreationDate>${dates.iso(quarter.created)}</FormCreationDate>\n` +
        `    <FormCreationHour>${clock(hourSeconds)}</FormCreationHour>\n    <TypeForm>SU</TypeForm>\n` +
        `    <Reference><ReferenceNbr>S${tag}-${quarter.text}-${pad(f + 1, 5)}</ReferenceNbr></Reference>\n` +
        `    <EmployerDeclaration>\n      <Quarter>${quarter.text}</Quarter>\n` +
        (form.noss === null ? '' : `      <NOSSRegistrationNbr>${form.noss}</NOSSRegistrationNbr>\n`) +
        `      <CompanyID>${form.companyId}</CompanyID>\n      <WorkforceSize>${decimal(form.workforce)}</WorkforceSize>\n`,
    );
    const context: FormContext = { form, quarter, rng, faults, dates, inss: new Set(), trainingCounter: 0 };
    for (let p = 1; p <= form.persons; p++) {
      const fault = anomalies > 0 && faults.next() < anomalies ? faults.pick(ANOMALY_CODES) : null;
      const person = makePerson(context, p, fault);
      if (fault !== null) injected[fault] = (injected[fault] ?? 0) + 1;
      writer.push(personXml(person, quarter, dates));
      if (writer.full) await writer.flush();
    }
    writer.push('    </EmployerDeclaration>\n  </Form>\n');
  }
  writer.push('</FLADeclarations>\n');
  await writer.flush();
  return { persons, forms: forms.length, bytes: writer.bytes, injected };
}

interface FormContext {
  readonly form: FormPlan;
  readonly quarter: Quarter;
  readonly rng: Random;
  readonly faults: Random;
  readonly dates: DayTable;
  /** INSS numbers of this Form: 10021-006 forbids a repeat within a declaration. */
  readonly inss: Set<string>;
  trainingCounter: number;
}

function makePerson(ctx: FormContext, seq: number, fault: AnomalyCode | null): PersonPlan {
  const { rng } = ctx;
  const regionDraw = rng.next();
  const region: Region = regionDraw < 0.55 ? 'flanders' : regionDraw < 0.85 ? 'wallonia' : 'brussels';
  const language: Language = region === 'flanders' ? 'nl' : region === 'wallonia' ? 'fr' : rng.chance(0.5) ? 'nl' : 'fr';
  const name = rng.pick(FAMILY_NAMES[region]);
  const firstName = rng.pick(FIRST_NAMES[region]);

  const born = rng.between(dayOf(1960, 1, 1), dayOf(2005, 12, 31));
  const { inss, knownDate } = personInss(ctx, born);
  const birthDate = knownDate && rng.chance(0.7) ? born : null;
  const userReference = rng.chance(0.4) ? `EMP${pad(seq, 6)}` : null;

  const employments = makeEmployments(ctx, born);
  // The last period overlaps the quarter; taken before a fault may append a past one.
  const latest = employments[employments.length - 1]!;
  const person: PersonPlan = { seq, inss, name, firstName, birthDate, userReference, language, employments, rights: [], trainings: [], titles: new Set() };

  // Faults on the person and its employments come before the rights, because the LEGAL right
  // follows the employment's hours (10034-008 changes Q) and must still match the entitlement.
  if (fault !== null) injectPersonFault(ctx, person, latest, fault);
  const credit = makeRights(ctx, person, latest);
  makeTrainings(ctx, person, latest, credit);
  if (fault !== null) injectRecordFault(ctx, person, latest, fault);
  return person;
}

function personInss(ctx: FormContext, born: number): { inss: string; knownDate: boolean } {
  const { rng, dates } = ctx;
  const year = dates.year(born);
  const century = year >= 2000 ? 2000 : 1900;
  let month = dates.month(born);
  let day = dates.dayOfMonth(born);
  let knownDate = true;
  // About one person in a hundred has a bis number (no national register entry yet).
  const bis = rng.next();
  if (bis < 0.006) month += 40;
  else if (bis < 0.009) month += 20;
  else if (bis < 0.012) {
    month = 20;
    day = 0;
    knownDate = false;
  }
  let inss = makeInss(year % 100, month, day, rng.between(1, 998), century);
  while (ctx.inss.has(inss)) inss = makeInss(year % 100, month, day, rng.between(1, 998), century);
  ctx.inss.add(inss);
  return { inss, knownDate };
}

function makeEmployments(ctx: FormContext, born: number): EmploymentPlan[] {
  const { rng, quarter, form } = ctx;
  const earliest = Math.max(born + 18 * 365 + 5, dayOf(1985, 1, 1));
  // Every employment period ends at least 10 days into the quarter and starts 10 days before its
  // end, so each person has a window of ≥ 10 days for trainings (no 10031-021, no 10055-021).
  const latestStart = quarter.last - 10;
  const jc = (): string => (rng.chance(0.7) ? form.jc : '200');
  const hours = (): { mean: number; ref: number } => {
    const ref = rng.pick(REF_HOURS);
    if (rng.chance(0.72)) return { mean: ref, ref };
    const [num, den] = rng.pick(PART_TIME);
    return { mean: Math.floor((ref * num) / den), ref };
  };
  const endAfterQuarterStart = (start: number): number | null => {
    const draw = rng.next();
    if (draw < 0.85) return null;
    // Leavers during the quarter and fixed-term contracts running beyond it.
    return rng.between(Math.max(start, quarter.first) + 10, quarter.last + 200);
  };

  if (rng.chance(0.12)) {
    const secondStart = rng.between(Math.min(Math.max(earliest + 400, quarter.yearFirst - 300), latestStart), latestStart);
    const firstEnd = secondStart - 1 - rng.int(30);
    const firstStart = rng.between(Math.min(earliest, firstEnd), firstEnd);
    return [
      { seq: 1, start: firstStart, end: firstEnd, jc: jc(), ...hours() },
      { seq: 2, start: secondStart, end: endAfterQuarterStart(secondStart), jc: jc(), ...hours() },
    ];
  }
  const start = rng.chance(0.8) && earliest < quarter.yearFirst ? rng.between(earliest, quarter.yearFirst - 1) : rng.between(Math.min(Math.max(earliest, quarter.yearFirst), latestStart), latestStart);
  return [{ seq: 1, start, end: endAfterQuarterStart(start), jc: jc(), ...hours() }];
}

/** Adds the person's rights for the quarter's year and returns the credit they grant, in hundredths. */
function makeRights(ctx: FormContext, person: PersonPlan, latest: EmploymentPlan): number {
  const { rng, quarter, form } = ctx;
  const periods: EmploymentPeriod[] = person.employments.map((e) => ({ start: e.start, end: e.end, meanHours: e.mean }));
  const legal = statutoryEntitlement(quarter.year, form.workforce, periods);
  let credit = 0;
  if (legal > 0) {
    person.rights.push({ type: 'LEGAL', unit: 'Hours', amount: legal, agreement: null });
    credit += legal;
  }
  const agreement = SECTOR_AGREEMENTS[latest.jc];
  if (agreement !== undefined && rng.chance(0.3)) {
    const right: RightPlan = rng.chance(0.6) ? { type: 'SECTOR', unit: 'Days', amount: rng.pick([100, 100, 200]), agreement } : { type: 'SECTOR', unit: 'Hours', amount: rng.pick([380, 760, 800]), agreement };
    person.rights.push(right);
    credit += rightHours(right.unit, right.amount, latest.ref);
  }
  // Small employers owe no legal right, so more of them grant their own days.
  if (rng.chance(form.workforce < 1000 ? 0.3 : 0.08)) {
    const right: RightPlan = rng.chance(0.5) ? { type: 'EMPLOYER', unit: 'Days', amount: 100, agreement: null } : { type: 'EMPLOYER', unit: 'Hours', amount: rng.pick([400, 760, 800]), agreement: null };
    person.rights.push(right);
    credit += rightHours(right.unit, right.amount, latest.ref);
  }
  return credit;
}

function makeTrainings(ctx: FormContext, person: PersonPlan, latest: EmploymentPlan, credit: number): void {
  const { rng } = ctx;
  const draw = rng.next();
  const count = draw < 0.45 ? 0 : draw < 0.8 ? 1 : draw < 0.95 ? 2 : 3;
  // With one right type only, a RightType on the training cannot leave hours uncovered (10066-245).
  const onlyType = person.rights.length === 1 ? person.rights[0]!.type : null;
  let used = 0;
  for (let i = 0; i < count; i++) {
    const training = newTraining(ctx, rng, person, latest);
    const hours = rightHours(training.unit, training.amount, latest.ref);
    if (training.attended && training.counts) {
      // Keep the used hours within the granted credit: a clean file raises no ledger warning.
      if (used + hours > credit && training.unit === 'Hours' && credit - used >= 200) {
        training.amount = credit - used;
        used = credit;
      } else if (used + hours > credit) {
        training.counts = false;
        training.exclusion = rng.pick(EXCLUSION_REASONS);
      } else {
        used += hours;
        if (onlyType !== null && rng.chance(0.1)) training.rightType = onlyType;
      }
    }
    person.trainings.push(training);
  }
}

function newTraining(ctx: FormContext, rng: Random, person: PersonPlan, latest: EmploymentPlan): TrainingPlan {
  const { quarter } = ctx;
  const first = Math.max(latest.start, quarter.first);
  const last = Math.min(latest.end ?? quarter.last, quarter.last);
  const lengthDraw = rng.next();
  const days = Math.min(lengthDraw < 0.6 ? 1 : lengthDraw < 0.85 ? 2 : rng.between(3, 5), last - first + 1);
  const start = rng.between(first, last - days + 1);
  const titles = TRAINING_TITLES[person.language];
  // A new title per training: the same title and dates twice would raise 10053-245.
  let title = rng.pick(titles);
  while (person.titles.has(title)) title = rng.pick(titles);
  person.titles.add(title);

  const inDays = rng.chance(0.2);
  const amount = inDays ? (days === 1 && rng.chance(0.4) ? 50 : days * 100) : days * rng.pick(HOURS_PER_DAY);
  const counts = rng.chance(0.9);
  const provider = rng.chance(0.55) ? rng.pick(PROVIDERS) : null;
  ctx.trainingCounter++;
  return {
    seq: person.trainings.length + 1,
    reference: `TR-${quarter.text}-${pad(ctx.trainingCounter, 6)}`,
    title,
    kind: rng.chance(0.65) ? 'FORMAL' : 'INFORMAL',
    start,
    end: start + days - 1,
    unit: inDays ? 'Days' : 'Hours',
    amount,
    attended: rng.chance(0.96),
    counts,
    exclusion: counts ? null : rng.pick(EXCLUSION_REASONS),
    certificate: rng.chance(0.25) ? { obtained: rng.chance(0.85), validUntil: rng.chance(0.6) ? start + days - 1 + 365 * rng.between(1, 5) : null } : null,
    provider: provider === null ? null : { name: provider.name, companyId: provider.base8 === null ? null : makeCompanyId(provider.base8) },
    rightType: null,
  };
}

function injectPersonFault(ctx: FormContext, person: PersonPlan, latest: EmploymentPlan, fault: AnomalyCode): void {
  const { faults, quarter } = ctx;
  switch (fault) {
    case '10021-004': {
      const base = person.inss.slice(0, 9);
      const value = Number(base);
      const valid = new Set([97 - (value % 97), 97 - ((2_000_000_000 + value) % 97)]);
      let check = faults.between(1, 97);
      while (valid.has(check)) check = faults.between(1, 97);
      replaceInss(ctx, person, base + pad(check, 2));
      break;
    }
    case '10021-003': {
      // A valid check number on an impossible date, so that only the date rule fires.
      const yy = Number(person.inss.slice(0, 2));
      const century = yy >= 60 ? 1900 : 2000;
      let inss: string;
      do {
        inss = faults.chance(0.5) ? makeInss(yy, faults.between(13, 19), faults.between(1, 28), faults.between(1, 998), century) : makeInss(yy, faults.between(1, 12), faults.between(32, 39), faults.between(1, 998), century);
      } while (ctx.inss.has(inss));
      replaceInss(ctx, person, inss);
      break;
    }
    case '10032-014': {
      // A past period, three years back, so the entitlement of the declared year stays the same.
      const start = dayOf(quarter.year - 3, 6, 1);
      person.employments.push({ seq: person.employments.length + 1, start, end: start - faults.between(1, 60), jc: latest.jc, mean: latest.mean, ref: latest.ref });
      break;
    }
    case '10034-008':
      latest.mean = latest.ref + faults.between(1, 5000 - latest.ref);
      break;
    default:
      break;
  }
}

function replaceInss(ctx: FormContext, person: PersonPlan, inss: string): void {
  ctx.inss.delete(person.inss);
  ctx.inss.add(inss);
  person.inss = inss;
  // A BirthDate beside a faulty INSS would only add 10024-021 noise.
  person.birthDate = null;
}

function injectRecordFault(ctx: FormContext, person: PersonPlan, latest: EmploymentPlan, fault: AnomalyCode): void {
  const { faults } = ctx;
  if (fault === '10043-001') {
    const sector = person.rights.find((r) => r.type === 'SECTOR');
    if (sector !== undefined) sector.agreement = null;
    else person.rights.push({ type: 'SECTOR', unit: 'Hours', amount: 760, agreement: null });
    return;
  }
  if (fault !== '10056-014' && fault !== '10057-008' && fault !== '10061-001' && fault !== '10065-004') return;
  // The fault goes on an extra training: its record is rejected, so the credit of the others holds.
  const training = newTraining(ctx, faults, person, latest);
  switch (fault) {
    case '10056-014': {
      // The end stays inside the quarter and the employment, or 10055-270 or 10055-021 would fire too.
      const first = Math.max(latest.start, ctx.quarter.first);
      const last = Math.min(latest.end ?? ctx.quarter.last, ctx.quarter.last);
      training.start = faults.between(first + 1, last);
      training.end = faults.between(first, training.start - 1);
      break;
    }
    case '10057-008':
      training.end = training.start;
      training.unit = 'Hours';
      training.amount = faults.between(2401, 3000);
      break;
    case '10061-001':
      training.counts = false;
      training.exclusion = null;
      break;
    case '10065-004': {
      const valid = makeCompanyId(faults.between(2_000_000, 19_999_999));
      const check = (Number(valid.slice(8)) + faults.between(1, 96)) % 97 || 97;
      training.provider = { name: training.provider?.name ?? PROVIDERS[0]!.name, companyId: valid.slice(0, 8) + pad(check, 2) };
      break;
    }
  }
  person.trainings.push(training);
}

function personXml(p: PersonPlan, quarter: Quarter, dates: DayTable): string {
  let xml =
    `      <NaturalPerson>\n        <NaturalPersonSequenceNbr>${p.seq}</NaturalPersonSequenceNbr>\n        <INSS>${p.inss}</INSS>\n` +
    `        <WorkerName>${p.name}</WorkerName>\n        <WorkerFirstName>${p.firstName}</WorkerFirstName>\n`;
  if (p.birthDate !== null) xml += `        <BirthDate>${dates.iso(p.birthDate)}</BirthDate>\n`;
  if (p.userReference !== null) xml += `        <NaturalPersonUserReference>${p.userReference}</NaturalPersonUserReference>\n`;
  for (const e of p.employments) {
    xml +=
      `        <Employment>\n          <EmploymentSequenceNbr>${e.seq}</EmploymentSequenceNbr>\n          <StartingDate>${dates.iso(e.start)}</StartingDate>\n` +
      (e.end === null ? '' : `          <EndingDate>${dates.iso(e.end)}</EndingDate>\n`) +
      `          <JointCommissionNbr>${e.jc}</JointCommissionNbr>\n          <MeanWorkingHours>${decimal(e.mean)}</MeanWorkingHours>\n` +
      `          <RefMeanWorkingHours>${decimal(e.ref)}</RefMeanWorkingHours>\n        </Employment>\n`;
  }
  for (const r of p.rights) {
    xml +=
      `        <TrainingRight>\n          <Year>${quarter.year}</Year><RightType>${r.type}</RightType><${r.unit}>${decimal(r.amount)}</${r.unit}>` +
      (r.agreement === null ? '' : `<CollectiveAgreementNbr>${r.agreement}</CollectiveAgreementNbr>`) +
      '\n        </TrainingRight>\n';
  }
  for (const t of p.trainings) {
    xml +=
      `        <Training>\n          <TrainingSequenceNbr>${t.seq}</TrainingSequenceNbr>\n          <TrainingUserReference>${t.reference}</TrainingUserReference>\n` +
      `          <Action>CREATE</Action>\n          <Title>${t.title}</Title>\n          <Kind>${t.kind}</Kind>\n` +
      `          <StartingDate>${dates.iso(t.start)}</StartingDate>\n          <EndingDate>${dates.iso(t.end)}</EndingDate>\n` +
      `          <${t.unit}>${decimal(t.amount)}</${t.unit}>\n          <Attended>${t.attended}</Attended>\n          <CountsForFla>${t.counts}</CountsForFla>\n`;
    if (t.exclusion !== null) xml += `          <ExclusionReason>${t.exclusion}</ExclusionReason>\n`;
    if (t.certificate !== null) {
      xml +=
        `          <Certificate><Obtained>${t.certificate.obtained}</Obtained>` +
        (t.certificate.validUntil === null ? '' : `<ValidUntil>${dates.iso(t.certificate.validUntil)}</ValidUntil>`) +
        '</Certificate>\n';
    }
    if (t.provider !== null) {
      xml += `          <Provider><Name>${t.provider.name}</Name>` + (t.provider.companyId === null ? '' : `<CompanyID>${t.provider.companyId}</CompanyID>`) + '</Provider>\n';
    }
    if (t.rightType !== null) xml += `          <RightType>${t.rightType}</RightType>\n`;
    xml += '        </Training>\n';
  }
  return xml + '      </NaturalPerson>\n';
}

/**
 * Per ~5,000 persons: one large employer and, beside it, a small (< 10 FTE), a medium (10–19) and
 * two to four mid-sized ones (≥ 20), so that most Forms, and nearly all persons, owe the full right.
 */
function planForms(total: number, rng: Random): FormPlan[] {
  const large = Math.max(1, Math.round(total / PERSONS_PER_LARGE_FORM));
  // Beside each large employer; capped so that the large one keeps at least ~half of its persons.
  const sizes: Array<{ persons: number; workforce: number }[]> = [];
  const midCap = Math.min(300, Math.floor(total / large / 10));
  for (let i = 0; i < large; i++) {
    const beside: { persons: number; workforce: number }[] = [];
    if (total >= 60) {
      beside.push({ persons: rng.between(2, 9), workforce: rng.between(150, 980) });
      beside.push({ persons: rng.between(10, 22), workforce: rng.between(1000, 1990) });
    }
    if (midCap >= 20) {
      for (let m = rng.between(2, 4); m > 0; m--) {
        const persons = rng.between(20, midCap);
        beside.push({ persons, workforce: Math.max(2000, persons * rng.between(70, 95)) });
      }
    }
    sizes.push(beside);
  }
  const rest = total - sizes.flat().reduce((sum, s) => sum + s.persons, 0);
  const companies = new Set<string>();
  const employer = (persons: number, workforce: number): FormPlan => {
    let companyId = makeCompanyId(rng.between(2_000_000, 19_999_999));
    while (companies.has(companyId)) companyId = makeCompanyId(rng.between(2_000_000, 19_999_999));
    companies.add(companyId);
    const noss = rng.chance(0.6) ? String(rng.between(100_000_000, 999_999_999)) : null;
    return { persons, workforce, companyId, noss, jc: rng.pick(JOINT_COMMITTEES) };
  };
  const forms: FormPlan[] = [];
  for (let i = 0; i < large; i++) {
    const persons = Math.floor(rest / large) + (i < rest % large ? 1 : 0);
    forms.push(employer(persons, Math.max(2000, persons * rng.between(70, 95))));
    for (const s of sizes[i] ?? []) forms.push(employer(s.persons, s.workforce));
  }
  return forms;
}

/** Four base-36 characters from the seed: files of different seeds can share one ledger (10005-006). */
function seedTag(seed: number): string {
  return new Random(seed).int(36 ** 4).toString(36).toUpperCase().padStart(4, '0');
}

function parseQuarter(text: string): Quarter {
  const match = /^(\d{4})([1-4])$/.exec(text);
  if (match === null) throw new RangeError(`quarter must be YYYYQ with Q in 1-4, got ${text}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  // 10010-008 rejects quarters before 20241; people born up to 2005 are 18 by then.
  if (year < 2024) throw new RangeError(`quarter must be 20241 or later, got ${text}`);
  return {
    text,
    year,
    first: dayOf(year, (q - 1) * 3 + 1, 1),
    last: dayOf(year, q * 3 + 1, 1) - 1,
    yearFirst: dayOf(year, 1, 1),
    // The 20th of the month after the quarter: within the filing deadline of 10055-270.
    created: dayOf(year, q * 3 + 1, 20),
  };
}

/** COUNTERS.md: Days × S / 5 hours, rounded half away from zero, all in hundredths. */
function rightHours(unit: Unit, amount: number, ref: number): number {
  return unit === 'Hours' ? amount : Math.floor((2 * amount * ref + 500) / 1000);
}

function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function decimal(hundredths: number): string {
  const cents = hundredths % 100;
  return `${(hundredths - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function clock(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
}

/** Day numbers to ISO dates and their parts, computed once per day: Date is slow in the hot loop. */
class DayTable {
  private readonly isoCache = new Map<number, string>();

  iso(day: number): string {
    let text = this.isoCache.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.isoCache.set(day, text);
    }
    return text;
  }

  year(day: number): number {
    return Number(this.iso(day).slice(0, 4));
  }

  month(day: number): number {
    return Number(this.iso(day).slice(5, 7));
  }

  dayOfMonth(day: number): number {
    return Number(this.iso(day).slice(8, 10));
  }
}
