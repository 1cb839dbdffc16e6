import { describe, expect, it } from 'vitest';
import { type Catalogue, defaultCatalogue } from '@modellregionen/events';
import { competenceCircleOf } from '@modellregionen/domain';
import { milestone, reportOf } from './fixtures';

const project = (regionId: string, projectId: string, fieldOfAction: string, status: string) =>
  reportOf('ProjectReported', { regionId, projectId, title: projectId, fieldOfAction, status, startDate: '2010-01-01', funding: [] });

describe('the competence circle over several regions', () => {
  const events = [
    milestone('a', 'planned', '2012-02-28'),
    milestone('b', 'delayed', '2012-02-29'),
    milestone('c', 'achieved', '2011-12-01'),
    milestone('d', 'in_progress', '2012-03-31', { regionId: 'kassel' }),
    milestone('e', 'planned', '2012-01-15', { regionId: 'kassel' }),
    project('wetzlar', 'p1', 'language', 'running'),
    project('wetzlar', 'p2', 'education', 'completed'),
    project('kassel', 'p3', 'language', 'running'),
  ];
  const view = competenceCircleOf(events, { catalogue: defaultCatalogue, asOf: '2012-02-29' });

  it('adds the regions up status by status and field by field, leaving out fields of no project', () => {
    expect(view.totals.milestones).toEqual({
      total: 5,
      overdue: 2, // a (due 02-28) and e (due 01-15); b is due on asOf itself, c is achieved, d is due later
      byStatus: { planned: 2, in_progress: 1, achieved: 1, delayed: 1, cancelled: 0 },
    });
    expect(view.totals.projects).toEqual({
      total: 3,
      fundingEur: 0,
      byStatus: { planned: 0, running: 2, completed: 1, discontinued: 0 },
      byFieldOfAction: { language: 2, education: 1 },
    });
  });

  it('counts a milestone due on the day of the view as not yet overdue', () => {
    expect(view.regions.find((r) => r.regionId === 'wetzlar')?.milestones.overdue).toBe(1);
    const dayAfter = competenceCircleOf(events, { catalogue: defaultCatalogue, asOf: '2012-03-01' });
    expect(dayAfter.regions.find((r) => r.regionId === 'wetzlar')?.milestones.overdue).toBe(2);
  });

  it('lists only the model regions of the registry, not its circle members or subscribers', () => {
    const catalogue: Catalogue = {
      ...defaultCatalogue,
      regions: [
        ...defaultCatalogue.regions,
        { id: 'giessen', name: 'Stadt Gießen', kind: 'city', programmes: [], role: 'subscriber' },
        { id: 'marburg', name: 'Stadt Marburg', kind: 'city', programmes: [], role: 'circle-member' },
      ],
    };
    const ids = competenceCircleOf(events, { catalogue, asOf: '2012-02-29' }).regions.map((r) => r.regionId);
    expect(ids).toEqual(defaultCatalogue.regions.filter((r) => r.role === 'model-region').map((r) => r.id));
  });

  it('has a completeness of 0, not a division by zero, when the catalogue has no indicators', () => {
    const view = competenceCircleOf(events, { catalogue: { ...defaultCatalogue, indicators: [] }, asOf: '2012-02-29' });
    for (const r of view.regions) expect(r.indicators.completeness).toBe(0);
  });
});
