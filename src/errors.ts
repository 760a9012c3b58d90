// Operational errors: a code and a one-line message, printed without a stack trace, exit 2
// (CLI.md "Exit codes"). Findings about the sender's data are never errors.
export const ERROR_CODES = {
  FLA_ERR_USAGE: 'usage',
  FLA_ERR_CONFIG: 'configuration',
  FLA_ERR_NO_INPUT: 'no input file matched',
  FLA_ERR_READ: 'a file could not be read',
  FLA_ERR_WRITE: 'a file could not be written',
  FLA_ERR_VALIDATOR: 'the XSD validator failed',
  FLA_ERR_DB: 'the ledger database could not be used',
  FLA_ERR_LOCKED: 'another daemon serves this ledger or drop folder',
  FLA_ERR_WATCH: 'a drop-folder submission could not be processed or answered',
  FLA_ERR_ANSWER: 'an answer could not be rendered',
  FLA_ERR_INTERNAL: 'internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class FlaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FlaError';
  }
}
