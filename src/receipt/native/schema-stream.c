/*
 * libxml2's xmlschemas.c, compiled as part of this file. Its streaming validator keeps the parser
 * context it creates private, and the extractor needs that context to place each element: this
 * unity build is the one way to reach it without patching libxml2.
 */
#include "xmlschemas.c"

xmlParserCtxtPtr fla_parser_of(xmlSchemaValidCtxtPtr vctxt) {
  return vctxt == NULL ? NULL : vctxt->parserCtxt;
}
