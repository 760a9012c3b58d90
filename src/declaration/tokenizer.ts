// A fast push tokenizer for the mapping pass. libxml2 (receipt layer) is the authority on
// well-formedness and validity; this one only has to map well-formed files quickly, stay bounded
// (depth, text size) and never throw on anything else. Synchronous per chunk: one async step per
// megabyte, not per tag, is what keeps it fast.

export interface TokenizerLimits {
  readonly maxDepth: number;
  readonly maxTextChars: number;
}

export type TokenProblem = 'depth' | 'text-size' | 'malformed';

export interface TokenHandler {
  /** `name` is the local name; `ns` the resolved namespace URI (null when none). */
  start(name: string, ns: string | null, attributes: ReadonlyMap<string, string> | null, line: number, column: number): void;
  /** An element with text only and no attributes, `<name>text</name>`: start, text, end in one call. */
  leaf(name: string, ns: string | null, text: string, line: number, column: number): void;
  end(name: string): void;
  text(text: string): void;
  problem(problem: TokenProblem, line: number, column: number): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10), whole);
    return ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(cp: number, fallback: string): string {
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

/**
 * A copy of `s` that does not keep the chunk it was cut from alive. V8 represents a substring of 13
 * characters or more as a slice of its parent, so one retained value would pin a whole megabyte.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

interface NamespaceScope {
  readonly depth: number;
  readonly prefixes: ReadonlyMap<string, string>;
}

export class XmlTokenizer {
  private buf = '';
  private line = 1;
  private lineStart = 0; // index in buf of the current line's first character (may be negative)
  private depth = 0;
  private stopped = false;
  private readonly scopes: NamespaceScope[] = [];
  private readonly open: string[] = [];
  /**
   * Element names are few: each is cut out once and then recognised in place, so that a tag costs
   * no new string (and the builder's lookups by name meet the same string every time).
   */
  private readonly nameCache: (string | undefined)[] = new Array<string | undefined>(NAME_CACHE_SIZE);
  /** The namespace of unprefixed names, kept in step with the scopes. */
  private defaultNs: string | null = null;
  private readonly openLocal: string[] = [];
  private nextNewline = -1; // index in buf of the next '\n' at or after the scan position; -1 unknown

  constructor(
    private readonly handler: TokenHandler,
    private readonly limits: TokenizerLimits,
  ) {}

  write(chunk: string): void {
    if (this.stopped) return;
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    const consumed = this.run(false);
    this.buf = this.buf.slice(consumed);
    this.lineStart -= consumed;
    this.nextNewline = -1;
    if (!this.stopped && this.buf.length > this.limits.maxTextChars) this.fail('text-size', this.buf.length);
  }

  end(): void {
    if (this.stopped) return;
    this.run(true);
    if (!this.stopped && (this.open.length > 0 || !isBlank(this.buf))) this.fail('malformed', this.buf.length);
  }

  /** Handles every complete token in buf; returns how many characters were consumed. */
  private run(final: boolean): number {
    const buf = this.buf;
    let pos = 0;
    while (!this.stopped) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        if (final) return this.consumeText(pos, buf.length);
        return pos;
      }
      if (lt > pos) pos = this.consumeText(pos, lt);
      if (this.stopped) return pos;
      const next = buf.charCodeAt(lt + 1);
      let end: number;
      if (next === 0x2f /* / */) end = this.closeTag(lt);
      else if (next === 0x3f /* ? */) end = this.skip(lt, '?>');
      else if (next === 0x21 /* ! */) end = this.bang(lt, final);
      else end = this.openTag(lt);
      if (end < 0) {
        if (final || this.stopped) {
          if (!this.stopped) this.fail('malformed', lt);
        }
        return lt;
      }
      pos = end;
    }
    return pos;
  }

  private consumeText(from: number, to: number): number {
    if (to - from > this.limits.maxTextChars) {
      this.fail('text-size', from);
      return from;
    }
    if (this.depth > 0 && !isBlankRange(this.buf, from, to)) this.handler.text(decodeEntities(this.buf.slice(from, to)));
    this.countLines(from, to);
    return to;
  }

  /** Counts the newlines in [from, to); remembers the next one so that a line is scanned once. */
  private countLines(from: number, to: number): void {
    let nl = this.nextNewline;
    if (nl < from) nl = this.findNewline(from);
    while (nl < to) {
      this.line++;
      this.lineStart = nl + 1;
      nl = this.findNewline(nl + 1);
    }
    this.nextNewline = nl;
  }

  private findNewline(from: number): number {
    const nl = this.buf.indexOf('\n', from);
    return nl < 0 ? Number.MAX_SAFE_INTEGER : nl;
  }

  private closeTag(lt: number): number {
    const expected = this.open[this.open.length - 1];
    if (expected === undefined) {
      this.fail('malformed', lt);
      return -1;
    }
    const buf = this.buf;
    let gt = lt + 2 + expected.length;
    // Fast path: `</name>` exactly; otherwise allow spaces before '>' and report anything else.
    if (buf.charCodeAt(gt) !== 0x3e || !buf.startsWith(expected, lt + 2)) {
      gt = buf.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      if (!buf.startsWith(expected, lt + 2) || !isBlankRange(buf, lt + 2 + expected.length, gt)) {
        this.fail('malformed', lt);
        return -1;
      }
    }
    this.open.pop();
    this.depth--;
    if (this.scopes.length > 0) this.popScopes();
    this.handler.end(this.openLocal.pop()!);
    this.countLines(lt, gt);
    return gt + 1;
  }

  private openTag(lt: number): number {
    const buf = this.buf;
    const line = this.line;
    const column = lt - this.lineStart + 1;
    // The common tag is a known name and nothing else: found by the native indexOf and one compare,
    // without the character scan below.
    const next = buf.indexOf('>', lt + 1);
    const known = next < 0 ? undefined : this.knownName(lt + 1, next);
    let nameEnd = known === undefined ? lt + 1 : next;
    let c = buf.charCodeAt(nameEnd);
    while (c !== 0x3e && c !== 0x2f && !isSpace(c) && nameEnd < buf.length) c = buf.charCodeAt(++nameEnd);
    const gt = c === 0x3e ? nameEnd : this.tagEnd(nameEnd);
    if (gt < 0) return -1;
    const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
    const bodyEnd = selfClosing ? gt - 1 : gt;
    if (nameEnd > bodyEnd) nameEnd = bodyEnd;
    const qname = known ?? this.nameAt(lt + 1, nameEnd);
    if (nameEnd === gt) {
      const leafEnd = this.leaf(qname, gt, line, column);
      if (leafEnd !== 0) return leafEnd;
    }
    let attributes: Map<string, string> | null = null;
    if (nameEnd < bodyEnd) {
      attributes = parseAttributes(buf.slice(nameEnd, bodyEnd));
      if (attributes === null || qname.length === 0) {
        this.fail('malformed', lt);
        return -1;
      }
    }
    if (gt > nameEnd) this.countLines(lt, gt);
    if (++this.depth > this.limits.maxDepth) {
      this.fail('depth', lt);
      return -1;
    }
    if (attributes !== null) this.declareNamespaces(attributes);
    const colon = qname.indexOf(':');
    const ns = colon < 0 ? this.defaultNs : this.resolve(qname.slice(0, colon));
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    this.handler.start(local, ns, attributes, line, column);
    if (selfClosing) {
      this.depth--;
      if (this.scopes.length > 0) this.popScopes();
      this.handler.end(local);
    } else {
      this.open.push(qname);
      this.openLocal.push(local);
    }
    return gt + 1;
  }

  /**
   * The fast path for most of a declaration: `<name>text</name>` with nothing else inside, handed
   * on in one call. Returns the position after it, or 0 when the element is not such a leaf (or
   * not complete in the buffer yet), for the general path to handle.
   */
  private leaf(qname: string, gt: number, line: number, column: number): number {
    const buf = this.buf;
    const close = buf.indexOf('<', gt + 1);
    const nameAt = close + 2;
    if (close < 0 || buf.charCodeAt(close + 1) !== 0x2f || buf.charCodeAt(nameAt + qname.length) !== 0x3e || !matchesAt(buf, nameAt, qname)) return 0;
    if (close - gt - 1 > this.limits.maxTextChars || this.depth + 1 > this.limits.maxDepth || qname.length === 0) return 0;
    const colon = qname.indexOf(':');
    const ns = colon < 0 ? this.defaultNs : this.resolve(qname.slice(0, colon));
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    this.handler.leaf(local, ns, decodeEntities(buf.slice(gt + 1, close)), line, column);
    const end = nameAt + qname.length;
    this.countLines(gt, end);
    return end + 1;
  }

  /** The name in buf[from, to): the cached string when it is one seen before. */
  private nameAt(from: number, to: number): string {
    const known = this.knownName(from, to);
    if (known !== undefined) return known;
    const name = detach(this.buf.slice(from, to));
    if (name.length > 0) this.nameCache[nameSlot(this.buf, from, to)] = name;
    return name;
  }

  /** The cached name that is exactly buf[from, to), if any. */
  private knownName(from: number, to: number): string | undefined {
    if (to <= from) return undefined;
    const cached = this.nameCache[nameSlot(this.buf, from, to)];
    return cached !== undefined && cached.length === to - from && matchesAt(this.buf, from, cached) ? cached : undefined;
  }

  /** The '>' that ends a tag, skipping quoted attribute values; -1 when not in the buffer yet. */
  private tagEnd(from: number): number {
    const buf = this.buf;
    const gt = buf.indexOf('>', from);
    if (gt < 0) return -1;
    let quoted = false;
    for (let i = from; i < gt; i++) {
      const c = buf.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        quoted = true;
        break;
      }
    }
    if (!quoted) return gt;
    let quote = 0;
    for (let i = from; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) return i;
    }
    return -1;
  }

  private bang(lt: number, final: boolean): number {
    const buf = this.buf;
    if (buf.startsWith('<!--', lt)) return this.skip(lt, '-->');
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.depth > 0 && end > lt + 9) this.handler.text(buf.slice(lt + 9, end));
      this.countLines(lt, end);
      return end + 3;
    }
    if (buf.length - lt < 9 && !final) return -1;
    this.fail('malformed', lt);
    return -1;
  }

  private skip(lt: number, terminator: string): number {
    const end = this.buf.indexOf(terminator, lt + 2);
    if (end < 0) return -1;
    this.countLines(lt, end);
    return end + terminator.length;
  }

  private declareNamespaces(attributes: ReadonlyMap<string, string>): void {
    let prefixes: Map<string, string> | null = null;
    for (const [name, value] of attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        prefixes ??= new Map();
        prefixes.set(name === 'xmlns' ? '' : name.slice(6), value);
      }
    }
    if (prefixes !== null) {
      this.scopes.push({ depth: this.depth, prefixes });
      this.defaultNs = this.resolve('');
    }
  }

  private popScopes(): void {
    const before = this.scopes.length;
    while (this.scopes.length > 0 && this.scopes[this.scopes.length - 1]!.depth > this.depth) this.scopes.pop();
    if (this.scopes.length !== before) this.defaultNs = this.resolve('');
  }

  private resolve(prefix: string): string | null {
    if (this.scopes.length === 0) return null;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const uri = this.scopes[i]!.prefixes.get(prefix);
      if (uri !== undefined) return uri === '' ? null : uri;
    }
    return null;
  }

  private fail(problem: TokenProblem, at: number): void {
    this.stopped = true;
    this.handler.problem(problem, this.line, Math.max(1, at - this.lineStart + 1));
  }
}

/** A power of two; far more than the names of a declaration. */
const NAME_CACHE_SIZE = 512;

/** buf.startsWith(name, at), as a loop: V8 compiles this to far less than the builtin's call for short names. */
function matchesAt(buf: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (buf.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return true;
}

function nameSlot(buf: string, from: number, to: number): number {
  const length = to - from;
  return (length * 31 + buf.charCodeAt(from) * 7 + buf.charCodeAt(to - 1) * 3 + buf.charCodeAt(from + (length >> 1))) & (NAME_CACHE_SIZE - 1);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isBlank(s: string): boolean {
  return isBlankRange(s, 0, s.length);
}

function isBlankRange(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

const ATTRIBUTE = /\s*([^\s=]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** null when the list is not of the form name="value" …; libxml2 reports the details. */
function parseAttributes(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let at = 0;
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(text);
    if (m === null) return isBlankRange(text, at, text.length) ? out : null;
    if (out.has(m[1]!)) return null;
    out.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
    at = ATTRIBUTE.lastIndex;
  }
}
