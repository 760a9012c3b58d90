import type { Field } from '../declaration/model.js';

/**
 * Remembers where each key was first seen, for the "used twice" rules: only short keys and line
 * numbers, never the declarations they came from.
 */
export class FirstSeen {
  private lines = new Map<string, number>();

  reset(): void {
    this.lines = new Map();
  }

  /** The line of an earlier occurrence of `key`; undefined (and remembered) the first time. */
  earlier(key: string, field: Field): number | undefined {
    const first = this.lines.get(key);
    if (first === undefined) this.lines.set(key, field.at.line);
    return first;
  }
}
