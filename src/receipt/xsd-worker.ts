// Runs in a child process: libxml2 reads one file at a time, validating it against the XSD as it
// streams and writing its elements to the frames pipe (src/receipt/native/extract.c). A child
// keeps the parse on the second core and isolates the native code: a crash there cannot take the
// engine down.
import { loadNativeReceipt, type NativeReceipt } from './native-receipt.js';
import { FRAMES_FD, type ValidationRequest, type ValidationReply } from './xsd-protocol.js';

const native = ((): NativeReceipt => {
  try {
    return loadNativeReceipt();
  } catch (error) {
    // One line for the engine's error message (it quotes the first line of this stderr).
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
})();

// The engine passes its pid: a child whose engine is gone has nobody to answer (native-receipt.ts).
if (!native.dieWithParent(Number(process.argv[2] ?? 0))) process.exit(0);
// Where the kernel does not do it: the channel's end means the engine is gone.
process.on('disconnect', () => process.exit(0));

function validate(request: ValidationRequest): ValidationReply {
  const r = native.extract(request.xsd, request.file, FRAMES_FD, request.maxDepth, request.maxTextChars, request.maxErrors);
  const errors = r.errors.map((e) => ({ ...e, message: e.message.trim() }));
  const failure =
    r.openError !== 0 ? `cannot open ${request.file} (errno ${r.openError})`
    : r.readError !== 0 ? `cannot read ${request.file} (errno ${r.readError})`
    : r.writeError !== 0 ? `the engine stopped reading its frames (errno ${r.writeError})`
    : undefined;
  return { id: request.id, status: r.status, errors, total: r.total, ...(failure === undefined ? {} : { failure }) };
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
