// The receipt layer's codes (RULES.md "Receipt layer"): all FILE scope, all blocking.
export const RECEIPT_CODES = [
  'ACRF-134',
  'ACRF-184',
  'ACRF-138',
  'ACRF-102',
  'ACRF-901',
  'ACRF-902',
  'ACRF-088',
  'ACRF-255',
  'ACRF-133',
  'ACRF-131',
  'ACRF-108',
  'ACRF-117',
  'ACRF-118',
  'ACRF-119',
  'ACRF-120',
] as const;

export type ReceiptCode = (typeof RECEIPT_CODES)[number];
