// Settings come from flags, then FLA_* environment variables, then fla.config.json, then defaults
// (CLI.md). The config file is validated: an unknown key or a wrong type is an error, never ignored.
import { readFileSync } from 'node:fs';
import { FlaError } from '../errors.js';
import type { EngineOptions } from '../engine.js';
import { LANGS, type Lang } from '../findings.js';
import { DEFAULT_LIMITS } from '../receipt/limits.js';

export const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface Settings {
  readonly lang: Lang;
  readonly format: Format;
  readonly maxFindings: number;
  readonly maxFileBytes: number;
  readonly db: string;
}

const DEFAULTS: Settings = { lang: 'en', format: 'text', maxFindings: 10_000, maxFileBytes: 2 * 1024 ** 3, db: './fla.sqlite' };

type Raw = Partial<Record<keyof Settings, unknown>>;

const ENV: Readonly<Record<keyof Settings, string>> = {
  lang: 'FLA_LANG',
  format: 'FLA_FORMAT',
  maxFindings: 'FLA_MAX_FINDINGS',
  maxFileBytes: 'FLA_MAX_FILE_BYTES',
  db: 'FLA_DB',
};

export function resolveSettings(flags: Raw, env: NodeJS.ProcessEnv = process.env, configPath = 'fla.config.json'): Settings {
  const file = readConfigFile(env.FLA_CONFIG ?? configPath, env.FLA_CONFIG !== undefined);
  const pick = <K extends keyof Settings>(key: K): unknown => flags[key] ?? env[ENV[key]] ?? file[key] ?? DEFAULTS[key];
  return {
    lang: oneOf('lang', pick('lang'), LANGS),
    format: oneOf('format', pick('format'), FORMATS),
    maxFindings: positiveInteger('max-findings', pick('maxFindings')),
    maxFileBytes: positiveInteger('max-file-bytes', pick('maxFileBytes')),
    db: String(pick('db')),
  };
}

function readConfigFile(path: string, required: boolean): Raw {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    if (required) throw new FlaError('FLA_ERR_CONFIG', `cannot read the configuration file ${path}`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FlaError('FLA_ERR_CONFIG', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new FlaError('FLA_ERR_CONFIG', `${path} must hold a JSON object`);
  for (const key of Object.keys(parsed)) {
    if (!(key in DEFAULTS)) throw new FlaError('FLA_ERR_CONFIG', `${path}: unknown key "${key}" (known: ${Object.keys(DEFAULTS).join(', ')})`);
  }
  return parsed as Raw;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new FlaError('FLA_ERR_USAGE', `--${name} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
}

function positiveInteger(name: string, value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  throw new FlaError('FLA_ERR_USAGE', `--${name} must be a positive whole number (got "${String(value)}")`);
}

/** What the engine takes from the settings: the findings cap and the size limit. */
export function engineOptions(settings: Settings): EngineOptions {
  return { maxFindings: settings.maxFindings, limits: { ...DEFAULT_LIMITS, maxFileBytes: settings.maxFileBytes } };
}
