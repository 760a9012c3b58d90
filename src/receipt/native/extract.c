/*
 * The receipt layer's one pass over a declaration (SPEC ARCHITECTURE, receipt then rules): libxml2
 * parses the file once, validates it against the XSD as it streams (xmlSchemaValidateStream, the
 * same path as xmlSchemaValidateFile) and hands every element to this file, which writes them to a
 * pipe as frames for the JavaScript side (src/receipt/frames.ts) to map. Parsing the file a second
 * time in JavaScript cost more than libxml2's whole validation.
 *
 * A frame: u32 total bytes, u32 n (Int32 count), u32 t (text bytes), n little-endian Int32, t bytes
 * of UTF-8 text, 0-3 bytes of padding. A frame with n = 0xFFFFFFFF ends a file. Records in the
 * Int32 part (text refers to [start, start + |len|) of the frame's text; len < 0 when non-ASCII):
 *   1 START name ns line col k, then k × (attrName valueStart valueLen)  element with children
 *   2 LEAF  name ns line col textStart textLen                           <name>text</name>
 *   3 END   name
 *   4 TEXT  start len                                                     non-blank text
 *   5 PROBLEM kind line col                                               1 depth, 2 text size
 *   6 NAME  start len                                                     defines the next name id
 * Positions are those of the '<' that opens the element, columns in UTF-16 units (what JavaScript
 * counts), the byte order mark excluded, as in every other position fla reports.
 */
#include "extract.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

enum { OP_START = 1, OP_LEAF = 2, OP_END = 3, OP_TEXT = 4, OP_PROBLEM = 5, OP_NAME = 6 };
enum { PROBLEM_DEPTH = 1, PROBLEM_TEXT_SIZE = 2 };

#define CHUNK (1 << 20)
/* Frames stay under 64 KB of text: JavaScript strings above 128 KB go to V8's large-object space. */
#define FRAME_TEXT (60 * 1024)
#define FRAME_INTS (16 * 1024)
#define MAX_ATTRIBUTES 256
#define PIPE_BYTES (4 << 20)
/*
 * The declaration XSD has about 60 names and no wildcard: past this many, the file is invalid
 * for certain and libxml2 has said so, so mapping stops (validation goes on) rather than hold an
 * unbounded table of a hostile file's names.
 */
#define MAX_NAMES 4096

typedef struct {
  const void *local;
  const void *prefix;
  int id; /* id + 1; 0 marks a free slot */
} NameSlot;

typedef struct {
  /* input: the previous chunk then the current one, so that a tag cut by a chunk boundary is whole */
  int fd;
  unsigned char *window;
  size_t prevLen, curLen, served;
  int64_t windowBase; /* file offset of window[0] */
  int eof, readError;
  /* everything before `scanned` is counted into line and units (UTF-16 units since the line start) */
  int64_t scanned, line, units;
  /* the frame being filled */
  int out, writeError;
  int32_t *ints;
  size_t nInts;
  unsigned char *text;
  size_t nText, textCap;
  /* names interned by libxml2's dictionary pointers */
  NameSlot *slots;
  size_t nSlots;
  int nextName;
  /* elements */
  xmlSchemaValidCtxtPtr vctxt;
  xmlParserCtxtPtr ctxt;
  int depth, stopped, muted;
  FlaLimits limits;
  int pending; /* an element started with no child yet: it may turn out to be a leaf */
  int32_t pendingName, pendingNs, pendingLine, pendingCol;
  unsigned char *scratch; /* the text of the current run */
  size_t scratchLen, scratchCap;
  int64_t runBytes; /* bytes of text since the last tag, for the text-size limit */
  FlaResult *result;
} Extractor;

/* ---- frames ---- */

static void writeAll(Extractor *x, const void *data, size_t n) {
  const char *p = data;
  while (n > 0 && x->writeError == 0) {
    ssize_t w = write(x->out, p, n);
    if (w >= 0) {
      p += w;
      n -= (size_t)w;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      struct pollfd wait = { x->out, POLLOUT, 0 };
      poll(&wait, 1, -1);
    } else if (errno != EINTR) {
      x->writeError = errno;
      /* nobody reads the frames any more (the engine is gone): the rest of the file is wasted work */
      if (x->ctxt != NULL) xmlStopParser(x->ctxt);
    }
  }
}

