import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LOCAL_REGION } from '@modellregionen/local';

/** An SDK client that signs as `principal` (the access key id is what the local bus policy reads). */
export const busClient = (eventsUrl: string, principal: string): EventBridgeClient =>
  new EventBridgeClient({
    endpoint: eventsUrl,
    region: LOCAL_REGION,
    credentials: { accessKeyId: principal, secretAccessKey: 'local' },
    maxAttempts: 1,
  });

export const milestoneDetail = (regionId: string, milestoneId: string, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  regionId,
  revision: 1,
  reportedAt: '2011-05-02T10:00:00+02:00',
  reportedBy: `Koordinationsbüro ${regionId}`,
  milestoneId,
  title: `Meilenstein ${milestoneId}`,
  status: 'in_progress',
  dueDate: '2011-12-31',
  ...extra,
});

export const milestoneEntry = (regionId: string, milestoneId: string, extra: Record<string, unknown> = {}) => ({
  Source: `modellregion.${regionId}`,
  DetailType: 'MilestoneReported',
  Detail: JSON.stringify(milestoneDetail(regionId, milestoneId, extra)),
  EventBusName: 'modellregionen',
});

export const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
