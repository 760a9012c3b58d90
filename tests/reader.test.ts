import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDeclarationFile } from '../dist/declaration/read-file.js';
import type { DeclarationItem, NaturalPerson } from '../dist/declaration/model.js';
import { DECLARATION_XSD } from '../dist/engine.js';
import { FrameReader, type ElementHandler } from '../dist/receipt/frames.js';
import { DEFAULT_LIMITS } from '../dist/receipt/limits.js';
import { loadNativeReceipt } from '../dist/receipt/native-receipt.js';
import { XsdValidator } from '../dist/receipt/xsd-validator.js';
import { FIXTURES, tempDir } from './helpers.js';

const MINIMAL_PATH = join(FIXTURES, 'receipt', 'valid', 'minimal.xml');
const MINIMAL = readFileSync(MINIMAL_PATH, 'utf8');
const PERSON = MINIMAL.slice(MINIMAL.indexOf('      <NaturalPerson>'), MINIMAL.indexOf('    </EmployerDeclaration>'));

const validator = new XsdValidator(DECLARATION_XSD);
afterAll(() => validator.close());

async function read(path: string): Promise<DeclarationItem[]> {
  const items: DeclarationItem[] = [];
  await readDeclarationFile(path, validator.validate(path, DEFAULT_LIMITS, 100), (item) => items.push(item));
  return items;
}

function persons(items: DeclarationItem[]): NaturalPerson[] {
  return items.flatMap((i) => (i.kind === 'person' ? [i.person] : []));
}

function withTemp<T>(content: string, run: (path: string) => Promise<T>): Promise<T> {
  const dir = tempDir();
  const path = join(dir.path, 'f.xml');
  writeFileSync(path, content);
  return run(path).finally(() => dir.remove());
}

describe('declaration reader', () => {
  it('yields the Form header, then each person, then the end of the Form', async () => {
    const items = await read(MINIMAL_PATH);
    expect(items.map((i) => i.kind)).toEqual(['form', 'person', 'form-end']);
    const form = items[0]!.form;
    expect(form.referenceNbr?.text).toBe('ACME-2026Q1-001');
    expect(form.companyId?.text).toBe('0403170701');
    expect(form.quarter?.at).toMatchObject({ line: 10, column: 7, xpath: '/d:FLADeclarations/d:Form[1]/d:EmployerDeclaration/d:Quarter' });
  });

  it('gives every value its line, column and XPath', async () => {
    const [person] = persons(await read(MINIMAL_PATH));
    expect(person!.inss?.text).toBe('85073003328');
    expect(person!.inss?.at).toMatchObject({ line: 15, column: 9, xpath: '/d:FLADeclarations/d:Form[1]/d:EmployerDeclaration/d:NaturalPerson[1]/d:INSS' });
    const training = person!.trainings[0]!;
    expect(training.duration).toMatchObject({ unit: 'hours', amount: { text: '15.20' } });
    expect(training.duration?.amount.at.xpath).toBe('/d:FLADeclarations/d:Form[1]/d:EmployerDeclaration/d:NaturalPerson[1]/d:Training[1]/d:Hours');
    expect(person!.rights[0]!.at.xpath).toBe('/d:FLADeclarations/d:Form[1]/d:EmployerDeclaration/d:NaturalPerson[1]/d:TrainingRight[1]');
    expect(person!.employments[0]!.startingDate?.text).toBe('2019-09-01');
  });

  it('numbers repeated blocks per parent: the 14th person of the second Form', async () => {
    const form = MINIMAL.slice(MINIMAL.indexOf('  <Form>'), MINIMAL.indexOf('</FLADeclarations>'));
    const twoForms = MINIMAL.replace(form, form + form.replace(PERSON, PERSON.repeat(14)));
    const all = await withTemp(twoForms, read);
    const last = persons(all).at(-1)!;
    expect(persons(all)).toHaveLength(15);
    expect(last.index).toBe(14);
    expect(last.inss?.at.xpath).toBe('/d:FLADeclarations/d:Form[2]/d:EmployerDeclaration/d:NaturalPerson[14]/d:INSS');
    expect(all.filter((i) => i.kind === 'form-end').map((i) => (i.kind === 'form-end' ? i.persons : 0))).toEqual([1, 14]);
  });

  it('keeps line numbers right past 65,535', async () => {
    const padded = MINIMAL.replace('        <INSS>', `${'\n'.repeat(70_000)}        <INSS>`);
    const [person] = persons(await withTemp(padded, read));
    expect(person!.inss?.at.line).toBe(15 + 70_000);
  });

  it('reads a prefixed file like an unprefixed one, decoding entities and CDATA', async () => {
    const prefixed = persons(await read(join(FIXTURES, 'receipt', 'valid', 'prefixed.xml')));
    expect(prefixed[0]!.inss?.text).toBe('85073003328');
    const escaped = MINIMAL.replace('<WorkerName>Peeters</WorkerName>', '<WorkerName>D&apos;Hondt &amp; Co &#233;</WorkerName>').replace(
      '<WorkerFirstName>An</WorkerFirstName>',
      '<WorkerFirstName><![CDATA[An<ne>]]></WorkerFirstName>',
    );
    const [person] = persons(await withTemp(escaped, read));
    expect(person!.workerName?.text).toBe("D'Hondt & Co é");
    expect(person!.workerFirstName?.text).toBe('An<ne>');
  });
});

