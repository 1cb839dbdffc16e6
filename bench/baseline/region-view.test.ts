import { latestPeriod, summarizeRegion } from '@modellregionen/domain';
import { defaultCatalogue, type RegionEvent, validator } from '@modellregionen/events';
import { describe, expect, it } from 'vitest';
import { regionOfSize } from '../../packages/local/src/bench/workload/workloads';
import { emptyView, type ItemState, viewAfter } from './region-view';

const keyOf = (e: RegionEvent) => {
  const d = e.detail as unknown as Record<string, unknown>;
  return String(d.milestoneId ?? d.projectId ?? d.findingId ?? `${String(d.indicatorId)}#${String(d.period)}`);
};

describe("the baseline's region view, kept report by report", () => {
  it('counts what the domain summarises from the same items: a fair baseline computes the same view', () => {
    const reports = regionOfSize('offenbach', 400).map((e) => {
      const r = validator.validateEvent(e);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.value;
    });
    const items = new Map<string, RegionEvent>();
    let view = emptyView();
    for (const report of reports) {
      const previous = items.get(keyOf(report));
      // The stream reports each item with rising revisions: every report supersedes the one before.
      const state = (e: RegionEvent): ItemState => ({ detailType: e.detailType, detail: e.detail });
      view = viewAfter(view, previous === undefined ? undefined : state(previous), state(report));
      items.set(keyOf(report), report);
    }
    const summary = summarizeRegion('offenbach', items.values(), defaultCatalogue);
    expect(reports.length).toBeGreaterThan(items.size);
    expect(view.milestones).toEqual(summary.milestones.byStatus);
    const openDue: Record<string, number> = {};
    for (const due of view.openDueDates) openDue[due] = (openDue[due] ?? 0) + 1;
    expect(openDue).toEqual(summary.milestones.openDue);
    expect(view.projects).toEqual(summary.projects.byStatus);
    expect(view.projectsByFieldOfAction).toEqual(summary.projects.byFieldOfAction);
    expect(view.fundingCents).toBe(summary.projects.fundingCents);
    expect(view.findings).toBe(summary.findings);
    expect(view.lastReportedAt).toBe(summary.lastReportedAt);
    const latest = latestPeriod(Object.keys(view.valuesByPeriod));
    expect(latest).toBe(summary.indicators.latestPeriod);
    expect(view.valuesByPeriod[latest!]).toBe(summary.indicators.reported);
  });
});
