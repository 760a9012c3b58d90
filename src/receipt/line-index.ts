// Where line N of a file starts, roughly: the progress bar knows the line the mapping has reached
// (each person's location) and needs how many bytes that is. Built only when a bar is shown, from
// the bytes the UTF-8 check reads anyway (far ahead of the mapping): one count per chunk read.

export class LineIndex {
  /** Per chunk read: the bytes before it and the line it starts on (1-based). */
  private readonly starts: number[] = [0];
  private readonly lines: number[] = [1];
  private bytes = 0;
  private line = 1;

  /** Counts the newlines of the next bytes of the file. */
  add(chunk: Uint8Array): void {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = buffer.indexOf(10); at >= 0; at = buffer.indexOf(10, at + 1)) this.line++;
    this.bytes += chunk.byteLength;
    this.starts.push(this.bytes);
    this.lines.push(this.line);
  }

  /** About where `line` starts, in bytes: exact at chunk bounds, interpolated within a chunk. */
  byteOfLine(line: number): number {
    const { starts, lines } = this;
    let lo = 0;
    let hi = lines.length - 1;
    if (line >= lines[hi]!) return starts[hi]!;
    // The last chunk that starts at or before `line`.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= line) lo = mid;
      else hi = mid - 1;
    }
    const span = lines[lo + 1]! - lines[lo]!;
    const share = span === 0 ? 0 : (line - lines[lo]!) / span;
    return Math.round(starts[lo]! + share * (starts[lo + 1]! - starts[lo]!));
  }
}
