/**
 * The stable codes of field errors, each with the names of the parameters it carries. A client
 * says a field error in its own language by its `code` and `params`; the English `message` beside
 * them is for people reading the API. Codes are only ever added: a client that does not know a
 * code shows the message.
 */
export const FIELD_ERROR_PARAMS = {
  // Any field
  required: [],
  unknown_field: [],
  invalid_type: ['expected'],
  not_one_of: ['options'],
  invalid: [],
  invalid_format: [],
  // Texts and lists
  too_long: ['max'],
  too_short: ['min'],
  too_many: ['max'],
  too_few: ['min'],
  blank: [],
  not_unique: [],
  invalid_slug: [],
  invalid_url: [],
  // Dates and periods
  invalid_date: [],
  invalid_datetime: [],
  invalid_period: [],
  // Numbers
  not_integer: [],
  too_small: ['min'],
  too_large: ['max'],
  negative: [],
  not_finite: [],
  not_whole_cents: [],
  // The rules across fields of a report
  required_when_achieved: [],
  only_when_achieved: ['status'],
  after_reported_at: ['reportedAt'],
  before_start_date: ['startDate'],
  unknown_indicator: [],
  no_values: [],
  no_breakdown: ['indicatorId'],
  out_of_range: ['min', 'max', 'unit', 'value'],
  not_whole_number: ['value'],
  unsupported_schema_version: ['supported'],
  // Fields of a report that its author does not write (the HTTP API)
  set_from_path: [],
  set_from_token: [],
  // The envelope of an event, and the region it names
  not_an_object: [],
  invalid_json: [],
  entry_too_large: ['size', 'max'],
  invalid_source: ['source'],
  unknown_region: ['regionId'],
  region_not_reporting: ['regionId', 'role'],
  ministry_findings_only: ['detailType'],
  region_mismatch: ['regionId'],
  // Requests of the HTTP API
  invalid_encoding: [],
  invalid_item_key: [],
  callback_not_allowed: ['rule'],
} as const satisfies Record<string, readonly string[]>;

export type FieldErrorCode = keyof typeof FIELD_ERROR_PARAMS;

/** Every code, in the order of the table. */
export const FIELD_ERROR_CODES = Object.keys(FIELD_ERROR_PARAMS) as [FieldErrorCode, ...FieldErrorCode[]];

export const isFieldErrorCode = (value: unknown): value is FieldErrorCode => typeof value === 'string' && Object.hasOwn(FIELD_ERROR_PARAMS, value);

/** A parameter's value: a number or text the client shows in its own way (a date as a date). */
export type FieldErrorParam = string | number | boolean | (string | number)[];

type ParamNames<C extends FieldErrorCode> = (typeof FIELD_ERROR_PARAMS)[C][number];

/** The parameters a code carries: exactly its names in the table (none for most). */
type ParamsOf<C extends FieldErrorCode> = [ParamNames<C>] extends [never] ? undefined : { readonly [K in ParamNames<C>]: FieldErrorParam };

/** The parameters after the code and message: none where the code has none, else all of them. */
type ParamArgs<C extends FieldErrorCode> = [ParamNames<C>] extends [never] ? [] : [params: ParamsOf<C>];

/**
 * A rule's message with its code (and parameters) beside it, as a zod refinement or custom issue
 * takes it: `.refine(test, rule('blank', 'must not be blank'))`, `ctx.addIssue({ code: 'custom',
 * path, ...rule(...) })`. `fieldErrorsOf` reads the code back from the issue's `params`.
 */
export const rule = <C extends FieldErrorCode>(code: C, message: string, ...params: ParamArgs<C>) => ({
  message,
  params: { code, ...params[0] } as { code: C } & Record<string, FieldErrorParam>,
});

/** One offending field: where (a dotted path), what in English, and its code with the parameters. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  /** Absent only in quarantine records made before field errors had codes. */
  readonly code?: FieldErrorCode;
  readonly params?: Readonly<Record<string, FieldErrorParam>>;
}

/** A field error with its code, as the validator and the HTTP API give every one. */
export interface CodedFieldError extends FieldError {
  readonly code: FieldErrorCode;
}

/** A field error of a rule written out in code rather than in a zod schema. */
export const fieldError = <C extends FieldErrorCode>(path: string, code: C, message: string, ...params: ParamArgs<C>): CodedFieldError => ({
  path,
  message,
  code,
  ...(params[0] === undefined ? {} : { params: params[0] }),
});
