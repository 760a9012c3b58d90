// Receipt-layer limits (RULES.md ACRF-184, ACRF-902). Configurable, with these defaults.
export interface ReceiptLimits {
  readonly maxFileBytes: number;
  readonly maxDepth: number;
  readonly maxTextChars: number;
}

export const DEFAULT_LIMITS: ReceiptLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxDepth: 64,
  maxTextChars: 10 * 1024 * 1024,
};
