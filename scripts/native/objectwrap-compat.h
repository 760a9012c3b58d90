// Force-included (g++ -include) into better-sqlite3's C++ build by scripts/build-native.mjs.
//
// Node 24.19 (and 26.4) changed node_object_wrap.h, which is compiled into every addon: the
// ObjectWrap constructor now registers an environment cleanup hook and the destructor removes it
// through node::RemoveEnvironmentCleanupHook, which aborts the process ("Assertion failed: (env)
// != nullptr") when the destructor runs from a garbage collection outside any context, or at
// exit. better-sqlite3 12 derives Database and Statement from node::ObjectWrap, so a process that
// lets a statement be collected dies with SIGABRT (nodejs/node#65446, open).
//
// This compiles ObjectWrap as it was up to Node 24.18 (no cleanup hook), which is what an addon
// built against the 24.18 headers does, on the same ABI. With headers that never had the hook
// (Node 20, 22) the two macros match nothing and the build is unchanged.
#ifndef FLA_OBJECTWRAP_COMPAT_H
#define FLA_OBJECTWRAP_COMPAT_H
#ifdef __cplusplus
#include <node.h>
#define AddEnvironmentCleanupHook(isolate, fun, arg) ((void)0)
#define RemoveEnvironmentCleanupHook(isolate, fun, arg) ((void)0)
#include <node_object_wrap.h>
#undef AddEnvironmentCleanupHook
#undef RemoveEnvironmentCleanupHook
#endif
#endif
