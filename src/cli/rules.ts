import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FlaError } from '../errors.js';
import { renderRulesMarkdown, renderRulesText } from '../rules/docs.js';
import { RULES } from '../rules/registry.js';
import { resolveSettings } from './config.js';

export async function rulesCommand(flags: Record<string, unknown>): Promise<number> {
  const format = String(flags.format ?? 'text');
  // Refused rather than ignored: a flag without effect would let the user believe it had one.
  if (flags.out !== undefined && format !== 'md') throw new FlaError('FLA_ERR_USAGE', `--out is for --format md, the docs page; --format ${format} writes to standard output`);
  if (flags.lang !== undefined && format !== 'text') {
    throw new FlaError('FLA_ERR_USAGE', `--lang is for the text table: ${format === 'md' ? 'the docs page holds the descriptions in nl, fr and en' : 'the JSON holds codes and metadata, no text'}`);
  }
  const { lang } = resolveSettings({ lang: flags.lang });
  if (format === 'text') {
    process.stdout.write(renderRulesText(RULES, lang));
  } else if (format === 'json') {
    process.stdout.write(`${JSON.stringify(RULES.map((r) => r.meta), null, 2)}\n`);
  } else if (format === 'md') {
    const out = String(flags.out ?? 'docs/rules.md');
    try {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, renderRulesMarkdown(RULES));
    } catch (error) {
      throw new FlaError('FLA_ERR_WRITE', `cannot write ${out}: ${(error as Error).message}`);
    }
    process.stderr.write(`wrote ${out} (${RULES.length} rules)\n`);
  } else throw new FlaError('FLA_ERR_USAGE', `--format must be text, json or md (got "${format}")`);
  return 0;
}
