import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FlaError } from '../errors.js';
import { renderRulesMarkdown, renderRulesText } from '../rules/docs.js';
import { RULES } from '../rules/registry.js';
import { resolveSettings } from './config.js';

export async function rulesCommand(flags: Record<string, unknown>): Promise<number> {
  const { lang } = resolveSettings({ lang: flags.lang });
  const format = String(flags.format ?? 'text');
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
