// Dates, numbers and amounts as people read them in the chosen language (de-DE by default).
// Dates of the API (YYYY-MM-DD) are calendar days: formatted in UTC so no time zone moves them;
// instants (reportedAt, closedAt) are shown in Berlin time, where the programme happens.

export type Locale = 'de' | 'en';
const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, f);
  }
  return f;
};
const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    cache.set(key, f);
  }
  return f;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2012-02-29` as 29.02.2012 (en: 29/02/2012); anything else as it is. */
export const formatDate = (date: string | null | undefined, locale: Locale): string => {
  if (!date) return '–';
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dateFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(utc);
};

/** An instant in Berlin time: 10.02.2012, 09:30. */
export const formatDateTime = (instant: string | null | undefined, locale: Locale): string => {
  if (!instant) return '–';
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  return dateFormat(locale, {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
};

export const formatNumber = (n: number | null | undefined, locale: Locale, maxFractionDigits = 2): string =>
  n === null || n === undefined ? '–' : numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(n);

/** A change, always with its sign (+1,5 or −1,5), and 0 without one. */
export const formatSigned = (n: number | null | undefined, locale: Locale, maxFractionDigits = 2): string =>
  n === null || n === undefined ? '–' : numberFormat(locale, { maximumFractionDigits: maxFractionDigits, signDisplay: 'exceptZero' }).format(n);

/** Euro amounts: whole euros without cents, others with two decimals. */
export const formatEur = (n: number | null | undefined, locale: Locale): string => {
  if (n === null || n === undefined) return '–';
  const whole = Number.isInteger(n);
  return numberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(n);
};

/** A share between 0 and 1 as a percentage: 0.7 as 70 %. */
export const formatShare = (share: number | null | undefined, locale: Locale): string =>
  share === null || share === undefined ? '–' : numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

export type IndicatorUnit = 'percent' | 'count' | 'per1000' | 'eur';

/** An indicator value in its unit: 12,3 %, 4,5 ‰, 1.234, 125.000 €. */
export const formatValue = (n: number | null | undefined, unit: IndicatorUnit, locale: Locale): string => {
  if (n === null || n === undefined) return '–';
  switch (unit) {
    case 'percent':
      return `${formatNumber(n, locale, 1)} %`;
    case 'per1000':
      return `${formatNumber(n, locale, 1)} ‰`;
    case 'count':
      return formatNumber(n, locale, 0);
    case 'eur':
      return formatEur(n, locale);
  }
};

/**
 * Reads a number as people type it in the chosen language: `1.234,5` or `1234,5` in German,
 * `1,234.5` in English; a plain `12.5` is read as a decimal point in both (nobody groups three
 * digits after one). Undefined when it is no number.
 */
export const parseLocaleNumber = (input: string, locale: Locale): number | undefined => {
  const s = input
    .trim()
    .replace(/\s|\u00a0|\u202f/g, '')
    .replace(/^\u2212/, '-');
  if (s === '') return undefined;
  let normal: string;
  if (locale === 'de') {
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
    else if (/^-?\d+(,\d+)?$/.test(s)) normal = s.replace(',', '.');
    else if (/^-?\d*\.\d+$/.test(s) || /^-?\d+$/.test(s)) normal = s;
    else return undefined;
  } else {
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
    else if (/^-?\d*(\.\d+)?$/.test(s) && /\d/.test(s)) normal = s;
    else return undefined;
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
};

/** A number as an input field shows it for editing: no grouping, the language's decimal sign. */
export const numberForInput = (n: number | null | undefined, locale: Locale): string =>
  n === null || n === undefined ? '' : numberFormat(locale, { useGrouping: false, maximumFractionDigits: 10 }).format(n);

/** Today in Berlin as YYYY-MM-DD. */
export const berlinToday = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** Now as an ISO 8601 date-time with this browser's offset, as `reportedAt` requires (2012-02-10T09:30:00+01:00). */
export const localDateTimeWithOffset = (now = new Date()): string => {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
};
