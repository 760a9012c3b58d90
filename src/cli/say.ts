// Lines on standard error quote arguments, file names and values: a national register number is
// never shown in clear there, and nothing quoted may act on the terminal.
import { terminalSafe } from '../report/terminal-text.js';
import { maskInsz } from '../watch/log.js';

/** Writes `text` (lines ending in newlines) to standard error, masked and safe to show. */
export function say(text: string): void {
  process.stderr.write(maskInsz(text.replace(/[^\n]+/g, terminalSafe)));
}
