import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(code: string) {
  return spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
}

// The native addons as scripts/build-native.mjs builds them, on the Node that runs the tests.
describe(`native addons on Node ${process.version}`, () => {
  it('better-sqlite3 survives the garbage collector freeing 200,000 statements (Node 24.19 ObjectWrap abort)', () => {
    const r = run("const D = require('better-sqlite3'); const db = new D(':memory:'); for (let i = 0; i < 200000; i++) db.prepare('SELECT ' + (i % 100)).get(); setTimeout(() => db.close(), 100);");
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status, r.stderr).toBe(0);
  });

  it("libxmljs's bindings load and validate against an XSD (patched for V8 13 on Node 24)", () => {
    const r = run(`
      const lib = require('libxmljs/dist/lib/bindings/functions.js');
      const fs = require('node:fs'), os = require('node:os'), path = require('node:path');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fla-native-'));
      fs.writeFileSync(path.join(dir, 'a.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="xs:int"/></xs:schema>');
      fs.writeFileSync(path.join(dir, 'good.xml'), '<a>1</a>');
      fs.writeFileSync(path.join(dir, 'bad.xml'), '<a>x</a>');
      const schema = lib.withStructuredErrors(() => lib.xmlSchemaParse(lib.xmlSchemaNewParserCtxt(path.join(dir, 'a.xsd'))));
      const validate = (f) => { const errors = []; const status = lib.withStructuredErrors((e) => { e.push = (x) => errors.push(x.message.trim()); return lib.xmlSchemaValidateFile(lib.xmlSchemaNewValidCtxt(schema), path.join(dir, f), 0); }); return { status, errors }; };
      process.stdout.write(JSON.stringify([validate('good.xml'), validate('bad.xml')]));
      fs.rmSync(dir, { recursive: true });
    `);
    expect(r.status, r.stderr).toBe(0);
    const [good, bad] = JSON.parse(r.stdout) as { status: number; errors: string[] }[];
    expect(good).toEqual({ status: 0, errors: [] });
    expect(bad!.status).toBeGreaterThan(0);
    expect(bad!.errors.join('\n')).toContain("'x' is not a valid value");
  });
});
