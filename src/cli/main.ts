// The `fla` command line: parses flags, calls the engine, picks a reporter. No business logic here.
// Each command's module is loaded when it runs: `fla validate` does not pay for the watcher's.
import { Command, CommanderError, Option } from 'commander';
import { FlaError } from '../errors.js';

import { VERSION } from '../version.js';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('fla')
    .description('Validate, apply and answer Federal Learning Account (FLA) batch declarations')
    .version(VERSION)
    .option('--verbose', 'show information findings and stack traces of internal errors')
    .exitOverride()
    // Commander's messages, and the help it prints for a missing command, become one coded line below.
    .configureOutput({ outputError: () => undefined, writeErr: () => undefined });
  let exitCode = 0;
  const set = (code: number): void => {
    exitCode = code;
  };

  program
    .command('validate')
    .description('check files against every layer that needs no database; changes nothing')
    .argument('<files...>', 'declaration files or globs (quote globs: "samples/*.xml")')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'junit', 'sarif', 'github']))
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['nl', 'fr', 'en']))
    .option('--max-findings <n>', 'findings listed per file (the rest are counted)')
    .option('--max-file-bytes <n>', 'largest file accepted (ACRF-184)')
    .option('--db <path>', 'also run the ledger rules against this ledger, read-only')
    .option('--sender <id>', 'with --db: the sender whose history counts', 'cli')
    .option('--quiet', 'print nothing; the exit code tells')
    .addHelpText('after', '\nExample:\n  fla validate samples/*.xml --format json --lang nl\n\nExit: 0 all accepted, 1 blocking anomalies, 2 usage or operational error.')
    .action(async (files: string[], options: Record<string, unknown>) => set(await (await import('./validate.js')).validateCommand(files, { ...options, verbose: program.opts().verbose === true })));

  program
    .command('process')
    .description('validate, apply the accepted part to the ledger, write the receipt and notification')
    .argument('<files...>', 'declaration files or globs, processed in the order given')
    .option('--db <path>', 'the SQLite ledger (default ./fla.sqlite)')
    .option('--out <dir>', 'where to write <file>.ACRF.xml and <file>.NOTI.xml (default: next to the file)')
    .addOption(new Option('--env <env>', 'R production (applied), T test or S simulation (answered, never applied)').choices(['R', 'T', 'S']).default('R'))
    .option('--sender <id>', 'sender recorded for duplicate and ReferenceNbr checks', 'cli')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'junit', 'sarif', 'github']))
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['nl', 'fr', 'en']))
    .option('--max-findings <n>', 'findings listed per file (the rest are counted)')
    .option('--max-file-bytes <n>', 'largest file accepted (ACRF-184)')
    .option('--quiet', 'print nothing; the exit code tells')
    .addHelpText('after', '\nExample:\n  fla process samples/*.xml --db fla.sqlite --out answers/')
    .action(async (files: string[], options: Record<string, unknown>) => set(await (await import('./process.js')).processCommand(files, { ...options, verbose: program.opts().verbose === true })));

  program
    .command('answers')
    .description("write a processed file's receipt and notification again, from the ledger")
    .requiredOption('--ticket <ticket>', 'the ticket of the file (in its answers, e.g. FLA-20260420T101500123Z-000000-1a2b3c4d)')
    .option('--db <path>', 'the SQLite ledger (default ./fla.sqlite)')
    .option('--out <dir>', 'where to write <file>.ACRF.xml and <file>.NOTI.xml (default: the current folder); an existing answer is never replaced')
    .option('--quiet', 'print nothing; the exit code tells')
    .addHelpText('after', '\nExample:\n  fla answers --ticket FLA-20260420T101500123Z-000000-1a2b3c4d --out answers/')
    .action(async (options: Record<string, unknown>) => set(await (await import('./answers.js')).answersCommand(options)));

  program
    .command('watch')
    .description('serve the SFTP drop folder: process each complete submission once, answer in OUT/OUTTEST')
    .argument('<root>', 'the drop folder: <root>/<sender>/IN, INTEST, OUT, OUTTEST')
    .option('--db <path>', 'the SQLite ledger (default ./fla.sqlite)')
    .option('--state <dir>', 'where claimed files go: processing/, done/, failed/, health.json (default <root>/.fla-state)')
    .option('--rescan <seconds>', 'periodic rescan besides file events', '30')
    .option('--stable <seconds>', 'a file counts as complete once unchanged this long', '0.2')
    .option('--go-first-stable <seconds>', 'the same when the GO came before its parts were complete (a slow or stalled upload)', '10')
    .option('--poll', 'watch by polling only (network file systems)')
    .option('--once', 'process what waits, then exit (cron, tests): 0, or 2 when a submission failed')
    .addHelpText('after', '\nExample:\n  fla watch /srv/sftp --db /var/lib/fla/fla.sqlite\n  fla watch /srv/sftp --once')
    .action(async (root: string, options: Record<string, unknown>) => set(await (await import('./watch.js')).watchCommand(root, { ...options, verbose: program.opts().verbose === true })));

  program
    .command('counters')
    .description('credit counters per employer, worker and five-year window: granted, used, remaining, uncovered')
    .option('--company <CompanyID>', 'one employer')
    .option('--inss <INSS>', 'one worker')
    .option('--name <family name>', 'workers whose family name starts with this, in any case, with or without accents')
    .option('--year <YYYY>', 'the window that holds this year, with only this year in the per-year figures')
    .option('--window <YYYY[-YYYY]>', 'one of the fixed windows 2024-2028, 2029-2033, …, by its first year or in full, e.g. 2029 or 2029-2033')
    .option('--db <path>', 'the SQLite ledger (default ./fla.sqlite)')
    .addOption(new Option('--format <format>', 'table or JSON').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExample:\n  fla counters --company 0403170701 --name Peet --format json')
    .action(async (options: Record<string, unknown>) => set(await (await import('./counters.js')).countersCommand(options)));

  program
    .command('report')
    .description("the employer dashboard: one self-contained HTML file (offline, data embedded) per employer and window")
    .option('--company <CompanyID>', 'one employer: --out is the HTML file')
    .option('--sender <id>', 'every employer this sender holds a mandate for on the as-of date: --out is a folder, with index.html')
    .option('--window <YYYY[-YYYY]>', 'the five-year window, by its first year or in full (default: the one holding --as-of)')
    .option('--as-of <YYYY-MM-DD>', '"this year" and "within 90 days" count from this day (default: today)')
    .addOption(new Option('--lang <lang>', 'language of the page').choices(['nl', 'fr', 'en']))
    .option('--out <path>', 'the HTML file (--company) or folder (--sender) to write')
    .option('--db <path>', 'the SQLite ledger (default ./fla.sqlite)')
    .addHelpText('after', '\nExample:\n  fla report --company 0403170701 --window 2024 --lang nl --out dashboard.html\n  fla report --sender 012345 --out dashboards/')
    .action(async (options: Record<string, unknown>) => set(await (await import('./report.js')).reportCommand(options)));

  program
    .command('generate')
    .description('write a synthetic, valid declaration file (deterministic for a seed)')
    .requiredOption('--persons <n>', 'number of natural persons')
    .option('--seed <s>', 'seed of the generator', '1')
    .option('--anomalies <rate>', 'share of persons (0..1) that get one known business-rule fault', '0')
    .option('--quarter <YYYYQ>', 'declared quarter', '20261')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .addHelpText('after', '\nExample:\n  fla generate --persons 50000 --seed 7 --out big.xml')
    .action(async (options: Record<string, string>) => set(await (await import('./generate.js')).generateCommand(options)));

  const mandates = program.command('mandates').description('list, add, remove the sender → employer mandates of the drop folder (none: every sender may declare for any employer)')
    .addHelpText('after', '\nExample:\n  fla mandates add --sender 012345 --company 0403170701 --from 2026-01-01\n  fla mandates list --format json');
  mandates
    .command('list')
    .description('the mandates, by sender, CompanyID and start')
    .option('--sender <id>', 'one sender (six digits)')
    .option('--company <CompanyID>', 'one employer')
    .option('--db <path>', 'the SQLite ledger (default ./fla.sqlite)')
    .addOption(new Option('--format <format>', 'table or JSON').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExample:\n  fla mandates list --sender 012345 --format json')
    .action(async (options: Record<string, unknown>) => set(await (await import('./mandates.js')).mandatesListCommand(options)));
  mandates
    .command('add')
    .description('let a sender declare for an employer, from and until a day (both inclusive); the same start again sets the end')
    .requiredOption('--sender <id>', 'the sender (six digits)')
    .requiredOption('--company <CompanyID>', 'the employer (enterprise number)')
    .option('--from <YYYY-MM-DD>', 'first day of the mandate (default 2024-01-01)')
    .option('--until <YYYY-MM-DD>', 'last day of the mandate (default: open-ended)')
    .option('--db <path>', 'the SQLite ledger (default ./fla.sqlite)')
    .addHelpText('after', '\nExample:\n  fla mandates add --sender 012345 --company 0403170701 --from 2026-01-01 --until 2026-12-31')
    .action(async (options: Record<string, unknown>) => set(await (await import('./mandates.js')).mandatesAddCommand(options)));
  mandates
    .command('remove')
    .description("remove a sender's mandates for an employer (only the one starting on --from, when given)")
    .requiredOption('--sender <id>', 'the sender (six digits)')
    .requiredOption('--company <CompanyID>', 'the employer (enterprise number)')
    .option('--from <YYYY-MM-DD>', 'only the mandate starting on this day')
    .option('--db <path>', 'the SQLite ledger (default ./fla.sqlite)')
    .addHelpText('after', '\nExample:\n  fla mandates remove --sender 012345 --company 0403170701 --from 2026-01-01')
    .action(async (options: Record<string, unknown>) => set(await (await import('./mandates.js')).mandatesRemoveCommand(options)));

  program
    .command('rules')
    .description('print the rule catalogue: code, severity, scope, layer, description')
    .addOption(new Option('--format <format>', 'text table, json, or md (writes the docs page)').choices(['text', 'json', 'md']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of the descriptions in the text table').choices(['nl', 'fr', 'en']))
    .option('--out <file>', 'where --format md writes (default docs/rules.md)')
    .addHelpText('after', '\nExample:\n  fla rules --lang fr\n  fla rules --format md')
    .action(async (options: Record<string, unknown>) => set(await (await import('./rules.js')).rulesCommand(options)));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, program.opts().verbose === true, () => missingCommand(program, argv));
  }
}

/** The line for `fla` or `fla mandates` without a command, which commander answers with its help. */
function missingCommand(program: Command, argv: readonly string[]): string {
  const first = argv.find((arg) => !arg.startsWith('-'));
  const parent = program.commands.find((c) => c.name() === first) ?? program;
  const name = parent === program ? 'fla' : `fla ${parent.name()}`;
  return `${name} needs a command: ${parent.commands.map((c) => c.name()).join(', ')} (see ${name} --help)`;
}

/** One coded line on standard error, and the exit code: 0 only for help and --version. */
export async function reportError(error: unknown, verbose: boolean, missingCommand: () => string): Promise<number> {
  const { say: write } = await import('./say.js');
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0)) return 0;
    write(`fla: FLA_ERR_USAGE: ${error.code === 'commander.help' ? missingCommand() : error.message.replace(/^error: /, '')}\n`);
    return 2;
  }
  if (error instanceof FlaError) {
    write(`fla: ${error.code}: ${error.message}\n`);
    if (verbose && error.stack) write(`${error.stack}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`fla: FLA_ERR_INTERNAL: ${message}${verbose ? '' : ' (run with --verbose for details)'}\n`);
  if (verbose && error instanceof Error && error.stack) write(`${error.stack}\n`);
  return 2;
}