describe('frames: the elements libxml2 read', () => {
  class Recorder implements ElementHandler {
    readonly events: string[] = [];
    start(name: string, ns: string | null, attributes: ReadonlyMap<string, string> | null, line: number, column: number): void {
      this.events.push(`<${name} ${ns} ${attributes ? [...attributes].join(';') : ''} @${line}:${column}`);
    }
    leaf(name: string, ns: string | null, text: string, line: number, column: number): void {
      this.events.push(`<${name} ${ns} "${text}" @${line}:${column}`);
    }
    end(name: string): void {
      this.events.push(`</${name}`);
    }
    text(text: string): void {
      this.events.push(`"${text}`);
    }
    problem(problem: string, line: number, column: number): void {
      this.events.push(`!${problem}@${line}:${column}`);
    }
  }

  /** The frames of `content` as the child writes them, and libxml2's verdict. */
  function framesOf(content: string | Buffer, limits: Pick<typeof DEFAULT_LIMITS, 'maxDepth' | 'maxTextChars'> = DEFAULT_LIMITS): { bytes: Buffer; errors: number } {
    const dir = tempDir();
    try {
      const input = join(dir.path, 'in.xml');
      const output = join(dir.path, 'frames.bin');
      writeFileSync(input, content);
      const fd = openSync(output, 'w');
      const result = loadNativeReceipt().extract(DECLARATION_XSD, input, fd, limits.maxDepth, limits.maxTextChars, 10);
      closeSync(fd);
      return { bytes: readFileSync(output), errors: result.total };
    } finally {
      dir.remove();
    }
  }

  function replay(bytes: Buffer, chunkSize = bytes.length): string[] {
    const recorder = new Recorder();
    let ended = 0;
    const reader = new FrameReader(() => (ended === 0 ? { handler: recorder, fileEnd: () => ended++ } : undefined));
    for (let at = 0; at < bytes.length; at += chunkSize) expect(reader.push(bytes.subarray(at, at + chunkSize))).toBe(true);
    expect(ended).toBe(1);
    return recorder.events;
  }

  it('gives the same events however the frames are cut into chunks', () => {
    const { bytes } = framesOf(MINIMAL);
    const whole = replay(bytes);
    expect(replay(bytes, 1)).toEqual(whole);
    expect(replay(bytes, 7)).toEqual(whole);
    expect(whole.length).toBeGreaterThan(40);
    expect(whole).toContain('<INSS urn:be:fla:declaration:v1 "85073003328" @15:9');
  });

  it('stops at the depth and text-size limits with a problem, and never throws on malformed XML', () => {
    expect(replay(framesOf(`<a>${'<a>'.repeat(70)}`).bytes).at(-1)).toBe('!depth@1:193');
    expect(replay(framesOf(`<a>\n  <b>${'x'.repeat(5000)}</b></a>`, { maxDepth: 64, maxTextChars: 4096 }).bytes).at(-1)).toMatch(/^!text-size@2:/);
    const malformed = framesOf('<a><b></a>');
    expect(malformed.errors).toBeGreaterThan(0);
    expect(replay(malformed.bytes)).toEqual(['<a null  @1:1']);
  });

  it("stops mapping, not validating, past 4,096 names: a hostile file's names are never all held", () => {
    const many = framesOf(`<r>${Array.from({ length: 6000 }, (_, i) => `<n${i}/>`).join('')}</r>`);
    expect(many.errors).toBeGreaterThan(0);
    const events = replay(many.bytes);
    expect(events.length).toBeGreaterThan(4000);
    expect(events.length).toBeLessThan(4200);
  });

  it('hands attributes on decoded, including a ">" inside a value', () => {
    expect(replay(framesOf(`<a t="x>y" u='1&amp;2&#60;'>z</a>`).bytes)).toEqual(['<a null t,x>y;u,1&2< @1:1', '"z', '</a']);
  });

  it("places every element at its '<', in UTF-16 columns, whatever precedes it on the line and wherever the 1 MB reads fall", () => {
    // The same positions as a reference computed on the JavaScript string: non-ASCII and astral
    // characters before a tag, tags split across lines, a byte order mark and 1 MB read boundaries.
    const word = fc.constantFrom('x', 'é', '€', '😀', ' ', '\n', '&amp;', 'long text '.repeat(20));
    const element = fc.record({ before: fc.array(word, { maxLength: 6 }), text: fc.array(word, { maxLength: 4 }), split: fc.boolean() });
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 40 }), fc.nat(1_100_000), fc.boolean(), (elements, padding, bom) => {
        const body = elements.map((e, i) => `${e.before.join('').replaceAll('&amp;', '')}<e${i}${e.split ? '\n  ' : ''}>${e.text.join('')}</e${i}>`).join('');
        const xml = `<r>${' '.repeat(padding)}<p>${body}</p></r>`;
        const expected: string[] = [];
        const starts = /<(e\d+|p|r)[\s>]/g;
        for (let m = starts.exec(xml); m !== null; m = starts.exec(xml)) {
          const before = xml.slice(0, m.index);
          expected.push(`${m[1]}@${before.split('\n').length}:${m.index - before.lastIndexOf('\n')}`);
        }
        const events = replay(framesOf(bom ? `\ufeff${xml}` : xml).bytes);
        const found = events.filter((e) => e.startsWith('<') && !e.startsWith('</')).map((e) => `${e.slice(1, e.indexOf(' '))}@${e.slice(e.lastIndexOf('@') + 1)}`);
        expect(found).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the libxml2 child', () => {
  it('lets the next file through when one asked for is never mapped', async () => {
    const abandoned = validator.validate(MINIMAL_PATH, DEFAULT_LIMITS, 10);
    const next = validator.validate(join(FIXTURES, 'receipt', 'valid', 'prefixed.xml'), DEFAULT_LIMITS, 10);
    abandoned.discard();
    const items: DeclarationItem[] = [];
    await readDeclarationFile(join(FIXTURES, 'receipt', 'valid', 'prefixed.xml'), next, (item) => items.push(item));
    expect(persons(items)[0]!.inss?.text).toBe('85073003328');
    expect((await abandoned.reply).status).toBe(0);
  });

  it('a child killed for a mapping error does not fail, when it exits late, the file its successor reads', async () => {
    const local = new XsdValidator(DECLARATION_XSD);
    try {
      const broken = local.validate(MINIMAL_PATH, DEFAULT_LIMITS, 10);
      broken.reply.catch(() => undefined);
      // As the ledger does on a full disk: the handler throws, so the child is killed and replaced.
      const failure = await readDeclarationFile(MINIMAL_PATH, broken, () => {
        throw new Error('database or disk is full');
      }).then(() => null, (e: unknown) => e as Error);
      expect(failure?.message).toBe('database or disk is full');
      // Asked at once, before the killed child's exit is seen.
      const items: DeclarationItem[] = [];
      const next = local.validate(MINIMAL_PATH, DEFAULT_LIMITS, 10);
      await readDeclarationFile(MINIMAL_PATH, next, (item) => items.push(item));
      expect(persons(items).length).toBeGreaterThan(0);
      expect((await next.reply).status).toBe(0);
    } finally {
      local.close();
    }
  });

  it('fails the file it was reading with FLA_ERR_VALIDATOR when it dies, and the next file gets a new child', async () => {
    const { Engine } = await import('../dist/engine.js');
    const { execFileSync } = await import('node:child_process');
    const workers = (): number[] =>
      execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes('xsd-worker'))
        .map((line) => Number(line.trim().split(/\s+/)[0]));
    const dir = tempDir();
    const others = new Set(workers());
    // The engine starts its child when it is made: the new worker is this engine's.
    const engine = new Engine();
    try {
      const big = join(dir.path, 'big.xml');
      execFileSync(process.execPath, [join(FIXTURES, '..', 'bin', 'fla'), 'generate', '--persons', '60000', '--seed', '3', '--out', big]);
      const child = workers().filter((pid) => !others.has(pid));
      expect(child).toHaveLength(1);
      const running = engine.validateFile(big);
      await new Promise((r) => setTimeout(r, 100));
      process.kill(child[0]!, 'SIGKILL');
      await expect(running).rejects.toMatchObject({ code: 'FLA_ERR_VALIDATOR' });
      const next = await engine.validateFile(MINIMAL_PATH);
      expect(next.status).toBe('ACCEPTED');
    } finally {
      engine.close();
      dir.remove();
    }
  }, 60_000);
});