static void flush(Extractor *x) {
  if (x->nInts == 0 && x->nText == 0) return;
  static const unsigned char zeros[4] = { 0, 0, 0, 0 };
  size_t pad = (4 - (x->nText & 3)) & 3;
  uint32_t header[3] = { (uint32_t)(12 + x->nInts * 4 + x->nText + pad), (uint32_t)x->nInts, (uint32_t)x->nText };
  writeAll(x, header, sizeof header);
  writeAll(x, x->ints, x->nInts * 4);
  writeAll(x, x->text, x->nText);
  writeAll(x, zeros, pad);
  x->nInts = 0;
  x->nText = 0;
}

/* The frame that tells the reader this file is over, whatever happened to it. */
static void endOfFile(Extractor *x) {
  static const uint32_t frame[3] = { 12, 0xFFFFFFFFu, 0 };
  writeAll(x, frame, sizeof frame);
}

/* Room for one record: a record never straddles two frames; a value larger than a frame gets its own. */
static void room(Extractor *x, size_t ints, size_t text) {
  if (x->nInts + ints > FRAME_INTS || x->nText + text > FRAME_TEXT) flush(x);
  if (x->nText + text > x->textCap) {
    x->textCap = x->nText + text;
    x->text = realloc(x->text, x->textCap);
  }
}

/* Appends text to the frame (room made); the length, negated when a byte is not ASCII. */
static int32_t putText(Extractor *x, const unsigned char *s, size_t n, int32_t *start) {
  *start = (int32_t)x->nText;
  unsigned char any = 0;
  unsigned char *dst = x->text + x->nText;
  for (size_t i = 0; i < n; i++) {
    any |= s[i];
    dst[i] = s[i];
  }
  x->nText += n;
  return (any & 0x80) ? -(int32_t)n : (int32_t)n;
}

static int isBlank(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return 0;
  }
  return 1;
}

static void putTextRecord(Extractor *x, const unsigned char *s, size_t n) {
  room(x, 3, n);
  int32_t start;
  int32_t len = putText(x, s, n, &start);
  x->ints[x->nInts++] = OP_TEXT;
  x->ints[x->nInts++] = start;
  x->ints[x->nInts++] = len;
}

/* ---- names ---- */

static size_t slotOf(const void *local, const void *prefix, size_t mask) {
  uintptr_t h = ((uintptr_t)local >> 3) * 0x9e3779b1u + ((uintptr_t)prefix >> 3);
  return (size_t)(h ^ (h >> 15)) & mask;
}

static void growNames(Extractor *x) {
  size_t n = x->nSlots * 2;
  NameSlot *slots = calloc(n, sizeof *slots);
  for (size_t i = 0; i < x->nSlots; i++) {
    NameSlot s = x->slots[i];
    if (s.id == 0) continue;
    size_t j = slotOf(s.local, s.prefix, n - 1);
    while (slots[j].id != 0) j = (j + 1) & (n - 1);
    slots[j] = s;
  }
  free(x->slots);
  x->slots = slots;
  x->nSlots = n;
}

/* The id of prefix:local (prefix may be NULL); a new name is defined in the frame on first use. */
static int32_t nameId(Extractor *x, const xmlChar *local, const xmlChar *prefix) {
  size_t mask = x->nSlots - 1;
  for (size_t i = slotOf(local, prefix, mask);; i = (i + 1) & mask) {
    NameSlot *s = &x->slots[i];
    if (s->id != 0 && s->local == local && s->prefix == prefix) return s->id - 1;
    if (s->id != 0) continue;
    if (x->nextName >= MAX_NAMES) {
      x->muted = 1;
      return -1;
    }
    size_t lp = prefix ? strlen((const char *)prefix) : 0, ll = local ? strlen((const char *)local) : 0;
    room(x, 3, lp + 1 + ll);
    int32_t start = (int32_t)x->nText;
    if (prefix != NULL) {
      memcpy(x->text + x->nText, prefix, lp);
      x->nText += lp;
      x->text[x->nText++] = ':';
    }
    memcpy(x->text + x->nText, local, ll);
    x->nText += ll;
    x->ints[x->nInts++] = OP_NAME;
    x->ints[x->nInts++] = start;
    x->ints[x->nInts++] = (int32_t)(x->nText - (size_t)start);
    s->local = local;
    s->prefix = prefix;
    s->id = ++x->nextName;
    if ((size_t)x->nextName * 2 > x->nSlots) growNames(x);
    return x->nextName - 1;
  }
}

/* ---- positions ---- */

static int64_t utf16Units(const unsigned char *p, size_t n) {
  int64_t u = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = p[i];
    if ((c & 0xc0) != 0x80) u += c >= 0xf0 ? 2 : 1;
  }
  return u;
}

