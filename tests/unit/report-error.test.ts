// Errors go to standard error, which CI logs keep: a national register number never shows in clear.
import { CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../src/cli/main.js';
import { FlaError } from '../../src/errors.js';

const INSS = '68121871365';

async function stderrOf(error: unknown, verbose: boolean): Promise<string> {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  expect(await reportError(error, verbose, () => `no command ${INSS}`)).toBe(2);
  return text;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reportError', () => {
  const cases: Array<[string, unknown]> = [
    ['a usage error from commander', new CommanderError(1, 'commander.invalidArgument', `error: option '--env <env>' argument '${INSS}' is invalid.`)],
    ['a missing command', new CommanderError(1, 'commander.help', '(outputHelp)')],
    ['an operational error', new FlaError('FLA_ERR_READ', `cannot read ${INSS}.xml: ENOENT`)],
    ['an internal error', new Error(`unexpected ${INSS}`)],
  ];
  for (const [what, error] of cases) {
    it(`masks the INSS in ${what}, with and without --verbose`, async () => {
      for (const verbose of [false, true]) {
        const text = await stderrOf(error, verbose);
        expect(text).toMatch(/^fla: FLA_ERR_[A-Z]+: /);
        expect(text).toContain('68*******65');
        expect(text).not.toContain(INSS);
      }
    });
  }
});
