// A blocking finding rejects exactly its scope; warnings change nothing (RULES.md, ACK.md status).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../dist/engine.js';
import { RULES } from '../dist/rules/registry.js';
import { defineRule, FLA_2024 } from '../dist/rules/rule.js';
import { FIXTURES, tempDir } from './helpers.js';

const engine = new Engine();
afterAll(() => engine.close());

const MINIMAL = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');
const PERSON = MINIMAL.slice(MINIMAL.indexOf('      <NaturalPerson>'), MINIMAL.indexOf('    </EmployerDeclaration>'));
const pick = (...codes: string[]) => RULES.filter((r) => codes.includes(r.meta.code));

async function validate(content: string, rules = RULES) {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'f.xml');
    writeFileSync(file, content);
    return await engine.validateFile(file, { rules });
  } finally {
    dir.remove();
  }
}

function person(seq: number, edit: (p: string) => string = (p) => p): string {
  return edit(PERSON.replace('<NaturalPersonSequenceNbr>1<', `<NaturalPersonSequenceNbr>${seq}<`));
}

describe('rejection by scope', () => {
  it('PERSON: one rejected person, the rest accepted → PARTIALLY_ACCEPTED', async () => {
    const bad = person(2, (p) => p.replace('<StartingDate>2019-09-01</StartingDate>', '<StartingDate>2019-09-01</StartingDate><EndingDate>2019-01-01</EndingDate>'));
    const report = await validate(MINIMAL.replace(PERSON, person(1) + bad), pick('10032-014'));
    expect(report.totals.persons).toEqual({ received: 2, accepted: 1, rejected: 1 });
    expect(report.totals.rights).toEqual({ received: 2, accepted: 1, rejected: 1 });
    expect(report.totals.forms).toEqual({ received: 1, accepted: 1, rejected: 0 });
    expect(report.status).toBe('PARTIALLY_ACCEPTED');
    expect(report.layers.rules).toBe('failed');
  });

  it('FORM: a duplicate sequence number rejects the whole declaration, earlier persons too', async () => {
    const report = await validate(MINIMAL.replace(PERSON, person(1) + person(2) + person(1)), pick('10020-006'));
    expect(report.totals.forms).toEqual({ received: 1, accepted: 0, rejected: 1 });
    expect(report.totals.persons).toEqual({ received: 3, accepted: 0, rejected: 3 });
    expect(report.status).toBe('REJECTED');
  });

  it('FORM: only the declaration concerned — the next Form of the file is accepted', async () => {
    const form = MINIMAL.slice(MINIMAL.indexOf('  <Form>'), MINIMAL.indexOf('</FLADeclarations>'));
    const badForm = form.replace(PERSON, person(1) + person(1));
    const report = await validate(MINIMAL.replace(form, badForm + form), pick('10020-006'));
    expect(report.totals.forms).toEqual({ received: 2, accepted: 1, rejected: 1 });
    expect(report.totals.persons).toEqual({ received: 3, accepted: 1, rejected: 2 });
    expect(report.status).toBe('PARTIALLY_ACCEPTED');
  });

  it('RECORD: only the right concerned; the person stays accepted', async () => {
    const report = await validate(readFileSync(join(FIXTURES, 'rules', '10043-001', 'raises.xml'), 'utf8'), pick('10043-001'));
    expect(report.totals.rights).toEqual({ received: 2, accepted: 1, rejected: 1 });
    expect(report.totals.persons).toEqual({ received: 1, accepted: 1, rejected: 0 });
    expect(report.status).toBe('PARTIALLY_ACCEPTED');
  });

  it('W and I change nothing: ACCEPTED_WITH_WARNINGS', async () => {
    const warn = defineRule({
      meta: { code: '99999-245', severity: 'W', scope: 'PERSON', layer: 'rules', ...FLA_2024, clause: 'test', messages: ['w'] },
      create: (context) => ({ person: (p) => context.report({ messageId: 'w', field: p.inss! }) }),
    });
    const report = await validate(MINIMAL, [warn]);
    expect(report.totals.persons).toEqual({ received: 1, accepted: 1, rejected: 0 });
    expect(report.status).toBe('ACCEPTED_WITH_WARNINGS');
    expect(report.layers.rules).toBe('passed');
    expect(report.findings[0]).toMatchObject({ code: '99999-245', keys: { CompanyID: '0403170701', NaturalPersonSequenceNbr: 1, INSS: '85073003328' }, value: '85073003328' });
  });

  it('a rule applies only to declarations of quarters within its validity dates', async () => {
    const late = defineRule({
      meta: { code: '99998-245', severity: 'W', scope: 'PERSON', layer: 'rules', ruleSet: 'fla-2024', since: '2027-01-01', clause: 'test', messages: ['w'] },
      create: (context) => ({ person: () => context.report({ messageId: 'w' }) }),
    });
    expect((await validate(MINIMAL, [late])).findings).toEqual([]);
    expect((await validate(MINIMAL.replace('<Quarter>20261</Quarter>', '<Quarter>20271</Quarter>'), [late])).findings).toHaveLength(1);
  });
});