/* Counts lines and columns up to file offset `to` (inside the window). */
static void advance(Extractor *x, int64_t to) {
  if (to <= x->scanned) return;
  const unsigned char *p = x->window + (x->scanned - x->windowBase);
  const unsigned char *end = x->window + (to - x->windowBase);
  const unsigned char *lineStart = NULL;
  for (const unsigned char *q = p; q < end;) {
    const unsigned char *nl = memchr(q, '\n', (size_t)(end - q));
    if (nl == NULL) break;
    x->line++;
    lineStart = q = nl + 1;
  }
  if (lineStart != NULL) x->units = utf16Units(lineStart, (size_t)(end - lineStart));
  else x->units += utf16Units(p, (size_t)(end - p));
  x->scanned = to;
}

static xmlParserCtxtPtr parser(Extractor *x) {
  if (x->ctxt == NULL) x->ctxt = fla_parser_of(x->vctxt);
  return x->ctxt;
}

/* Line and column of the '<' of the tag libxml2 has just read. */
static void tagPosition(Extractor *x, int32_t *line, int32_t *col) {
  xmlParserCtxtPtr ctxt = parser(x);
  xmlParserInputPtr in = ctxt == NULL ? NULL : ctxt->input;
  if (in == NULL || (in->buf != NULL && in->buf->encoder != NULL)) {
    /* not UTF-8 as read (never for an accepted file): libxml2's own count */
    *line = in == NULL ? 0 : in->line;
    *col = in == NULL ? 0 : in->col;
    return;
  }
  int64_t at = (int64_t)in->consumed + (in->cur - in->base);
  int64_t lo = x->scanned > x->windowBase ? x->scanned : x->windowBase;
  int64_t hi = x->windowBase + (int64_t)(x->prevLen + x->curLen);
  if (at > hi) at = hi;
  int64_t lt = at - 1;
  while (lt >= lo && x->window[lt - x->windowBase] != '<') lt--;
  /* a tag longer than the window: the nearest position known */
  if (lt < lo) lt = lo < at ? lo : at;
  advance(x, lt);
  *line = (int32_t)x->line;
  *col = (int32_t)(x->units + 1);
}

/* ---- SAX ---- */

static void stop(Extractor *x, int kind, int32_t line, int32_t col) {
  room(x, 4, 0);
  x->ints[x->nInts++] = OP_PROBLEM;
  x->ints[x->nInts++] = kind;
  x->ints[x->nInts++] = line;
  x->ints[x->nInts++] = col;
  x->stopped = 1;
  if (parser(x) != NULL) xmlStopParser(x->ctxt);
}

/* op name ns line col of the pending element (room made), which is then no longer pending. */
static void putPending(Extractor *x, int32_t op) {
  int32_t *o = x->ints + x->nInts;
  o[0] = op;
  o[1] = x->pendingName;
  o[2] = x->pendingNs;
  o[3] = x->pendingLine;
  o[4] = x->pendingCol;
  x->nInts += 5;
  x->pending = 0;
}

/* The element waiting to be a leaf has a child after all: it starts, with its text if not blank. */
static void startPending(Extractor *x) {
  room(x, 6, 0);
  putPending(x, OP_START);
  x->ints[x->nInts++] = 0;
  if (!isBlank(x->scratch, x->scratchLen)) putTextRecord(x, x->scratch, x->scratchLen);
  x->scratchLen = 0;
}

