// Messages between the engine and the libxml2 child process (the elements go by the frames pipe).

/** The child's descriptor for frames: after stdin, stdout, stderr and the IPC channel. */
export const FRAMES_FD = 4;

export interface ValidationRequest {
  readonly id: number;
  readonly xsd: string;
  readonly file: string;
  readonly maxErrors: number;
  /** Receipt limits (ACRF-902): the child stops the file there with a structure problem. */
  readonly maxDepth: number;
  readonly maxTextChars: number;
}

export interface LibxmlError {
  readonly domain: number;
  readonly code: number;
  /** 1 warning, 2 error, 3 fatal */
  readonly level: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ValidationReply {
  readonly id: number;
  /** 0 valid, > 0 invalid, < 0 internal failure */
  readonly status: number;
  readonly errors: readonly LibxmlError[];
  readonly total: number;
  readonly failure?: string;
}

/** libxml2's error domains that we tell apart (xmlerror.h). */
export const DOMAIN = { PARSER: 1, NAMESPACE: 3, IO: 8, SCHEMASV: 17 } as const;
