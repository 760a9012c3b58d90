import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { FlaError } from '../errors.js';
import { generateDeclaration } from '../generate/generator.js';

export async function generateCommand(options: Record<string, string>): Promise<number> {
  const persons = wholeNumber('persons', options.persons);
  if (persons === 0) throw new FlaError('FLA_ERR_USAGE', '--persons must be at least 1 (got "0")');
  const seed = wholeNumber('seed', options.seed);
  const anomalies = Number(options.anomalies ?? '0');
  if (!(anomalies >= 0 && anomalies <= 1)) throw new FlaError('FLA_ERR_USAGE', `--anomalies must be a rate between 0 and 1 (got "${options.anomalies}")`);
  const quarter = options.quarter ?? '20261';
  // The FLA starts in 2024 (rule 10010-008): an earlier quarter could only give a file every reader rejects.
  if (!/^20[2-9][0-9][1-4]$/.test(quarter) || quarter < '20241') throw new FlaError('FLA_ERR_USAGE', `--quarter must be YYYYQ from 20241 on, e.g. 20261 (got "${quarter}")`);
  const settings = { persons, seed, anomalies, quarter };
  if (options.out === undefined) {
    await generateDeclaration(settings, process.stdout);
    return 0;
  }
  // Written under a temporary name so that a watcher never picks up half a file.
  const partial = `${options.out}.partial`;
  const out = createWriteStream(partial);
  try {
    await generateDeclaration(settings, out);
    out.end();
    await finished(out);
    await rename(partial, options.out);
  } catch (error) {
    // Removed once closed: a stream still opening would otherwise create the file after rm.
    out.destroy();
    await finished(out).catch(() => undefined);
    await rm(partial, { force: true });
    throw new FlaError('FLA_ERR_WRITE', `cannot write ${options.out}: ${(error as Error).message}`);
  }
  return 0;
}

function wholeNumber(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !/^[0-9]+$/.test(value) || !Number.isSafeInteger(n)) throw new FlaError('FLA_ERR_USAGE', `--${name} must be a whole number (got "${value}")`);
  return n;
}
