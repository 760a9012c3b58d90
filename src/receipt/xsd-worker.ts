// Runs in a child process: libxml2's streaming XSD validation (xmlSchemaValidateFile parses with
// SAX and never builds a tree) of one file at a time, on the second core, while the parent maps the
// same file. A child also isolates the native addon: a crash there cannot take the engine down.
import { createRequire } from 'node:module';
import type { ValidationRequest, ValidationReply, LibxmlError } from './xsd-protocol.js';

const require = createRequire(import.meta.url);
const libxml = require('libxmljs/dist/lib/bindings/functions.js') as LibxmlBindings;

interface LibxmlBindings {
  withStructuredErrors<T>(callback: (errors: unknown[]) => T): T;
  xmlSchemaNewParserCtxt(path: string): unknown;
  xmlSchemaParse(ctxt: unknown): unknown;
  xmlSchemaNewValidCtxt(schema: unknown): unknown;
  xmlSchemaValidateFile(ctxt: unknown, path: string, options: number): number;
}

interface RawError {
  domain: number;
  code: number;
  level: number;
  line: number;
  column: number;
  message: string;
  str1?: string;
}

const schemas = new Map<string, unknown>();

function compiled(xsd: string): unknown {
  let schema = schemas.get(xsd);
  if (schema === undefined) {
    schema = libxml.withStructuredErrors(() => libxml.xmlSchemaParse(libxml.xmlSchemaNewParserCtxt(xsd)));
    if (schema === null) throw new Error(`the schema ${xsd} does not compile`);
    schemas.set(xsd, schema);
  }
  return schema;
}

function validate(request: ValidationRequest): ValidationReply {
  const schema = compiled(request.xsd);
  const kept: LibxmlError[] = [];
  let total = 0;
  const status = libxml.withStructuredErrors((errors) => {
    // The binding calls errors.push() for every libxml2 error; keeping only the first N is what
    // bounds memory on a file with millions of invalid elements.
    (errors as { push: (e: RawError) => number }).push = (e: RawError) => {
      total++;
      if (kept.length < request.maxErrors) {
        kept.push({ domain: e.domain, code: e.code, level: e.level, line: e.line, column: e.column, message: (e.message ?? '').trim() });
      }
      return total;
    };
    return libxml.xmlSchemaValidateFile(libxml.xmlSchemaNewValidCtxt(schema), request.file, 0);
  });
  return { id: request.id, status, errors: kept, total };
}

process.on('message', (request: ValidationRequest) => {
  let reply: ValidationReply;
  try {
    reply = validate(request);
  } catch (error) {
    reply = { id: request.id, status: -1, errors: [], total: 0, failure: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(reply);
});
