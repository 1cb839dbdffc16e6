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

  it("gives an item's history from the audit records, newest revision first, also of reports superseded on arrival", async () => {
    const post = (body: unknown) => call(runtime, 'POST', '/v1/regions/wetzlar/milestones', { token: tokens.coordinatorSameRegion, body });
    const history = (item: string, token = tokens.ministry) =>
      call(runtime, 'GET', `/v1/regions/wetzlar/revisions?item=${encodeURIComponent(item)}`, { token });
    expect((await post(milestone('beirat', 'planned', '2012-01-10T09:00:00+01:00', 2))).status).toBe(202);
    await runtime.settled();
    // Revision 1 arrives after revision 2: recorded, but it changes nothing.
    expect((await post(milestone('beirat', 'planned', '2012-01-05T09:00:00+01:00', 1))).status).toBe(202);
    await runtime.settled();
    expect((await post(milestone('beirat', 'achieved', '2012-03-01T09:00:00+01:00', 3))).status).toBe(202);
    await runtime.settled();

    const r = await history('milestone#beirat');
    expect(r.status).toBe(200);
    const body = r.json as {
      regionId: string;
      item: string;
      revisions: { revision: number; outcome: string; reportedBy: string; acceptedAt: string; detail: Record<string, unknown> }[];
    };
    expect(body).toMatchObject({ regionId: 'wetzlar', item: 'milestone#beirat' });
    expect(body.revisions.map((x) => [x.revision, x.outcome])).toEqual([
      [3, 'applied'],
      [2, 'applied'],
      [1, 'superseded-on-arrival'],
    ]);
    expect(body.revisions[0]).toMatchObject({
      eventId: expect.any(String),
      reportedAt: '2012-03-01T09:00:00+01:00',
      reportedBy: 'Koordination wetzlar',
      acceptedAt: expect.any(String),
      detail: { milestoneId: 'beirat', status: 'achieved', achievedDate: '2012-03-01', regionId: 'wetzlar', revision: 3 },
    });
    // The region's own coordinator may read it too; another region's may not.
    expect((await history('milestone#beirat', tokens.coordinatorSameRegion)).status).toBe(200);
    expect((await history('milestone#beirat', tokens.coordinatorOtherRegion)).status).toBe(403);
  });

  it('gives an empty history for an item never reported, 400 for a malformed item key, 404 for an unknown region', async () => {
    const get = (path: string) => call(runtime, 'GET', path, { token: tokens.ministry });
    expect((await get('/v1/regions/wetzlar/revisions?item=indicator%23unemployment-rate%231999')).json).toEqual({
      regionId: 'wetzlar',
      item: 'indicator#unemployment-rate#1999',
      revisions: [],
    });
    for (const item of ['milestone', 'milestone%23Beirat', 'indicator%23unemployment-rate', 'projekt%23x']) {
      const r = await get(`/v1/regions/wetzlar/revisions?item=${item}`);
      expect(r.json, item).toEqual({
        error: {
          code: 'validation_failed',
          message: 'query parameter item is not valid',
          details: [{ path: 'item', message: expect.stringMatching(/^must be an item key/), code: 'invalid_item_key' }],
        },
      });
    }
    expect((await get('/v1/regions/wetzlar/revisions')).json).toMatchObject({ error: { details: [{ path: 'item', code: 'required' }] } });
    expect((await get('/v1/regions/frankfurt/revisions?item=milestone%23beirat')).status).toBe(404);
  });

  it('sums the funding of the current projects by source, programme and region, as the competence circle does per region', async () => {
    const project = (projectId: string, revision: number, funding: { programme: string; source: string; amountEur: number }[]) => ({
      schemaVersion: 1,
      revision,
      reportedAt: '2012-02-01T10:00:00+01:00',
      projectId,
      title: `Projekt ${projectId}`,
      fieldOfAction: 'language',
      status: 'running',
      startDate: '2010-01-01',
      funding,
    });
    const post = (body: unknown) => call(runtime, 'POST', '/v1/regions/wetzlar/projects', { token: tokens.coordinatorSameRegion, body });
    const before = (await call(runtime, 'GET', '/v1/funding', { token: tokens.ministry })).json as { totalEur: number };
    expect((await post(project('sprachcafe', 1, [{ programme: 'Modellregionen Integration', source: 'land', amountEur: 999_999 }]))).status).toBe(202);
    await runtime.settled();
    // The correction replaces the first report's funding: only current projects count.
    const lines = [
      { programme: 'Modellregionen Integration', source: 'land', amountEur: 0.1 },
      { programme: 'Haushalt Jugendamt', source: 'kommune', amountEur: 0.2 },
    ];
    expect((await post(project('sprachcafe', 2, lines))).status).toBe(202);
    expect((await post(project('lesepaten', 1, [{ programme: 'Modellregionen Integration', source: 'land', amountEur: 1234.56 }]))).status).toBe(202);
    await runtime.settled();

    const r = await call(runtime, 'GET', '/v1/funding', { token: tokens.ministry });
    expect(r.status).toBe(200);
    const funding = r.json as {
      totalEur: number;
      byRegion: { regionId: string; totalEur: number; bySource: Record<string, number> }[];
      byProgramme: { programme: string }[];
    };
    const wetzlar = funding.byRegion.find((x) => x.regionId === 'wetzlar')!;
    expect(wetzlar).toMatchObject({ totalEur: 1234.86, bySource: { land: 1234.66, kommune: 0.2, bund: 0, eu: 0, stiftung: 0, other: 0 } });
    expect(funding.totalEur).toBe(Math.round((before.totalEur + 1234.86) * 100) / 100);
    expect(funding.byRegion.map((x) => x.regionId)).toEqual(['kassel', 'wetzlar', 'wiesbaden', 'hochtaunuskreis', 'offenbach', 'main-kinzig-hanau']);
    expect(funding.byProgramme.map((p) => p.programme)).toEqual(expect.arrayContaining(['Modellregionen Integration', 'Haushalt Jugendamt']));
    for (const region of (await circle()).regions) {
      expect([region.regionId, funding.byRegion.find((x) => x.regionId === region.regionId)?.totalEur]).toEqual([region.regionId, region.projects.fundingEur]);
    }
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
          errors: [
            {
              path: 'achievedDate',
              message: 'must be given only when status is achieved (status is planned)',
              code: 'only_when_achieved',
              params: { status: 'planned' },
            },
          ],
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
    // Each value names the report it comes from, so that a correction carries the next revision.
    const points = (
      region.json!.indicators as { indicatorId: string; points: { period: string; revision: number; reportedAt: string; reportedBy: string }[] }[]
    ).find((i) => i.indicatorId === 'school-leavers-without-qualification')?.points;
    expect(points?.map((p) => [p.period, p.revision, p.reportedAt, p.reportedBy])).toEqual([
      ['2008', 1, '2010-01-10T10:00:00+01:00', 'Koordination wetzlar'],
      ['2011', 1, '2012-01-10T10:00:00+01:00', 'Koordination wetzlar'],
    ]);
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

    // A correction of a value: the region shows the value of the new revision with that revision.
    expect(
      (await post('/v1/regions/wetzlar/indicators', { ...base, revision: 2, period: '2011', reportedAt: '2012-01-20T10:00:00+01:00', values: { total: 6.2 } }))
        .status,
    ).toBe(202);
    await runtime.settled();
    const corrected = await call(runtime, 'GET', '/v1/regions/wetzlar', { token: tokens.coordinatorSameRegion });
    expect(
      (corrected.json!.indicators as { indicatorId: string; points: { period: string; revision: number; total: number }[] }[])
        .find((i) => i.indicatorId === 'school-leavers-without-qualification')
        ?.points.find((p) => p.period === '2011'),
    ).toMatchObject({ revision: 2, total: 6.2 });
  });
});
