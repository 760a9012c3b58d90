// One findings model for every layer and every reporter (RULES.md "Codes and severities").
export type Severity = 'B' | 'W' | 'I';
export type Scope = 'FILE' | 'FORM' | 'PERSON' | 'RECORD';
export type Layer = 'receipt' | 'rules' | 'ledger';
export type Lang = 'nl' | 'fr' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'fr', 'en'];

/** The business keys that locate a finding (ACK.md "Anomaly"). */
export interface FindingKeys {
  readonly CompanyID?: string;
  readonly NaturalPersonSequenceNbr?: number;
  readonly INSS?: string;
  readonly TrainingUserReference?: string;
  readonly Year?: string;
  readonly RightType?: string;
}

export type MessageData = Readonly<Record<string, string | number>>;

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly scope: Scope;
  readonly layer: Layer;
  readonly messageId: string;
  readonly data: MessageData;
  readonly line?: number;
  readonly column?: number;
  readonly xpath?: string;
  readonly keys?: FindingKeys;
  readonly value?: string;
}
