import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeclarationFile } from '../dist/declaration/read-file.js';
import { XmlTokenizer, type TokenHandler } from '../dist/declaration/tokenizer.js';
import type { DeclarationItem, NaturalPerson } from '../dist/declaration/model.js';
import { DEFAULT_LIMITS } from '../dist/receipt/limits.js';
import { FIXTURES, tempDir } from './helpers.js';

const MINIMAL_PATH = join(FIXTURES, 'receipt', 'valid', 'minimal.xml');
const MINIMAL = readFileSync(MINIMAL_PATH, 'utf8');
const PERSON = MINIMAL.slice(MINIMAL.indexOf('      <NaturalPerson>'), MINIMAL.indexOf('    </EmployerDeclaration>'));

async function read(path: string): Promise<DeclarationItem[]> {
  const items: DeclarationItem[] = [];
  await readDeclarationFile(path, DEFAULT_LIMITS, (item) => items.push(item));
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

describe('tokenizer', () => {
  class Recorder implements TokenHandler {
    readonly events: string[] = [];
    start(name: string, ns: string | null, attributes: ReadonlyMap<string, string> | null, line: number, column: number): void {
      this.events.push(`<${name} ${ns} ${attributes ? [...attributes].join(';') : ''} @${line}:${column}`);
    }
    leaf(name: string, ns: string | null, text: string, line: number, column: number): void {
      this.start(name, ns, null, line, column);
      if (text.length > 0) this.text(text);
      this.end(name);
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

  function tokenize(chunks: readonly string[]): string[] {
    const recorder = new Recorder();
    const tokenizer = new XmlTokenizer(recorder, { maxDepth: 64, maxTextChars: 1 << 20 });
    for (const chunk of chunks) tokenizer.write(chunk);
    tokenizer.end();
    return recorder.events;
  }

  it('gives the same events however the text is cut into chunks', () => {
    const whole = tokenize([MINIMAL]);
    const byChar = tokenize([...MINIMAL]);
    const bySeven = tokenize(MINIMAL.match(/[\s\S]{1,7}/g)!);
    expect(byChar).toEqual(whole);
    expect(bySeven).toEqual(whole);
    expect(whole.length).toBeGreaterThan(80);
  });

  it('reports a mismatched end tag, depth and unclosed elements as problems, never throwing', () => {
    expect(tokenize(['<a><b></a>']).at(-1)).toBe('!malformed@1:7');
    expect(tokenize(['<a>', '<a>'.repeat(70)]).at(-1)).toMatch(/^!depth@1:/);
    expect(tokenize(['<a><b>']).at(-1)).toMatch(/^!malformed/);
    expect(tokenize(['<a x="1" x="2"/>']).at(-1)).toMatch(/^!malformed/);
  });

  it('does not end a tag at a ">" inside an attribute value', () => {
    expect(tokenize(['<a t="x>y" u=\'1\'>z</a>'])[0]).toBe('<a null t,x>y;u,1 @1:1');
  });
});
