// The shapes of the /v1 API as its handlers and its OpenAPI document (GET /v1/openapi.json) give them.

export type Role = 'ministry' | 'coordinator' | 'subscriber';
export type IndicatorUnit = 'percent' | 'count' | 'per1000' | 'eur';

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'achieved', 'delayed', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const PROJECT_STATUSES = ['planned', 'running', 'completed', 'discontinued'] as const;
type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const FUNDING_SOURCES = ['land', 'bund', 'kommune', 'eu', 'stiftung', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
const DETAIL_TYPES = ['MilestoneReported', 'ProjectReported', 'IndicatorReported', 'FindingPublished'] as const;
type DetailType = (typeof DETAIL_TYPES)[number];

/** The ministry's id where it publishes findings (`/v1/regions/ministerium/findings`). */
export const MINISTRY_ID = 'ministerium';

interface Region {
  id: string;
  name: string;
  kind: string;
  programmes: string[];
  role: 'model-region' | 'circle-member' | 'subscriber';
}
export interface FieldOfAction {
  id: string;
  titleDe: string;
  titleEn: string;
}
export interface IndicatorDef {
  id: string;
  title: string;
  titleEn: string;
  unit: IndicatorUnit;
  min: number;
  max: number;
  fieldOfAction: string;
  higherIsBetter: boolean;
  disaggregated: boolean;
}
export interface Catalogue {
  regions: Region[];
  fieldsOfAction: FieldOfAction[];
  indicators: IndicatorDef[];
}

/** A field error of a 400 or of a quarantined report; `code` and `params` where the API sends them. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}
export interface ErrorBody {
  error: { code: string; message: string; details?: FieldError[] };
}

export interface MilestoneBlock {
  total: number;
  overdue: number;
  byStatus: Record<MilestoneStatus, number>;
}
export interface ProjectBlock {
  total: number;
  fundingEur: number;
  byStatus: Record<ProjectStatus, number>;
  byFieldOfAction: Partial<Record<string, number>>;
}
export interface RegionRow {
  regionId: string;
  name: string;
  milestones: MilestoneBlock;
  projects: ProjectBlock;
  indicators: { reported: number; latestPeriod: string | null; completeness: number };
  lastReportedAt: string | null;
}
export interface CompetenceCircle {
  asOf: string;
  regions: RegionRow[];
  totals: { milestones: MilestoneBlock; projects: ProjectBlock; indicators: { reported: number } };
}

interface Reported {
  revision: number;
  reportedAt: string;
  reportedBy: string;
}
export interface Milestone extends Reported {
  milestoneId: string;
  title: string;
  status: MilestoneStatus;
  dueDate: string;
  achievedDate?: string;
  fieldOfAction?: string;
  note?: string;
  overdue: boolean;
}
export interface FundingLine {
  programme: string;
  source: FundingSource;
  amountEur: number;
}
export interface Project extends Reported {
  projectId: string;
  title: string;
  fieldOfAction: string;
  status: ProjectStatus;
  startDate: string;
  endDate?: string;
  funding: FundingLine[];
  partners?: string[];
  lighthouse?: boolean;
  summary?: string;
  fundingEur: number;
}
export interface Finding extends Reported {
  findingId: string;
  title: string;
  summary: string;
  fieldOfAction: string;
  relatedProjectIds?: string[];
  tags?: string[];
}
export interface IndicatorValue {
  period: string;
  total: number | null;
  withMigrationBackground: number | null;
  withoutMigrationBackground: number | null;
  gap: number | null;
  isBaseline: boolean;
  source: string | null;
}
/** A value of the region view, with the report it comes from (a correction sends the next revision). */
export interface IndicatorPoint extends IndicatorValue, Reported {}
export interface IndicatorProgress<P extends IndicatorValue = IndicatorPoint> {
  indicatorId: string;
  unit: IndicatorUnit;
  higherIsBetter: boolean;
  disaggregated: boolean;
  baselinePeriod: string;
  latestPeriod: string;
  points: P[];
  changeSinceBaseline: { total: number | null; gap: number | null };
  gapNarrowed: boolean | null;
  totalImproved: boolean | null;
}
export interface RegionView {
  regionId: string;
  name: string;
  kind: string;
  role: string;
  lastReportedAt: string | null;
  milestones: Milestone[];
  projects: Project[];
  indicators: IndicatorProgress[];
  findings: Finding[];
}

export interface IndicatorAcrossRegions {
  indicator: IndicatorDef;
  regions: {
    regionId: string;
    name: string;
    baselinePeriod: string | null;
    latestPeriod: string | null;
    changeSinceBaseline: { total: number | null; gap: number | null };
    gapNarrowed: boolean | null;
    totalImproved: boolean | null;
  }[];
  periods: {
    period: string;
    regions: Record<
      string,
      { total: number | null; withMigrationBackground: number | null; withoutMigrationBackground: number | null; gap: number | null; isBaseline: boolean }
    >;
  }[];
}

export type ReviewId = 'midterm' | 'final';
interface LateAmendment {
  eventId: string;
  regionId: string;
  detailType: DetailType;
  item: string;
  revision: number;
  reportedAt: string;
  receivedAt: string;
  acceptedAt: string;
}
export interface Review {
  reviewId: ReviewId;
  title: string;
  cutoff: string;
  competenceCircle: CompetenceCircle;
  /** Values of reviews closed before values named their report have no revision. */
  indicators: { regionId: string; progress: IndicatorProgress<IndicatorValue & Partial<Reported>>[] }[];
  status: 'open' | 'closed';
  closedAt?: string;
  closedBy?: string;
  lateAmendments: LateAmendment[];
}

export interface FeedFinding {
  regionId: string;
  regionName: string;
  findingId: string;
  title: string;
  summary: string;
  fieldOfAction: string;
  fieldOfActionTitle: string;
  tags: string[];
  relatedProjectIds: string[];
  revision: number;
  reportedAt: string;
  reportedBy: string;
}

export interface Subscription {
  subscriptionId: string;
  subscriber: string;
  municipality: string;
  callbackUrl: string;
  fieldsOfAction: string[];
  createdAt: string;
}
export interface CreatedSubscription extends Subscription {
  secret: string;
  signature: string;
}

export interface Rejection {
  eventId: string;
  detailType: string;
  receivedAt: string;
  errors: FieldError[];
}

/** `GET /v1/regions/{regionId}/revisions?item=<itemKey>`: an item's history, newest revision first. */
export interface ItemRevisions {
  regionId: string;
  item: string;
  revisions: {
    eventId: string;
    revision: number;
    reportedAt: string;
    reportedBy: string;
    acceptedAt: string;
    outcome: 'applied' | 'superseded-on-arrival';
    detail: Record<string, unknown>;
  }[];
}

export type BySource = Record<FundingSource, number>;
/** `GET /v1/funding`: funding of the current projects by source, programme and region. */
export interface FundingOverview {
  totalEur: number;
  bySource: BySource;
  byProgramme: { programme: string; totalEur: number; bySource: BySource }[];
  byRegion: { regionId: string; name: string; totalEur: number; bySource: BySource }[];
}

export interface Accepted {
  eventId: string;
  detailType: DetailType;
  regionId: string;
}
