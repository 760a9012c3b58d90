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

const FLAGS: Readonly<Record<keyof Settings, string>> = { lang: '--lang', format: '--format', maxFindings: '--max-findings', maxFileBytes: '--max-file-bytes', db: '--db' };

/** A setting's value and where it came from, so that an error names the flag, variable or key to fix. */
interface Picked {
  readonly value: unknown;
  readonly where: string;
  readonly code: 'FLA_ERR_USAGE' | 'FLA_ERR_CONFIG';
  /** Flags and variables are text; in the file a number must be a JSON number. */
  readonly text: boolean;
}

const CHECKS: { readonly [K in keyof Settings]: (picked: Picked) => Settings[K] } = {
  lang: (picked) => oneOf(picked, LANGS),
  format: (picked) => oneOf(picked, FORMATS),
  maxFindings: positiveInteger,
  maxFileBytes: positiveInteger,
  db: nonEmptyPath,
};

export function resolveSettings(flags: Raw, env: NodeJS.ProcessEnv = process.env, configPath = 'fla.config.json'): Settings {
  const path = env.FLA_CONFIG ?? configPath;
  const file = readConfigFile(path, env.FLA_CONFIG !== undefined);
  // Every value given is checked, also one that a flag or variable overrides: none is ignored.
  const given = (key: keyof Settings): Picked[] => [
    ...(flags[key] !== undefined ? [{ value: flags[key], where: FLAGS[key], code: 'FLA_ERR_USAGE', text: true } as const] : []),
    ...(env[ENV[key]] !== undefined ? [{ value: env[ENV[key]], where: ENV[key], code: 'FLA_ERR_CONFIG', text: true } as const] : []),
    // hasOwn: {"db": null} is a wrong value, not a missing key.
    ...(Object.hasOwn(file, key) ? [{ value: file[key], where: `${path}: "${key}"`, code: 'FLA_ERR_CONFIG', text: false } as const] : []),
  ];
  const resolve = <K extends keyof Settings>(key: K): Settings[K] => {
    const values = given(key).map((picked) => CHECKS[key](picked));
    return values.length > 0 ? values[0]! : DEFAULTS[key];
  };
  return { lang: resolve('lang'), format: resolve('format'), maxFindings: resolve('maxFindings'), maxFileBytes: resolve('maxFileBytes'), db: resolve('db') };
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
    // Own keys only: "constructor" or "toString" are in every object, not settings.
    if (!Object.hasOwn(DEFAULTS, key)) throw new FlaError('FLA_ERR_CONFIG', `${path}: unknown key "${key}" (known: ${Object.keys(DEFAULTS).join(', ')})`);
  }
  return parsed as Raw;
}

function fail(picked: Picked, expected: string): never {
  throw new FlaError(picked.code, `${picked.where} must be ${expected} (got ${picked.text ? `"${String(picked.value)}"` : JSON.stringify(picked.value)})`);
}

function oneOf<T extends string>(picked: Picked, allowed: readonly T[]): T {
  if (typeof picked.value === 'string' && (allowed as readonly string[]).includes(picked.value)) return picked.value as T;
  return fail(picked, `one of ${allowed.join(', ')}`);
}

function positiveInteger(picked: Picked): number {
  const { value } = picked;
  // Digits only: Number() would take "0x10", "1e3" or "" (0), and the file's "2" or true.
  const n = picked.text ? (typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : NaN) : typeof value === 'number' ? value : NaN;
  if (Number.isSafeInteger(n) && n > 0) return n;
  return fail(picked, picked.text ? 'a positive whole number' : 'a positive whole number, as a JSON number');
}

function nonEmptyPath(picked: Picked): string {
  if (typeof picked.value === 'string' && picked.value !== '') return picked.value;
  return fail(picked, picked.text ? 'a path, not empty' : 'a path, as a non-empty JSON string');
}

/** What the engine takes from the settings: the findings cap and the size limit. */
export function engineOptions(settings: Settings): EngineOptions {
  return { maxFindings: settings.maxFindings, limits: { ...DEFAULT_LIMITS, maxFileBytes: settings.maxFileBytes } };
}
