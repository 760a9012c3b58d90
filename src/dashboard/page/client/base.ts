// The client's shared ground: the model's types, the label catalogues the shell inlines before this
// script, the current language and its Intl formats, and a small DOM builder. Every text from the data
// goes through textContent, never innerHTML: names and titles come from declarations.
type Model = import('../../model.js').DashboardModel;
type DashboardWorker = import('../../model.js').DashboardWorker;
type DashboardTraining = import('../../model.js').DashboardTraining;
type DashboardTile = import('../../model.js').DashboardTile;
type SeriesPoint = import('../../model.js').SeriesPoint;
type Lang = import('../../model.js').Lang;
type RightType = import('../../../ledger/allocation.js').RightType;
type LabelKey = import('../labels.js').LabelKey;

declare const FLA_LABELS: Readonly<Record<Lang, Readonly<Record<LabelKey, string>>>>;

const RIGHT_TYPE_ORDER: readonly RightType[] = ['LEGAL', 'SECTOR', 'EMPLOYER'];
const LANGS: readonly Lang[] = ['nl', 'fr', 'en'];
const LOCALES: Readonly<Record<Lang, string>> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

interface Formats {
  readonly lang: Lang;
  readonly hours: Intl.NumberFormat;
  readonly count: Intl.NumberFormat;
  readonly percent: Intl.NumberFormat;
  readonly day: Intl.DateTimeFormat;
  readonly moment: Intl.DateTimeFormat;
}

function makeFormats(lang: Lang): Formats {
  const locale = LOCALES[lang];
  return {
    lang,
    hours: new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 }),
    count: new Intl.NumberFormat(locale),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
    // ISO days are calendar days: format them in UTC so that no time zone moves them a day.
    day: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    moment: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}

let formats: Formats = makeFormats('en');

function setLanguage(lang: Lang): void {
  formats = makeFormats(lang);
  document.documentElement.lang = lang;
}

function t(key: LabelKey, values: Readonly<Record<string, string | number>> = {}): string {
  const text = FLA_LABELS[formats.lang][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** A tile id the catalogue does not know (a newer data half) shows as itself rather than failing. */
function tileLabel(id: string, help = false): string {
  const key = `tile.${id}${help ? '.help' : ''}`;
  const catalogue: Readonly<Record<string, string>> = FLA_LABELS[formats.lang];
  return catalogue[key] ?? (help ? '' : id);
}

/** Hours are hundredths in the model. */
function formatHours(hundredths: number): string {
  return `${formats.hours.format(hundredths / 100)} h`;
}

function formatCount(value: number): string {
  return formats.count.format(value);
}

function formatDay(isoDay: string | null): string {
  if (isoDay === null) return '–';
  const time = Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? isoDay : formats.day.format(time);
}

function formatMoment(isoMoment: string): string {
  const time = Date.parse(isoMoment);
  return Number.isNaN(time) ? isoMoment : formats.moment.format(time);
}

/** 85073003328 → 85.07.30-033.28, the way INSZ are written on paper. */
function formatInss(inss: string): string {
  const digits = inss.replace(/\D/g, '');
  if (digits.length !== 11) return inss;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

function rightTypeLabel(type: RightType | null): string {
  return type === null ? t('type.none') : t(`type.${type}` as const);
}

type Child = Node | string | null | undefined | false;
type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Builds an element; attributes set to null, undefined or false are left out. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href }, ...children);
}

let uniqueCounter = 0;
function uniqueId(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}
