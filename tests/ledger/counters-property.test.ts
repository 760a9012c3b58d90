// COUNTERS.md: the counters are a pure function of the accepted records. After any sequence of
// files, the incrementally kept figures must equal a full recomputation from the stored records.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../dist/engine.js';
import { openLedger } from '../../dist/ledger/database.js';
import { recomputeAll, storedAll } from '../../dist/ledger/counters.js';
import { tempDir } from '../helpers.js';

const engine = new Engine();
afterAll(() => engine.close());

const WORKERS = ['85073003328', '90021512370'];
const REFERENCES = ['A', 'B', 'C', 'D', 'E'];
const TYPES = ['LEGAL', 'SECTOR', 'EMPLOYER'] as const;

const rightArb = fc.record({ year: fc.integer({ min: 2024, max: 2030 }), type: fc.constantFrom(...TYPES), hours: fc.integer({ min: 0, max: 4000 }) });
const trainingArb = fc.record({
  ref: fc.constantFrom(...REFERENCES),
  action: fc.constantFrom('CREATE', 'REPLACE', 'CANCEL'),
  // 2024 to 2029: REPLACE moves trainings between the windows 2024-2028 and 2029-2033 too.
  day: fc.integer({ min: 0, max: 6 * 365 - 1 }),
  hours: fc.integer({ min: 0, max: 2000 }),
  rightType: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
  countsForFla: fc.boolean(),
});
const personArb = fc.record({ worker: fc.integer({ min: 0, max: 1 }), rights: fc.array(rightArb, { maxLength: 3 }), trainings: fc.array(trainingArb, { maxLength: 3 }) });
const fileArb = fc.array(personArb, { minLength: 1, maxLength: 2 });

function iso(day: number): string {
  return new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

const hours = (h: number): string => (h / 100).toFixed(2);

function fileText(persons: fc.TypeOf<typeof fileArb>, index: number): string {
  const body = persons
    .map((p, i) => {
      const rights = p.rights.map((r) => `<TrainingRight><Year>${r.year}</Year><RightType>${r.type}</RightType><Hours>${hours(r.hours)}</Hours>${r.type === 'SECTOR' ? '<CollectiveAgreementNbr>181682/CO/200</CollectiveAgreementNbr>' : ''}</TrainingRight>`);
      const trainings = p.trainings.map((t, k) => {
        const head = `<Training><TrainingSequenceNbr>${k + 1}</TrainingSequenceNbr><TrainingUserReference>${t.ref}</TrainingUserReference><Action>${t.action}</Action>`;
        if (t.action === 'CANCEL') return `${head}</Training>`;
        const date = iso(t.day);
        return `${head}<Title>Training ${t.ref}</Title><Kind>FORMAL</Kind><StartingDate>${date}</StartingDate><EndingDate>${date}</EndingDate><Hours>${hours(t.hours)}</Hours><Attended>true</Attended><CountsForFla>${t.countsForFla}</CountsForFla>${t.countsForFla ? '' : '<ExclusionReason>BEV</ExclusionReason>'}${t.rightType ? `<RightType>${t.rightType}</RightType>` : ''}</Training>`;
      });
      return `<NaturalPerson><NaturalPersonSequenceNbr>${i + 1}</NaturalPersonSequenceNbr><INSS>${WORKERS[p.worker]}</INSS><WorkerName>Peeters</WorkerName><WorkerFirstName>An</WorkerFirstName><Employment><EmploymentSequenceNbr>1</EmploymentSequenceNbr><StartingDate>2019-09-01</StartingDate><JointCommissionNbr>200</JointCommissionNbr><MeanWorkingHours>38.00</MeanWorkingHours><RefMeanWorkingHours>38.00</RefMeanWorkingHours></Employment>${rights.join('')}${trainings.join('')}</NaturalPerson>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<FLADeclarations xmlns="urn:be:fla:declaration:v1" version="1"><Form><Identification>FLAD</Identification><FormCreationDate>2030-01-15</FormCreationDate><FormCreationHour>09:00:00</FormCreationHour><TypeForm>SU</TypeForm><Reference><ReferenceNbr>P-${index}</ReferenceNbr></Reference><EmployerDeclaration><Quarter>20294</Quarter><CompanyID>0403170701</CompanyID><WorkforceSize>42</WorkforceSize>
${body}
</EmployerDeclaration></Form></FLADeclarations>
`;
}

describe('incremental counters = full recomputation', () => {
  it('holds after every file of random sequences of rights, trainings, replacements and cancellations', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 6 }), async (files) => {
        const dir = tempDir();
        const db = openLedger(join(dir.path, 'fla.sqlite'));
        try {
          for (const [i, persons] of files.entries()) {
            const path = join(dir.path, `f${i}.xml`);
            writeFileSync(path, fileText(persons, i));
            const report = await engine.processFile(path, {}, { db, sender: '000001', environment: 'R', fileName: `f${i}.xml`, ticket: `t${i}`, receivedAt: '2030-01-15T09:00:00Z' });
            expect(report.layers.receipt).toBe('passed');
            if (report.totals.persons.accepted > 0) applied++;
            expect(storedAll(db)).toEqual(recomputeAll(db));
          }
        } finally {
          db.close();
          dir.remove();
        }
      }),
      { numRuns: Number(process.env.FLA_PROPERTY_RUNS ?? 100), seed: Number(process.env.FLA_PROPERTY_SEED ?? 20261) },
    );
    expect(applied).toBeGreaterThan(20);
  });
});
