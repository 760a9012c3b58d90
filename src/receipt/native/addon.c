/*
 * Node-API face of extract.c, for the receipt child process (src/receipt/xsd-worker.ts):
 * extract(xsd, file, fd, maxDepth, maxTextChars, maxErrors) runs synchronously, writing frames to
 * fd, and returns { status, errors, total, openError, readError, writeError };
 * dieWithParent(ppid) ties the child's life to the engine's.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <node_api.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "extract.h"

#define CHECK(call)                                              \
  do {                                                           \
    if ((call) != napi_ok) {                                     \
      napi_throw_error(env, "FLA_ERR_NATIVE", #call " failed");  \
      return NULL;                                               \
    }                                                            \
  } while (0)

/* The child validates against one schema for its whole life; compiled once. */
static char *schemaPath = NULL;
static xmlSchemaPtr schema = NULL;

static void ignoreError(void *ctx, xmlErrorPtr e) {
  (void)ctx;
  (void)e;
}

static xmlSchemaPtr compiled(const char *path) {
  if (schema != NULL && strcmp(schemaPath, path) == 0) return schema;
  xmlSetStructuredErrorFunc(NULL, ignoreError);
  xmlSchemaParserCtxtPtr ctxt = xmlSchemaNewParserCtxt(path);
  xmlSchemaPtr parsed = ctxt == NULL ? NULL : xmlSchemaParse(ctxt);
  if (ctxt != NULL) xmlSchemaFreeParserCtxt(ctxt);
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (parsed == NULL) return NULL;
  if (schema != NULL) xmlSchemaFree(schema);
  free(schemaPath);
  schema = parsed;
  schemaPath = strdup(path);
  return schema;
}

static char *stringArg(napi_env env, napi_value value) {
  size_t length;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &length) != napi_ok) return NULL;
  char *s = malloc(length + 1);
  napi_get_value_string_utf8(env, value, s, length + 1, &length);
  return s;
}

static napi_status setInt(napi_env env, napi_value object, const char *key, double value) {
  napi_value v;
  napi_status status = napi_create_double(env, value, &v);
  return status == napi_ok ? napi_set_named_property(env, object, key, v) : status;
}

static napi_value extract(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc != 6) {
    napi_throw_type_error(env, "FLA_ERR_NATIVE", "extract(xsd, file, fd, maxDepth, maxTextChars, maxErrors)");
    return NULL;
  }
  int32_t fd, maxDepth, maxErrors;
  int64_t maxTextChars;
  CHECK(napi_get_value_int32(env, argv[2], &fd));
  CHECK(napi_get_value_int32(env, argv[3], &maxDepth));
  CHECK(napi_get_value_int64(env, argv[4], &maxTextChars));
  CHECK(napi_get_value_int32(env, argv[5], &maxErrors));
  char *xsd = stringArg(env, argv[0]);
  char *file = stringArg(env, argv[1]);
  if (xsd == NULL || file == NULL) {
    free(xsd);
    free(file);
    napi_throw_type_error(env, "FLA_ERR_NATIVE", "xsd and file must be strings");
    return NULL;
  }
  xmlSchemaPtr s = compiled(xsd);
  free(xsd);
  if (s == NULL) {
    free(file);
    napi_throw_error(env, "FLA_ERR_NATIVE", "the schema does not compile");
    return NULL;
  }
  FlaLimits limits = { maxDepth, (long)maxTextChars, maxErrors < 0 ? 0 : maxErrors };
  FlaResult r;
  fla_extract(s, file, fd, &limits, &r);
  free(file);

  napi_value out, errors;
  CHECK(napi_create_object(env, &out));
  CHECK(napi_create_array_with_length(env, (size_t)r.nErrors, &errors));
  for (int i = 0; i < r.nErrors; i++) {
    napi_value e, message;
    CHECK(napi_create_object(env, &e));
    CHECK(setInt(env, e, "domain", r.errors[i].domain));
    CHECK(setInt(env, e, "code", r.errors[i].code));
    CHECK(setInt(env, e, "level", r.errors[i].level));
    CHECK(setInt(env, e, "line", r.errors[i].line));
    CHECK(setInt(env, e, "column", r.errors[i].column));
    CHECK(napi_create_string_utf8(env, r.errors[i].message, NAPI_AUTO_LENGTH, &message));
    CHECK(napi_set_named_property(env, e, "message", message));
    CHECK(napi_set_element(env, errors, (uint32_t)i, e));
  }
  fla_free_result(&r);
  CHECK(setInt(env, out, "status", r.status));
  CHECK(napi_set_named_property(env, out, "errors", errors));
  CHECK(setInt(env, out, "total", (double)r.totalErrors));
  CHECK(setInt(env, out, "openError", r.openError));
  CHECK(setInt(env, out, "readError", r.readError));
  CHECK(setInt(env, out, "writeError", r.writeError));
  return out;
}

/*
 * The child must not outlive the engine: killed with SIGKILL, the engine closes no pipe in time
 * for a child deep in a synchronous extract() to notice, and the child read on at 90 % CPU. On
 * Linux the kernel kills it with its parent; elsewhere the closed pipes stop it (extract.c, and
 * the worker's 'disconnect'). Returns false when the parent is already gone (it died before the
 * request took effect), for the caller to exit.
 */
static napi_value dieWithParent(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], out;
  int32_t expected = 0;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc == 1) CHECK(napi_get_value_int32(env, argv[0], &expected));
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  CHECK(napi_get_boolean(env, expected == 0 || getppid() == (pid_t)expected, &out));
  return out;
}

NAPI_MODULE_INIT() {
  xmlInitParser();
  napi_value fn, format;
  if (napi_create_function(env, "extract", NAPI_AUTO_LENGTH, extract, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "extract", fn) != napi_ok) return NULL;
  if (napi_create_function(env, "dieWithParent", NAPI_AUTO_LENGTH, dieWithParent, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "dieWithParent", fn) != napi_ok) return NULL;
  if (napi_create_int32(env, FLA_FRAME_FORMAT, &format) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "frameFormat", format) != napi_ok) return NULL;
  return exports;
}
