// Builds the native addons from source for the Node that runs it: libxmljs and better-sqlite3, with
// the two fixes they need on Node 24, and our own, src/receipt/native (libxml2 from the sources
// libxmljs vendors, with the extractor that hands a file's elements to the engine). Runs as this project's postinstall; package.json's
// allowScripts denies both packages' own install scripts, so npm does not compile them first
// without the fixes (libxmljs does not compile on Node 24; better-sqlite3 compiles, then aborts).
//
// libxmljs 1.0.11 (the newest release) ships SWIG bindings, src/libxml2.cc, that do not compile
// against V8 13 (Node 24): V8 13 removed FunctionCallbackInfo::Holder() and the SetAccessor()
// methods of Object and ObjectTemplate (the upstream fix is merged but not released). The patch
// routes those calls through macros that keep the original call on V8 < 13; on V8 13 they become
// This() (Holder() differs only for a template with a signature, which SWIG does not set) and
// SetNativeDataProperty(), the replacements V8's headers name.
//
// better-sqlite3 12 is compiled with scripts/native/objectwrap-compat.h force-included: Node
// 24.19's node_object_wrap.h makes every ObjectWrap destructor abort the process when a garbage
// collection or the exit frees a statement (nodejs/node#65446); the header says more.
//
// An addon already built here for this exact Node version (build/fla-native.json) and that loads
// is left alone, so an `npm install` that changed nothing does not recompile. node-gyp is npm's
// own and, like npm's builds, takes the headers from npm_config_nodedir (`npm ci --nodedir=DIR`).
// The compiler's output is printed only when a build fails, as npm does for a dependency.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const require = createRequire(join(root, 'package.json'));
/** Bump when a recipe below changes, so that the next install rebuilds. */
const RECIPE = 1;

const addons = [
  {
    name: 'libxmljs',
    dir: () => packageDir('libxmljs'),
    prepare: patchLibxmljs,
    env: {},
    check: "require('libxmljs/dist/lib/bindings/functions.js')",
  },
  {
    name: 'better-sqlite3',
    dir: () => packageDir('better-sqlite3'),
    prepare: () => {},
    env: { CXXFLAGS: `${process.env.CXXFLAGS ?? ''} -include ${join(here, 'native', 'objectwrap-compat.h')}`.trim() },
    // Statements freed by the garbage collector: without the compat header, Node 24.19 aborts
    // within the first hundred thousand (tests/compat/native-addons.test.ts does the same).
    check: "const D = require('better-sqlite3'); const db = new D(':memory:'); for (let i = 0; i < 200000; i++) db.prepare('SELECT ' + (i % 100)).get(); setTimeout(() => db.close(), 100);",
  },
  {
    name: 'fla-receipt (src/receipt/native)',
    dir: () => join(root, 'src', 'receipt', 'native'),
    // Ours changes with the project: its sources are part of the stamp, so an edit rebuilds it.
    fingerprint: () => {
      const dir = join(root, 'src', 'receipt', 'native');
      const hash = createHash('sha256');
      for (const file of readdirSync(dir).filter((f) => /\.(c|h|gyp)$/.test(f)).sort()) hash.update(file).update(readFileSync(join(dir, file)));
      return hash.digest('hex');
    },
    prepare: () => {},
    env: {},
    check: "if (typeof require('./src/receipt/native/build/Release/fla_receipt.node').extract !== 'function') process.exit(1);",
  },
];

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    fail(`${name} is not installed`);
  }
}

function fail(message) {
  console.error(`build-native: ${message}`);
  process.exit(1);
}

function replaceExactly(text, from, to, expected, what) {
  const parts = text.split(from);
  if (parts.length - 1 !== expected) fail(`expected ${expected} ${what} in libxmljs's src/libxml2.cc, found ${parts.length - 1}`);
  return parts.join(to);
}

