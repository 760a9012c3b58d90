// The elements libxml2 read, as the receipt child writes them (format: src/receipt/native/extract.c),
// replayed into an ElementHandler. This is the mapping pass's only view of the file's text: libxml2
// parses each file once, for validation and for mapping alike.

export type StructureProblemKind = 'depth' | 'text-size';

export interface ElementHandler {
  /** `name` is the local name; `ns` the namespace URI (null when none). */
  start(name: string, ns: string | null, attributes: ReadonlyMap<string, string> | null, line: number, column: number): void;
  /** An element with text only and no attributes, `<name>text</name>`: start, text, end in one call. */
  leaf(name: string, ns: string | null, text: string, line: number, column: number): void;
  end(name: string): void;
  text(text: string): void;
  problem(problem: StructureProblemKind, line: number, column: number): void;
}

/** FLA_FRAME_FORMAT of src/receipt/native/extract.h: the layout this file reads. */
export const FRAME_FORMAT = 1;

const START = 1;
const LEAF = 2;
const END = 3;
const TEXT = 4;
const PROBLEM = 5;
const NAME = 6;
const HEADER = 12;
const END_OF_FILE = 0xffffffff;

/** Where a file's frames go, and what happens after its end-of-file frame. */
export interface FrameTarget {
  readonly handler: ElementHandler;
  fileEnd(): void;
}

/**
 * Cuts a byte stream into frames and replays each into the target of the file it belongs to, in
 * the order the files were asked for; `target()` is undefined while the next file has none yet.
 */
export class FrameReader {
  /** The frame being assembled, in a buffer of its own: aligned for Int32Array, reused. */
  private frame = Buffer.alloc(1 << 18);
  private filled = 0;
  /** Bytes received while the next file had no target yet. */
  private stalled: Buffer | null = null;
  private names: string[] = [];

  constructor(private readonly target: () => FrameTarget | undefined) {}

  /**
   * Handles every complete frame of `chunk` (after what was left over); false when it stopped
   * because the next frame's file has no target yet: push an empty chunk once it has one.
   */
  push(chunk: Buffer): boolean {
    if (this.stalled !== null) {
      const earlier = this.stalled;
      this.stalled = null;
      if (!this.consume(earlier)) {
        if (chunk.length > 0) this.stalled = Buffer.concat([this.stalled!, chunk]);
        return false;
      }
    }
    return this.consume(chunk);
  }

  private consume(chunk: Buffer): boolean {
    let at = 0;
    for (;;) {
      const size = this.filled >= HEADER ? this.frame.readUInt32LE(0) : HEADER;
      if (size < HEADER) throw new Error(`a frame of ${size} bytes`);
      if (this.filled === size) {
        const target = this.target();
        if (target === undefined) {
          this.stalled = chunk.subarray(at);
          return false;
        }
        this.filled = 0;
        this.deliver(target);
        continue;
      }
      if (at === chunk.length) return true;
      if (size > this.frame.length) {
        const larger = Buffer.alloc(Math.max(size, this.frame.length * 2));
        this.frame.copy(larger, 0, 0, this.filled);
        this.frame = larger;
      }
      const n = Math.min(size - this.filled, chunk.length - at);
      chunk.copy(this.frame, this.filled, at, at + n);
      this.filled += n;
      at += n;
    }
  }

  private deliver(target: FrameTarget): void {
    const count = this.frame.readUInt32LE(4);
    if (count === END_OF_FILE) {
      this.names = [];
      target.fileEnd();
    } else {
      this.replay(count, this.frame.readUInt32LE(8), target.handler);
    }
  }

  private replay(count: number, textBytes: number, h: ElementHandler): void {
    const buf = this.frame;
    const ints = new Int32Array(buf.buffer, buf.byteOffset + HEADER, count);
    const textAt = HEADER + count * 4;
    // ASCII values (nearly all) are slices of one Latin-1 string of the frame's text; the rest is decoded.
    const text = buf.toString('latin1', textAt, textAt + textBytes);
    const str = (start: number, length: number): string => (length >= 0 ? text.slice(start, start + length) : buf.toString('utf8', textAt + start, textAt + start - length));
    const names = this.names;
    for (let i = 0; i < count; ) {
      const op = ints[i]!;
      if (op === LEAF) {
        const ns = ints[i + 2]!;
        h.leaf(names[ints[i + 1]!]!, ns < 0 ? null : names[ns]!, str(ints[i + 5]!, ints[i + 6]!), ints[i + 3]!, ints[i + 4]!);
        i += 7;
      } else if (op === END) {
        h.end(names[ints[i + 1]!]!);
        i += 2;
      } else if (op === START) {
        const ns = ints[i + 2]!;
        const n = ints[i + 5]!;
        let attributes: Map<string, string> | null = null;
        if (n > 0) {
          attributes = new Map();
          for (let k = i + 6; k < i + 6 + 3 * n; k += 3) attributes.set(names[ints[k]!]!, attributeValue(str(ints[k + 1]!, ints[k + 2]!)));
        }
        h.start(names[ints[i + 1]!]!, ns < 0 ? null : names[ns]!, attributes, ints[i + 3]!, ints[i + 4]!);
        i += 6 + 3 * n;
      } else if (op === NAME) {
        // Kept for the whole file: a copy, so that it does not pin the frame's text.
        names.push(detach(str(ints[i + 1]!, ints[i + 2]!)));
        i += 3;
      } else if (op === TEXT) {
        h.text(str(ints[i + 1]!, ints[i + 2]!));
        i += 3;
      } else if (op === PROBLEM) {
        h.problem(ints[i + 1] === 1 ? 'depth' : 'text-size', ints[i + 2]!, ints[i + 3]!);
        i += 4;
      } else {
        throw new Error(`unknown frame record ${op}`);
      }
    }
  }
}

/**
 * A copy of `s` that does not keep the frame's text it was cut from alive. V8 represents a
 * substring of 13 characters or more as a slice of its parent, so one retained value would pin it.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

/** libxml2 hands an attribute's `&amp;` on as `&#38;` (SAX2 leaves it to the tree builder). */
function attributeValue(value: string): string {
  return value.includes('&#38;') ? value.replaceAll('&#38;', '&') : value;
}
