import { FUNDING_SOURCES, type ProjectDetail } from '@modellregionen/events';

type FundingSource = (typeof FUNDING_SOURCES)[number];
export type BySource = Record<FundingSource, number>;

export interface FundingGroup {
  readonly totalEur: number;
  readonly bySource: BySource;
}

/** The funding of the current projects: in all, by source, by programme and by region. */
export interface FundingOverview extends FundingGroup {
  /** Largest first; programmes of equal total by name. */
  readonly byProgramme: (FundingGroup & { readonly programme: string })[];
  /** In the order the regions were given, each one also without any funding. */
  readonly byRegion: (FundingGroup & { readonly regionId: string; readonly name: string })[];
}

export interface RegionProjects {
  readonly regionId: string;
  readonly name: string;
  readonly projects: readonly Pick<ProjectDetail, 'funding'>[];
}

/** Euro amounts are whole cents (the validator's rule), so they add up exactly as integers of cents. */
const centsOf = (amountEur: number): number => Math.round(amountEur * 100);

class Sum {
  private readonly cents = new Map<FundingSource, number>();
  add(source: FundingSource, cents: number): void {
    this.cents.set(source, (this.cents.get(source) ?? 0) + cents);
  }
  get group(): FundingGroup {
    const bySource = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, (this.cents.get(s) ?? 0) / 100])) as BySource;
    const total = FUNDING_SOURCES.reduce((n, s) => n + (this.cents.get(s) ?? 0), 0);
    return { totalEur: total / 100, bySource };
  }
}

/** A programme's name as people mean it: spaces around and between words do not make another programme. */
const programmeKey = (programme: string): string => programme.trim().replace(/\s+/g, ' ');

/** Largest first; programmes of equal total by name. */
const largestFirst = (a: FundingGroup & { readonly programme: string }, b: FundingGroup & { readonly programme: string }): number => {
  if (a.totalEur !== b.totalEur) return b.totalEur - a.totalEur;
  // Stryker disable next-line EqualityOperator: programme names are keys of a map, never equal, so < and <= order them alike
  return a.programme < b.programme ? -1 : 1;
};

/**
 * The funding of the regions' current projects by source (Land, Bund, Kommune, EU, Stiftung,
 * other), by programme and by region. Every amount is summed in whole cents, so each total is
 * exactly the sum of its parts in every grouping (while totals stay below 2^53 cents).
 */
export const fundingOverview = (regions: readonly RegionProjects[]): FundingOverview => {
  const all = new Sum();
  const programmes = new Map<string, Sum>();
  const byRegion = regions.map((region) => {
    const sum = new Sum();
    for (const project of region.projects) {
      for (const line of project.funding) {
        const cents = centsOf(line.amountEur);
        const key = programmeKey(line.programme);
        const programme = programmes.get(key) ?? new Sum();
        programmes.set(key, programme);
        for (const s of [all, sum, programme]) s.add(line.source, cents);
      }
    }
    return { regionId: region.regionId, name: region.name, ...sum.group };
  });
  const byProgramme = [...programmes].map(([programme, sum]) => ({ programme, ...sum.group })).sort(largestFirst);
  return { ...all.group, byProgramme, byRegion };
};
