// Reporters turn the one findings model into a format; the CLI picks one by name.
import type { FileReport } from '../engine.js';
import type { Lang } from '../findings.js';

export interface RunReport {
  readonly tool: { readonly name: 'fla-batch'; readonly version: string; readonly ruleSet: string };
  readonly files: readonly FileReport[];
}

export interface ReportContext {
  readonly lang: Lang;
  readonly verbose: boolean;
}

export type Reporter = (run: RunReport, context: ReportContext) => string;
