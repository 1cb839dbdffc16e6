import { validator } from '@modellregionen/events';
import { describe, expect, it } from 'vitest';
import { demoHistory } from '../src/demo/demo-history';
import type { BenchEvent } from '../src/bench/workload/region-stream';
import { history, MEASURED_REGION, measuredBatches, mixedBatches, regionOfSize } from '../src/bench/workload/workloads';

const itemOf = (e: BenchEvent): string => {
  const d = e.detail as Record<string, unknown>;
  return `${String(d.regionId)}#${String(d.milestoneId ?? d.projectId ?? d.findingId ?? `${String(d.indicatorId)}#${String(d.period)}`)}`;
};
const shares = (types: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return Object.fromEntries([...counts].map(([t, n]) => [t, n / types.length]));
};

describe('the bench workloads', () => {
  const events = history(6_000, 'spec');

  it('are valid reports, every one', () => {
    const all = [...events, ...regionOfSize(MEASURED_REGION, 300), ...measuredBatches(5).flat(), ...mixedBatches(5).flat()];
    const invalid = all.flatMap((e) => {
      const r = validator.validateEvent(e);
      return r.ok ? [] : [{ detail: e.detail, errors: r.errors }];
    });
    expect(invalid).toEqual([]);
  });

  it('are the same on every run', () => {
    expect(history(300, 'spec')).toEqual(history(300, 'spec'));
    expect(regionOfSize('kassel', 150)).toEqual(regionOfSize('kassel', 150));
  });

  it('follow the demo history: its mix of report kinds, and corrections with higher revisions', () => {
    const demo = shares(
      demoHistory()
        .filter((e) => e.invalid !== true)
        .map((e) => e.DetailType),
    );
    const generated = shares(events.map((e) => e['detail-type']));
    for (const [type, share] of Object.entries(demo)) expect(generated[type], type).toBeCloseTo(share, 1);
    expect(events.filter((e) => (e.detail.revision as number) > 1).length / events.length).toBeGreaterThan(0.15);
  });

  it('spread a history over the programme years and the six model regions, as many reports from each', () => {
    expect(events[0]!.time >= '2009-10-01').toBe(true);
    expect(events.at(-1)!.time <= '2013-12-21').toBe(true);
    expect(events.map((e) => e.time)).toEqual(events.map((e) => e.time).sort());
    expect(Object.values(shares(events.map((e) => e.source)))).toEqual(Array(6).fill(1 / 6));
    const periods = events.flatMap((e) => (e['detail-type'] === 'IndicatorReported' ? [String(e.detail.period)] : []));
    expect(periods.some((p) => /-Q\d$/.test(p))).toBe(true);
    expect(periods.some((p) => /-\d\d$/.test(p))).toBe(true);
  });

  it('make a region of exactly the size asked for', () => {
    for (const size of [1, 100, 1_000]) expect(new Set(regionOfSize(MEASURED_REGION, size).map(itemOf)).size).toBe(size);
  });

  it('measure batches of ten that meet nothing the region held, so that a larger region differs only in what it held', () => {
    const seeded = new Set(regionOfSize(MEASURED_REGION, 3_000).map(itemOf));
    const batches = measuredBatches(20);
    expect(batches.map((b) => b.length)).toEqual(Array(20).fill(10));
    expect(new Set(batches.flat().map((e) => e.source))).toEqual(new Set([`modellregion.${MEASURED_REGION}`]));
    expect(batches.flat().filter((e) => seeded.has(itemOf(e)))).toEqual([]);
    const mixed = mixedBatches(20);
    expect(mixed.every((b) => new Set(b.map((e) => e.source)).size === 6)).toBe(true);
    expect(mixed.flat().filter((e) => seeded.has(itemOf(e)) || batches.flat().some((m) => itemOf(m) === itemOf(e)))).toEqual([]);
  });

  it('never give two reports the same event id', () => {
    const ids = [...events, ...history(600, 'other'), ...regionOfSize(MEASURED_REGION, 500), ...measuredBatches(10).flat(), ...mixedBatches(10).flat()].map(
      (e) => e.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
