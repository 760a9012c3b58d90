// Messages between the engine and the XSD validation child process.
export interface ValidationRequest {
  readonly id: number;
  readonly xsd: string;
  readonly file: string;
  readonly maxErrors: number;
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
