// The API's field errors in the user's language. The API names each problem with a stable `code`
// and its `params` next to an English `message`; a code this app does not know (or an API that
// sends none) shows the English message as it is, so nothing is ever lost in translation.
import type { FieldError } from '../api/types';
import { de } from './de';
import { formatDate, formatDateTime, formatNumber, type Locale } from './format';
import { translate, type MessageKey } from './i18n';

/**
 * The API's codes: the same list as FIELD_ERROR_PARAMS of @modellregionen/events (a test holds
 * both to each other; the app does not bundle that package).
 */
export const API_CODES = [
  'required',
  'unknown_field',
  'invalid_type',
  'not_one_of',
  'invalid',
  'invalid_format',
  'too_long',
  'too_short',
  'too_many',
  'too_few',
  'blank',
  'not_unique',
  'invalid_slug',
  'invalid_url',
  'invalid_date',
  'invalid_datetime',
  'invalid_period',
  'not_integer',
  'too_small',
  'too_large',
  'negative',
  'not_finite',
  'not_whole_cents',
  'required_when_achieved',
  'only_when_achieved',
  'after_reported_at',
  'before_start_date',
  'unknown_indicator',
  'no_values',
  'no_breakdown',
  'out_of_range',
  'not_whole_number',
  'unsupported_schema_version',
  'set_from_path',
  'set_from_token',
  'not_an_object',
  'invalid_json',
  'entry_too_large',
  'invalid_source',
  'unknown_region',
  'region_not_reporting',
  'ministry_findings_only',
  'region_mismatch',
  'invalid_encoding',
  'invalid_item_key',
  'callback_not_allowed',
] as const;

const CODES = [
  ...API_CODES,
  // Checks of this app before anything is sent.
  'duplicate_id',
  'not_a_number',
  // Checks of the CSV import.
  'duplicate_row',
  'missing_column',
  'empty_file',
] as const;

const isKey = (key: string): key is MessageKey => Object.hasOwn(de, key);

const DETAIL_TYPE_KINDS: Readonly<Record<string, string>> = {
  MilestoneReported: 'kind.milestone',
  ProjectReported: 'kind.project',
  IndicatorReported: 'kind.indicator',
  FindingPublished: 'kind.finding',
};

/** Parameters whose values are words of the API, said in the user's language: `unit: percent` is "Prozent". */
const WORDS: Readonly<Record<string, (value: string) => string>> = {
  unit: (v) => `unit.${v}`,
  status: (v) => `milestoneStatus.${v}`,
  expected: (v) => `valueType.${v}`,
  rule: (v) => `callbackRule.${v}`,
  detailType: (v) => DETAIL_TYPE_KINDS[v] ?? '',
};

const formatParam = (name: string, value: unknown, locale: Locale): string => {
  if (Array.isArray(value)) return value.map((v) => formatParam(name, v, locale)).join(', ');
  if (typeof value === 'number') return formatNumber(value, locale, 6);
  if (typeof value !== 'string') return String(value);
  const word = Object.hasOwn(WORDS, name) ? WORDS[name]!(value) : '';
  if (isKey(word)) return translate(locale, word);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, locale);
  return value;
};

/** The error's text in `locale`: by its code where this app knows it, else the API's English message. */
export const fieldErrorText = (error: FieldError, locale: Locale): string => {
  const code = error.code;
  if (code === undefined || !(CODES as readonly string[]).includes(code)) return error.message;
  const key = `fieldError.${code}`;
  if (!isKey(key)) return error.message;
  const params = Object.fromEntries(Object.entries(error.params ?? {}).map(([k, v]) => [k, formatParam(k, v, locale)]));
  const text = translate(locale, key, params);
  // A template whose parameter did not come keeps its placeholder: then the API's words say it better.
  return /\{\w+\}/.test(text) ? error.message : text;
};

/** The label of the field a path names (`funding.0.amountEur`: "Förderung, Zeile 1: Betrag"); the path itself when unknown. */
export const fieldLabel = (path: string, locale: Locale): string => {
  if (path === '') return translate(locale, 'field.report');
  let label = '';
  path.split('.').forEach((part, i) => {
    const row = /^\d+$/.test(part);
    const key = `field.${part}`;
    const text = row ? translate(locale, 'field.row', { n: Number(part) + 1 }) : isKey(key) ? translate(locale, key) : part;
    label = i === 0 ? text : `${label}${row ? ', ' : ': '}${text}`;
  });
  return label;
};
