import type { RegionView } from '../api/types';
import { createStore } from '../store';

/**
 * A report the API accepted (202) that the views may not show yet: the bus delivers it to the
 * aggregation a moment later. The region's overview shows it as "being processed" until `arrived`
 * finds it in the region's current state.
 */
export interface PendingReport {
  readonly regionId: string;
  readonly eventId: string;
  readonly title: string;
  readonly arrived: (region: RegionView) => boolean;
  readonly sentAt: number;
}

export const pendingStore = createStore<PendingReport | undefined>(undefined);
