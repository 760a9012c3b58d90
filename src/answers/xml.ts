// Small XML text helpers for the answers: every value goes through escapeXml, and values copied
// from a sender's file are cut so that one hostile value cannot blow up an answer.
import { escapeXml } from '../report/xml-escape.js';

export const ACK_NS = 'urn:be:fla:ack:v1';

/** The longest value (in UTF-16 units, before the ellipsis) copied from the input into an answer. */
export const MAX_VALUE_CHARS = 1_000;
/** XPaths are ours, but built from the sender's element names: cut them generously. */
export const MAX_XPATH_CHARS = 4_000;

/** Cut `text` to `max` UTF-16 units plus an ellipsis, never between the halves of a surrogate pair. */
export function cap(text: string, max: number = MAX_VALUE_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Element text: escapeXml, plus CR as a character reference so that a parser gives it back. */
export function text(value: string): string {
  const escaped = escapeXml(value);
  return escaped.includes('\r') ? escaped.replace(/\r/g, '&#13;') : escaped;
}

/** Attribute value: as text, plus TAB and LF as references (a parser would turn them into spaces). */
export function attr(value: string): string {
  const escaped = text(value);
  return /[\t\n]/.test(escaped) ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;') : escaped;
}

/** Renders `name="value"` pairs, skipping undefined values. */
export function attrs(pairs: Readonly<Record<string, string | number | undefined>>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value !== undefined) out += ` ${name}="${attr(String(value))}"`;
  }
  return out;
}

/** An element with text content (escaped and capped), or nothing when `value` is undefined. */
export function leaf(indent: string, name: string, value: string | number | undefined, max: number = MAX_VALUE_CHARS): string {
  if (value === undefined) return '';
  return `${indent}<${name}>${text(cap(String(value), max))}</${name}>\n`;
}

/** xs:dateTime with milliseconds and an explicit ±hh:mm offset (the local zone by default). */
export function formatTimestamp(date: Date, offsetMinutes?: number): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatTimestamp: invalid date');
  const offset = offsetMinutes ?? -date.getTimezoneOffset();
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) throw new RangeError(`formatTimestamp: invalid offset ${offset}`);
  const local = new Date(ms + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ, shifted
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.slice(0, -1)}${sign}${hh}:${mm}`;
}

/** Hours with exactly two decimals (never "-0.00"). */
export function hours(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`hours: not a finite number: ${value}`);
  const hundredths = Math.round(value * 100);
  // A notification writes twenty of these per person: digits of the integer hundredths are what
  // toFixed(2) gives for them, at a fraction of its cost, wherever they are exact (below 2^53).
  const abs = Math.abs(hundredths);
  if (abs < 1e15) {
    const cents = abs % 100;
    return `${hundredths < 0 ? '-' : ''}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
  }
  const fixed = (hundredths / 100).toFixed(2);
  return fixed === '-0.00' ? '0.00' : fixed;
}
