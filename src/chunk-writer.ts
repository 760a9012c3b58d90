// Output written in ~64 KB strings: one write per chunk, not per line, and a pause when the
// reader is slower than we are, so that memory stays bounded however much is written.
import { once } from 'node:events';

const CHUNK_CHARS = 64 * 1024;

/** Collects output into ~64 KB strings and waits for 'drain' when the stream asks to. */
export class ChunkWriter {
  private chunk = '';
  bytes = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  push(text: string): void {
    this.chunk += text;
  }

  get full(): boolean {
    return this.chunk.length >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (this.chunk === '') return;
    const chunk = this.chunk;
    this.chunk = '';
    this.bytes += Buffer.byteLength(chunk, 'utf8');
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
