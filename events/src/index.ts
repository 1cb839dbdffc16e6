export {
  type Catalogue,
  defaultCatalogue,
  fieldOfAction,
  type FieldOfAction,
  FIELDS_OF_ACTION,
  type Indicator,
  INDICATOR_UNITS,
  type IndicatorUnit,
  isReportingRegion,
  loadCatalogue,
  MINISTRY_ID,
  REGION_ROLES,
  regionSchema,
} from './catalogue';
export {
  buildReportBodySchemas,
  DETAIL_TYPES,
  type DetailType,
  type FindingDetail,
  FUNDING_SOURCES,
  type IndicatorDetail,
  MILESTONE_STATUSES,
  type MilestoneDetail,
  type MilestoneStatus,
  PROJECT_STATUSES,
  type ProjectDetail,
  type ProjectStatus,
  type ReportBodySchemas,
} from './details';
export { type EventBridgeEvent, MAX_ENTRY_BYTES, putEventsEntrySize, type RegionEvent, regionOfSource, regionSource } from './envelope';
export { isoDate, PERIOD_PATTERN, refusing, SLUG_PATTERN } from './primitives';
export { codedFieldErrorSchema, EVENT_REJECTED, type EventRejectedDetail, fieldErrorSchema, VALIDATION_SOURCE } from './rejected';
export { createValidator, type Validation, validator, type Validator } from './validate';
export { jsonSchemaFileName, jsonSchemas } from './json-schema';
export {
  AGGREGATION_RULES,
  ARCHIVE_PATTERN,
  FINDINGS_PATTERN,
  type RuleDefinition,
  RULES,
  TARGET_QUEUES,
  type TargetName,
  TARGETS,
  UNATTRIBUTED_GROUP,
} from './rules';
export { FINDINGS_FORWARDING_PATTERN } from './forwarding';
export { DEFAULT_BUS_NAME } from './bus';
export { fieldErrorsOf } from './field-errors';
export {
  type CodedFieldError,
  FIELD_ERROR_CODES,
  FIELD_ERROR_PARAMS,
  type FieldError,
  fieldError,
  rule,
} from './field-error-codes';