function patchLibxmljs(dir) {
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  if (version !== '1.0.11') {
    console.log(`build-native: libxmljs ${version} is not 1.0.11: its bindings are left unpatched`);
    return;
  }
  const marker = '/* fla-batch: V8 13 compatibility (scripts/build-native.mjs) */';
  const file = join(dir, 'src', 'libxml2.cc');
  let text = readFileSync(file, 'utf8');
  // Patched already (by this script, or by an earlier version of it with another marker).
  if (text.includes('FLA_SWIGV8_HOLDER')) return;
  const macros = [
    '',
    marker,
    '#if V8_MAJOR_VERSION >= 13',
    '#define FLA_SWIGV8_HOLDER(args) (args).This()',
    '#define FLA_SWIGV8_TEMPLATE_ACCESSOR(templ, name, getter, setter) (templ)->SetNativeDataProperty(name, getter, setter)',
    '#define FLA_SWIGV8_OBJECT_ACCESSOR(obj, context, name, getter, setter) (obj)->SetNativeDataProperty(context, name, getter, setter)',
    '#else',
    '#define FLA_SWIGV8_HOLDER(args) (args).Holder()',
    '#define FLA_SWIGV8_TEMPLATE_ACCESSOR(templ, name, getter, setter) (templ)->SetAccessor(name, getter, setter)',
    '#define FLA_SWIGV8_OBJECT_ACCESSOR(obj, context, name, getter, setter) (obj)->SetAccessor(context, name, getter, setter)',
    '#endif',
    '',
  ].join('\n');
  text = replaceExactly(text, '  #include "nan.h"\n', `  #include "nan.h"\n${macros}`, 1, 'includes of nan.h');
  text = replaceExactly(text, 'args.Holder()', 'FLA_SWIGV8_HOLDER(args)', 58, 'calls of args.Holder()');
  text = replaceExactly(
    text,
    'proto_templ->SetAccessor(SWIGV8_SYMBOL_NEW(symbol), getter, setter);',
    'FLA_SWIGV8_TEMPLATE_ACCESSOR(proto_templ, SWIGV8_SYMBOL_NEW(symbol), getter, setter);',
    1,
    'calls of ObjectTemplate::SetAccessor',
  );
  text = replaceExactly(
    text,
    'SWIGV8_MAYBE_CHECK(obj->SetAccessor(context, SWIGV8_SYMBOL_NEW(symbol), getter, setter));',
    'SWIGV8_MAYBE_CHECK(FLA_SWIGV8_OBJECT_ACCESSOR(obj, context, SWIGV8_SYMBOL_NEW(symbol), getter, setter));',
    1,
    'calls of Object::SetAccessor',
  );
  writeFileSync(file, text);
  console.log("build-native: patched libxmljs 1.0.11's bindings for V8 13");
}

// In a child, so that a stale binary or an abort does not take this process down.
function works(addon) {
  const r = spawnSync(process.execPath, ['-e', addon.check], { cwd: root, stdio: 'ignore' });
  return r.status === 0;
}

function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const found = candidates.find((c) => c && existsSync(c));
  if (found === undefined) fail("npm's node-gyp not found: run this through npm (npm ci, npm install or npm run build:native)");
  return found;
}

for (const addon of addons) {
  const dir = addon.dir();
  const wanted = { node: process.version, recipe: RECIPE, ...(addon.fingerprint ? { sources: addon.fingerprint() } : {}) };
  const stampFile = join(dir, 'build', 'fla-native.json');
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
  if (stamp === JSON.stringify(wanted) && works(addon)) {
    console.log(`build-native: ${addon.name} is already built for Node ${process.version}`);
    continue;
  }
  addon.prepare(dir);
  console.log(`build-native: building ${addon.name} for Node ${process.version}`);
  const r = spawnSync(process.execPath, [nodeGyp(), 'rebuild', '--release', '--jobs=max'], {
    cwd: dir,
    env: { ...process.env, ...addon.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    fail(`node-gyp rebuild of ${addon.name} failed (exit ${r.status ?? r.signal}${r.error ? `, ${r.error.message}` : ''})`);
  }
  if (!works(addon)) fail(`${addon.name} was built but does not work in Node ${process.version}: ${addon.check}`);
  writeFileSync(stampFile, JSON.stringify(wanted));
}
