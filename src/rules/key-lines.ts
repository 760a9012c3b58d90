/**
 * A map from short keys to line numbers, for the "used twice" rules, in a few bytes per key.
 *
 * A JavaScript Map spends about a hundred bytes per short string key; a million training
 * references of one file then cost hundreds of megabytes. Here a key's characters are copied into
 * one growing byte arena (Latin-1, one byte each) and found through an open-addressing table of
 * typed arrays: about 30 bytes per key. Keys with a character above U+00FF are rare and go to an
 * ordinary Map.
 */
export class KeyLines {
  private arena = new Uint8Array(1 << 12);
  private arenaUsed = 0;
  /** Per slot: arena offset + 1 of the key (0 = empty), its hash, its line. */
  private offsets = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  private lines = new Int32Array(1 << 10);
  private count = 0;
  private wide: Map<string, number> | null = null;

  get size(): number {
    return this.count + (this.wide?.size ?? 0);
  }

  /** The line stored for `key`; undefined when absent. */
  get(key: string): number | undefined {
    if (!isLatin1(key)) return this.wide?.get(key);
    const slot = this.find(key, hashOf(key));
    return this.offsets[slot] === 0 ? undefined : this.lines[slot];
  }

  /** Stores `line` for `key` unless the key is there; returns the line stored first. */
  addIfAbsent(key: string, line: number): number | undefined {
    if (!isLatin1(key)) {
      this.wide ??= new Map();
      const first = this.wide.get(key);
      if (first === undefined) this.wide.set(key, line);
      return first;
    }
    const hash = hashOf(key);
    const slot = this.find(key, hash);
    if (this.offsets[slot] !== 0) return this.lines[slot];
    this.offsets[slot] = this.store(key) + 1;
    this.hashes[slot] = hash;
    this.lines[slot] = line;
    // Linear probing stays short up to three quarters full; a half-full table cost 12 MB more on 1 GB.
    if (++this.count * 4 > this.offsets.length * 3) this.grow();
    return undefined;
  }

  private find(key: string, hash: number): number {
    const mask = this.offsets.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const offset = this.offsets[slot]!;
      if (offset === 0 || (this.hashes[slot] === hash && this.equals(offset - 1, key))) return slot;
    }
  }

  private equals(offset: number, key: string): boolean {
    const arena = this.arena;
    const length = arena[offset]! | (arena[offset + 1]! << 8);
    if (length !== key.length) return false;
    for (let i = 0; i < length; i++) if (arena[offset + 2 + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Copies the key (two bytes of length, then one byte a character); returns its offset. */
  private store(key: string): number {
    const need = this.arenaUsed + 2 + key.length;
    if (need > this.arena.length) {
      const bigger = new Uint8Array(Math.max(need, this.arena.length * 2));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    const at = this.arenaUsed;
    this.arena[at] = key.length & 0xff;
    this.arena[at + 1] = key.length >>> 8;
    for (let i = 0; i < key.length; i++) this.arena[at + 2 + i] = key.charCodeAt(i);
    this.arenaUsed = need;
    return at;
  }

  private grow(): void {
    const { offsets, hashes, lines } = this;
    const capacity = offsets.length * 2;
    const mask = capacity - 1;
    this.offsets = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    for (let old = 0; old < offsets.length; old++) {
      if (offsets[old] === 0) continue;
      let slot = hashes[old]! & mask;
      while (this.offsets[slot] !== 0) slot = (slot + 1) & mask;
      this.offsets[slot] = offsets[old]!;
      this.hashes[slot] = hashes[old]!;
      this.lines[slot] = lines[old]!;
    }
  }
}

/** Keys longer than 65,535 characters are not short keys: they go to the Map too. */
function isLatin1(key: string): boolean {
  if (key.length > 0xffff) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return false;
  return true;
}

/** FNV-1a over the characters, finished with a multiply so that the low bits spread. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}
