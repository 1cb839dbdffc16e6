// End to end through the local runtime's ports, as `npm start` runs it: events put on the bus with
// the AWS SDK and reports posted through the HTTP API end in the same views.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type LocalRuntime, startLocalRuntime } from '@modellregionen/local';
import { call, tokensFor } from './api-support';

let runtime: LocalRuntime;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
beforeAll(async () => {
  runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 } });
  tokens = await tokensFor(runtime);
});
afterAll(async () => runtime?.stop());

const milestone = (id: string, status: string, reportedAt: string, revision = 1, dueDate = '2011-12-31') => ({
  schemaVersion: 1,
  revision,
  reportedAt,
  milestoneId: id,
  title: `Meilenstein ${id}`,
  status,
  dueDate,
  ...(status === 'achieved' ? { achievedDate: reportedAt.slice(0, 10) } : {}),
});

const circle = async (query = '') => {
  const r = await call(runtime, 'GET', `/v1/competence-circle${query}`, { token: tokens.ministry });
  expect(r.status).toBe(200);
  return r.json as {
    asOf: string;
    regions: { regionId: string; milestones: { total: number; overdue: number; byStatus: Record<string, number> }; projects: { fundingEur: number } }[];
    totals: { milestones: { total: number } };
  };
};
const row = (view: Awaited<ReturnType<typeof circle>>, regionId: string) => view.regions.find((r) => r.regionId === regionId)!;

