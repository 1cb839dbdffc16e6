import { readCompetenceCircle } from '@modellregionen/api';
import { defaultCatalogue } from '@modellregionen/events';
import type { ReportStore } from '@modellregionen/store';

/** The competence circle with every report, overdue milestones counted as of `today`: what the API reads. */
export const competenceCircleIn = (store: ReportStore, today: string) => readCompetenceCircle({ store, catalogue: defaultCatalogue, asOf: undefined, today });