static void onStart(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI, int nbNs, const xmlChar **namespaces, int nbAttrs, int nbDefaulted, const xmlChar **attrs) {
  (void)prefix;
  (void)nbDefaulted;
  Extractor *x = ctx;
  if (x->stopped || x->muted) return;
  if (x->pending) startPending(x);
  x->runBytes = 0;
  int32_t line, col;
  tagPosition(x, &line, &col);
  if (++x->depth > x->limits.maxDepth) return stop(x, PROBLEM_DEPTH, line, col);
  int32_t name = nameId(x, localname, NULL);
  int32_t ns = URI == NULL ? -1 : nameId(x, URI, NULL);
  if (x->muted) return;
  if (nbNs == 0 && nbAttrs == 0) {
    x->pending = 1;
    x->pendingName = name;
    x->pendingNs = ns;
    x->pendingLine = line;
    x->pendingCol = col;
    x->scratchLen = 0;
    return;
  }
  /* names first: a new name is a record of its own and must not land inside this one */
  int n = nbNs + nbAttrs > MAX_ATTRIBUTES ? MAX_ATTRIBUTES : nbNs + nbAttrs;
  int32_t ids[MAX_ATTRIBUTES];
  const xmlChar *values[MAX_ATTRIBUTES];
  size_t lengths[MAX_ATTRIBUTES];
  size_t textBytes = 0;
  for (int i = 0; i < n; i++) {
    if (i < nbNs) {
      const xmlChar *p = namespaces[2 * i], *uri = namespaces[2 * i + 1];
      ids[i] = p == NULL ? nameId(x, BAD_CAST "xmlns", NULL) : nameId(x, p, BAD_CAST "xmlns");
      values[i] = uri == NULL ? BAD_CAST "" : uri;
      lengths[i] = strlen((const char *)values[i]);
    } else {
      const xmlChar **a = attrs + 5 * (i - nbNs);
      ids[i] = nameId(x, a[0], a[1]);
      values[i] = a[3];
      lengths[i] = (size_t)(a[4] - a[3]);
    }
    textBytes += lengths[i];
  }
  if (x->muted) return;
  room(x, 6 + 3 * (size_t)n, textBytes);
  int32_t *o = x->ints + x->nInts;
  o[0] = OP_START;
  o[1] = name;
  o[2] = ns;
  o[3] = line;
  o[4] = col;
  o[5] = n;
  x->nInts += 6;
  for (int i = 0; i < n; i++) {
    int32_t start;
    int32_t len = putText(x, values[i], lengths[i], &start);
    x->ints[x->nInts++] = ids[i];
    x->ints[x->nInts++] = start;
    x->ints[x->nInts++] = len;
  }
}

static void onEnd(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
  (void)prefix;
  (void)URI;
  Extractor *x = ctx;
  if (x->stopped || x->muted) return;
  x->depth--;
  x->runBytes = 0;
  if (x->pending) {
    room(x, 7, x->scratchLen);
    int32_t start;
    int32_t len = putText(x, x->scratch, x->scratchLen, &start);
    putPending(x, OP_LEAF);
    x->ints[x->nInts++] = start;
    x->ints[x->nInts++] = len;
    x->scratchLen = 0;
    return;
  }
  int32_t name = nameId(x, localname, NULL);
  if (x->muted) return;
  room(x, 2, 0);
  x->ints[x->nInts++] = OP_END;
  x->ints[x->nInts++] = name;
}

static void onText(void *ctx, const xmlChar *ch, int len) {
  Extractor *x = ctx;
  if (x->stopped || x->muted || x->depth == 0) return;
  x->runBytes += len;
  if (x->runBytes > x->limits.maxTextChars) {
    /* bytes are at least as many as characters: count exactly only when the bytes are over */
    int64_t chars = utf16Units(x->scratch, x->scratchLen) + utf16Units(ch, (size_t)len);
    if (!x->pending || chars > x->limits.maxTextChars) {
      int32_t line = (int32_t)x->line, col = (int32_t)(x->units + 1);
      return stop(x, PROBLEM_TEXT_SIZE, line, col);
    }
  }
  if (!x->pending) {
    /* text beside child elements: formatting when blank, handed on as it comes otherwise */
    if (!isBlank(ch, (size_t)len)) putTextRecord(x, ch, (size_t)len);
    return;
  }
  if (x->scratchLen + (size_t)len > x->scratchCap) {
    while (x->scratchLen + (size_t)len > x->scratchCap) x->scratchCap *= 2;
    x->scratch = realloc(x->scratch, x->scratchCap);
  }
  memcpy(x->scratch + x->scratchLen, ch, (size_t)len);
  x->scratchLen += (size_t)len;
}

static void onError(void *ctx, xmlErrorPtr e) {
  Extractor *x = ctx;
  FlaResult *r = x->result;
  r->totalErrors++;
  /*
   * A fatal parser error decides the file (ACRF-102 or 138 report the first one) and turns the
   * elements off; libxml2 would still read on to the end, and after a byte that is not UTF-8 it
   * crawls (a bad byte at the start of 50 MB took 93 s). Validity errors are never fatal.
   */
  if (e->level == XML_ERR_FATAL && e->domain != XML_FROM_SCHEMASV && parser(x) != NULL) xmlStopParser(x->ctxt);
  if (r->nErrors >= x->limits.maxErrors) return;
  FlaError *o = &r->errors[r->nErrors++];
  o->domain = e->domain;
  o->code = e->code;
  o->level = e->level;
  o->line = e->line;
  o->column = e->int2;
  o->message = strdup(e->message == NULL ? "" : e->message);
}