describe('the API end to end', () => {
  it('shows events put on the bus and reports posted through the API in the competence circle', async () => {
    const kassel = new EventBridgeClient({
      endpoint: runtime.urls.events,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'kassel', secretAccessKey: 'x' },
    });
    const detail = { regionId: 'kassel', reportedBy: 'Koordinationsbüro Kassel', ...milestone('leitbild', 'achieved', '2011-03-01T10:00:00+01:00') };
    await kassel.send(
      new PutEventsCommand({
        Entries: [{ Source: 'modellregion.kassel', DetailType: 'MilestoneReported', Detail: JSON.stringify(detail), EventBusName: 'modellregionen' }],
      }),
    );
    kassel.destroy();

    const post = (body: unknown) => call(runtime, 'POST', '/v1/regions/wetzlar/milestones', { token: tokens.coordinatorSameRegion, body });
    expect((await post(milestone('steuerungs-ag', 'in_progress', '2012-02-10T09:30:00+01:00'))).status).toBe(202);
    expect((await post(milestone('fachforen', 'planned', '2012-03-05T09:30:00+01:00', 1, '2012-12-31'))).status).toBe(202);
    await runtime.settled();

    const today = await circle();
    expect(row(today, 'kassel').milestones).toMatchObject({ total: 1, byStatus: { achieved: 1 } });
    // Today (years after the programme) both open milestones are overdue.
    expect(row(today, 'wetzlar').milestones).toMatchObject({ total: 2, overdue: 2, byStatus: { in_progress: 1, planned: 1 } });
    expect(today.totals.milestones.total).toBe(3);
  });

  it('gives the view as known on a date with asOf', async () => {
    const midterm = await circle('?asOf=2012-02-29');
    expect(midterm.asOf).toBe('2012-02-29');
    // fachforen was reported on 2012-03-05: not yet known on 2012-02-29.
    expect(row(midterm, 'wetzlar').milestones).toMatchObject({ total: 1, overdue: 1, byStatus: { in_progress: 1 } });
    const later = await circle('?asOf=2012-03-05');
    expect(row(later, 'wetzlar').milestones.total).toBe(2);
  });

  it('freezes the mid-term review when it is closed, and lists a later correction as a late amendment', async () => {
    const open = await call(runtime, 'GET', '/v1/reviews/midterm', { token: tokens.ministry });
    expect(open.json).toMatchObject({ status: 'open', cutoff: '2012-02-29', lateAmendments: [] });

    const closed = await call(runtime, 'POST', '/v1/reviews/midterm/close', { token: tokens.ministry });
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: 'closed', closedBy: 'Ministerium' });

    // A correction made "as of" before the cutoff, sent after the review was closed.
    const correction = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', {
      token: tokens.coordinatorSameRegion,
      body: milestone('steuerungs-ag', 'achieved', '2012-02-20T16:00:00+01:00', 2),
    });
    expect(correction.status).toBe(202);
    await runtime.settled();

    const frozen = await call(runtime, 'GET', '/v1/reviews/midterm', { token: tokens.ministry });
    expect(frozen.json?.competenceCircle).toEqual(closed.json?.competenceCircle);
    expect(frozen.json?.lateAmendments).toEqual([
      expect.objectContaining({ eventId: correction.json?.eventId, regionId: 'wetzlar', item: 'milestone#steuerungs-ag', revision: 2 }),
    ]);
    // The open view as of the same date does change.
    expect(row(await circle('?asOf=2012-02-29'), 'wetzlar').milestones.byStatus).toMatchObject({ achieved: 1, in_progress: 0 });
    // A review closes once.
    expect((await call(runtime, 'POST', '/v1/reviews/midterm/close', { token: tokens.ministry })).status).toBe(409);
  });

  it("lists a region's rejections, newest first, with field paths", async () => {
    const kassel = new EventBridgeClient({
      endpoint: runtime.urls.events,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'wetzlar', secretAccessKey: 'x' },
    });
    const bad = { regionId: 'wetzlar', reportedBy: 'x', ...milestone('kaputt', 'planned', '2012-02-10T09:30:00+01:00'), achievedDate: '2012-01-01' };
    await kassel.send(
      new PutEventsCommand({
        Entries: [{ Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', Detail: JSON.stringify(bad), EventBusName: 'modellregionen' }],
      }),
    );
    kassel.destroy();
    await runtime.settled();
    const r = await call(runtime, 'GET', '/v1/regions/wetzlar/rejections', { token: tokens.coordinatorSameRegion });
    expect(r.json).toEqual({
      rejections: [
        {
          eventId: expect.any(String),
          detailType: 'MilestoneReported',
          receivedAt: expect.any(String),
          errors: [{ path: 'achievedDate', message: 'must be given only when status is achieved (status is planned)' }],
        },
      ],
    });
  });

  it('shows a region, an indicator across regions, and the findings as JSON and Atom', async () => {
    const post = (path: string, body: unknown, token = tokens.coordinatorSameRegion) => call(runtime, 'POST', path, { token, body });
    const base = { schemaVersion: 1, revision: 1, indicatorId: 'school-leavers-without-qualification' };
    expect(
      (
        await post('/v1/regions/wetzlar/indicators', {
          ...base,
          period: '2008',
          isBaseline: true,
          reportedAt: '2010-01-10T10:00:00+01:00',
          values: { total: 7.4, withMigrationBackground: 12.3, withoutMigrationBackground: 4.1 },
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await post('/v1/regions/wetzlar/indicators', {
          ...base,
          period: '2011',
          reportedAt: '2012-01-10T10:00:00+01:00',
          values: { total: 6.1, withMigrationBackground: 9.8, withoutMigrationBackground: 4.0 },
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await post('/v1/regions/wetzlar/findings', {
          schemaVersion: 1,
          revision: 1,
          reportedAt: '2012-02-28T15:00:00+01:00',
          findingId: 'frueh-fördern',
          title: 'Früh fördern',
          summary: 'Sprachförderung ab der Kita wirkt.',
          fieldOfAction: 'language',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post('/v1/regions/wetzlar/findings', {
          schemaVersion: 1,
          revision: 1,
          reportedAt: '2012-02-28T15:00:00+01:00',
          findingId: 'frueh-foerdern',
          title: 'Früh fördern',
          summary: 'Sprachförderung ab der Kita wirkt.',
          fieldOfAction: 'language',
        })
      ).status,
    ).toBe(202);
    await runtime.settled();

    const region = await call(runtime, 'GET', '/v1/regions/wetzlar', { token: tokens.coordinatorSameRegion });
    expect(region.json).toMatchObject({ regionId: 'wetzlar', name: 'Stadt Wetzlar', findings: [{ findingId: 'frueh-foerdern' }] });
    const indicator = await call(runtime, 'GET', '/v1/indicators/school-leavers-without-qualification', { token: tokens.ministry });
    expect(indicator.json?.regions).toContainEqual(
      expect.objectContaining({
        regionId: 'wetzlar',
        baselinePeriod: '2008',
        latestPeriod: '2011',
        changeSinceBaseline: { total: -1.3, gap: -2.4 },
        gapNarrowed: true,
      }),
    );
    expect(indicator.json?.periods).toContainEqual({ period: '2008', regions: { wetzlar: expect.objectContaining({ gap: 8.2, isBaseline: true }) } });

    const findings = await call(runtime, 'GET', '/v1/findings?fieldOfAction=language', { token: tokens.subscriber });
    expect((findings.json!.findings as { findingId: string }[]).map((f) => f.findingId)).toEqual(['frueh-foerdern']);
    const atom = await call(runtime, 'GET', '/v1/findings.atom', { token: tokens.subscriber });
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    expect(atom.text).toContain('<title type="text">Früh fördern</title>');
  });
});
