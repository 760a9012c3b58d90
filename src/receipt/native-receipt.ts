// The native addon (src/receipt/native, built from source by scripts/build-native.mjs): libxml2 with
// the extractor that writes a file's elements as frames. Loaded by the receipt child only.
import { createRequire } from 'node:module';
import { FlaError } from '../errors.js';
import { FRAME_FORMAT } from './frames.js';
import type { LibxmlError } from './xsd-protocol.js';

export interface NativeResult {
  /** 0 valid, > 0 invalid or not well-formed, < 0 internal failure */
  readonly status: number;
  readonly errors: LibxmlError[];
  readonly total: number;
  /** errno values; 0 when that step went well */
  readonly openError: number;
  readonly readError: number;
  readonly writeError: number;
}

export interface NativeReceipt {
  /** The version of the frames it writes (extract.h): a binary older than the checkout says so. */
  readonly frameFormat: number;
  /** Validates `file` against `xsd` while writing its elements to descriptor `fd`; synchronous. */
  extract(xsd: string, file: string, fd: number, maxDepth: number, maxTextChars: number, maxErrors: number): NativeResult;
  /** Has the kernel kill this process when `parentPid` dies (Linux); false when it is already gone. */
  dieWithParent(parentPid: number): boolean;
}

const require = createRequire(import.meta.url);

export function loadNativeReceipt(): NativeReceipt {
  const native = require('../../src/receipt/native/build/Release/fla_receipt.node') as NativeReceipt;
  if (native.frameFormat !== FRAME_FORMAT || typeof native.dieWithParent !== 'function') {
    throw new FlaError('FLA_ERR_VALIDATOR', `the native addon is older than this checkout (frames of format ${native.frameFormat}, this version reads ${FRAME_FORMAT}${typeof native.dieWithParent === 'function' ? '' : ', no dieWithParent'}): run npm run build:native`);
  }
  return native;
}