/* ---- input ---- */

static int readInput(void *ctx, char *buffer, int len) {
  Extractor *x = ctx;
  if (x->served == x->curLen) {
    if (x->eof) return 0;
    /* the previous chunk is about to be overwritten: count its lines first */
    int64_t curStart = x->windowBase + (int64_t)x->prevLen;
    advance(x, curStart);
    memmove(x->window, x->window + x->prevLen, x->curLen);
    x->windowBase = curStart;
    x->prevLen = x->curLen;
    x->curLen = 0;
    x->served = 0;
    while (x->curLen < CHUNK && !x->eof) {
      ssize_t r = read(x->fd, x->window + x->prevLen + x->curLen, CHUNK - x->curLen);
      if (r > 0) x->curLen += (size_t)r;
      else if (r == 0) x->eof = 1;
      else if (errno != EINTR) {
        x->readError = errno;
        return -1;
      }
    }
    if (x->windowBase == 0 && x->prevLen == 0 && x->curLen >= 3 && x->window[0] == 0xef && x->window[1] == 0xbb && x->window[2] == 0xbf) {
      x->scanned = 3; /* positions leave the byte order mark out */
    }
    if (x->curLen == 0) return 0;
  }
  size_t n = x->curLen - x->served;
  if (n > (size_t)len) n = (size_t)len;
  memcpy(buffer, x->window + x->prevLen + x->served, n);
  x->served += n;
  return (int)n;
}

static int closeInput(void *ctx) {
  (void)ctx;
  return 0;
}

int fla_extract(xmlSchemaPtr schema, const char *path, int out, const FlaLimits *limits, FlaResult *result) {
  memset(result, 0, sizeof *result);
  result->errors = calloc((size_t)limits->maxErrors + 1, sizeof(FlaError));
  Extractor *x = calloc(1, sizeof *x);
  x->result = result;
  x->limits = *limits;
  x->out = out;
  x->line = 1;
  x->fd = open(path, O_RDONLY | O_CLOEXEC);
  if (x->fd < 0) {
    result->openError = errno;
    result->status = -1;
    endOfFile(x);
    free(x);
    return -1;
  }
  /*
   * Room for a few megabytes of frames in the pipe (a socket pair; as much as the system allows):
   * libxml2 and the rules each slow down in their own places, and a deeper pipe lets one run
   * ahead instead of waiting. Nothing happens when `out` is not a socket.
   */
  int depth = PIPE_BYTES;
  setsockopt(out, SOL_SOCKET, SO_SNDBUF, &depth, sizeof depth);
  x->window = malloc(2 * (size_t)CHUNK);
  x->ints = malloc(FRAME_INTS * sizeof(int32_t));
  x->textCap = FRAME_TEXT;
  x->text = malloc(x->textCap);
  x->scratchCap = 4096;
  x->scratch = malloc(x->scratchCap);
  x->nSlots = 256;
  x->slots = calloc(x->nSlots, sizeof(NameSlot));

  xmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = onStart;
  sax.endElementNs = onEnd;
  sax.characters = onText;
  sax.cdataBlock = onText;
  sax.ignorableWhitespace = onText;
  sax.serror = onError;

  x->vctxt = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(x->vctxt, onError, x);
  /* errors raised outside a context (I/O, encoding) come through the global handler */
  xmlSetStructuredErrorFunc(x, onError);
  xmlParserInputBufferPtr input = xmlParserInputBufferCreateIO(readInput, closeInput, x, XML_CHAR_ENCODING_NONE);
  int status = input == NULL ? -1 : xmlSchemaValidateStream(x->vctxt, input, XML_CHAR_ENCODING_NONE, &sax, x);
  x->ctxt = NULL; /* freed with the stream: a write error below must not stop it */
  flush(x);
  endOfFile(x);
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlSchemaFreeValidCtxt(x->vctxt);
  close(x->fd);
  result->status = status;
  result->readError = x->readError;
  result->writeError = x->writeError;
  free(x->window);
  free(x->ints);
  free(x->text);
  free(x->scratch);
  free(x->slots);
  free(x);
  return status;
}

void fla_free_result(FlaResult *result) {
  for (int i = 0; i < result->nErrors; i++) free(result->errors[i].message);
  free(result->errors);
  result->errors = NULL;
  result->nErrors = 0;
}
