/* One pass of libxml2 over a declaration: streaming XSD validation plus the elements, as frames. */
#ifndef FLA_EXTRACT_H
#define FLA_EXTRACT_H
#include <libxml/xmlschemas.h>

/* Bumped with every change to the frames (extract.c); src/receipt/frames.ts checks it. */
#define FLA_FRAME_FORMAT 1

typedef struct {
  int domain, code, level, line, column;
  char *message;
} FlaError;

typedef struct {
  int status;        /* 0 valid, > 0 invalid or not well-formed, < 0 internal failure */
  FlaError *errors;  /* the first maxErrors errors; free with fla_free_result */
  int nErrors;
  long totalErrors;
  int openError;     /* errno of open(), 0 when the file opened */
  int readError;     /* errno of a failed read */
  int writeError;    /* errno of a failed write to the frame pipe */
} FlaResult;

typedef struct {
  int maxDepth;
  long maxTextChars;
  int maxErrors;
} FlaLimits;

int fla_extract(xmlSchemaPtr schema, const char *path, int out, const FlaLimits *limits, FlaResult *result);
void fla_free_result(FlaResult *result);
xmlParserCtxtPtr fla_parser_of(xmlSchemaValidCtxtPtr vctxt);

#endif
