export { CapacityMeter, meterCapacity, meteredDocuments } from './capacity-meter';
export { clearDerivedItems } from './derived-items';
export { createDynamoClient, isStoreUnavailable, STORE_CALL_BUDGET_MS, STORE_LIMITS } from './dynamo-client';
export type { DocumentOperations, Documents } from './documents';
export { dynamoDocuments } from './dynamo-documents';
export { createReportStore } from './dynamo-report-store';
export { ConcurrentTimelineWrite } from './errors';
export { createInMemoryReportStore } from './in-memory-report-store';
export { UNATTRIBUTED_REGION } from './keys';
export type {
  CurrentWrite,
  PointWrite,
  StoredPoint,
  FrozenReview,
  RecordedReport,
  Rejection,
  ReportStore,
  Subscription,
  SubscriptionStore,
} from './ports';
export { createSubscriptionStore } from './subscription-store';
export { DEFAULT_TABLE_NAME, ensureTable, TABLE_KEYS } from './table';
