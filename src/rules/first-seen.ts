import type { Field } from '../declaration/model.js';
import { KeyLines } from './key-lines.js';

/**
 * Remembers where each key was first seen, for the "used twice" rules: only short keys and line
 * numbers, never the declarations they came from, in a few bytes a key.
 */
export class FirstSeen {
  private lines = new KeyLines();

  reset(): void {
    if (this.lines.size > 0) this.lines = new KeyLines();
  }

  /** The line of an earlier occurrence of `key`; undefined (and remembered) the first time. */
  earlier(key: string, field: Field): number | undefined {
    return this.lines.addIfAbsent(key, field.at.line);
  }
}
