import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNDING_SOURCES } from '@modellregionen/events';
import { type BySource, type FundingGroup, fundingOverview, type RegionProjects } from '@modellregionen/domain';

const NUM_RUNS = 1_000;

/** Whole cents, as the validator admits them: up to a billion euros a line, often with odd cents. */
const cents = fc.oneof(fc.integer({ min: 0, max: 100_000_000_000 }), fc.integer({ min: 0, max: 1_000 }));
const line = fc.record({
  programme: fc.constantFrom('Modellregionen Integration', 'Soziale Stadt', ' Soziale  Stadt ', 'Europäischer Sozialfonds', 'Haushalt Jugendamt'),
  source: fc.constantFrom(...FUNDING_SOURCES),
  amountEur: cents.map((c) => c / 100),
});
const regions: fc.Arbitrary<RegionProjects[]> = fc
  .uniqueArray(fc.constantFrom('kassel', 'wetzlar', 'wiesbaden', 'hochtaunuskreis', 'offenbach', 'main-kinzig-hanau'), { maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((regionId) =>
        fc
          .array(fc.record({ funding: fc.array(line, { maxLength: 6 }) }), { maxLength: 5 })
          .map((projects) => ({ regionId, name: `Region ${regionId}`, projects })),
      ),
    ),
  );

/** A euro figure back in cents: exact, since every figure is a whole number of cents. */
const inCents = (eur: number): number => Math.round(eur * 100);
const sumCents = (figures: readonly number[]): number => figures.reduce((n, f) => n + inCents(f), 0);
const sourcesOf = (group: FundingGroup) => FUNDING_SOURCES.map((s) => group.bySource[s]);

describe('the funding of the current projects (property-based)', () => {
  it('has every total equal the sum of its parts, in every grouping, to the cent', () => {
    fc.assert(
      fc.property(regions, (input) => {
        const view = fundingOverview(input);
        for (const group of [view, ...view.byProgramme, ...view.byRegion]) expect(inCents(group.totalEur)).toBe(sumCents(sourcesOf(group)));
        expect(inCents(view.totalEur)).toBe(sumCents(view.byRegion.map((r) => r.totalEur)));
        expect(inCents(view.totalEur)).toBe(sumCents(view.byProgramme.map((p) => p.totalEur)));
        for (const s of FUNDING_SOURCES) {
          expect(inCents(view.bySource[s])).toBe(sumCents(view.byRegion.map((r) => r.bySource[s])));
          expect(inCents(view.bySource[s])).toBe(sumCents(view.byProgramme.map((p) => p.bySource[s])));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('lists programmes largest first, those of equal total by name, each name once and without stray spaces', () => {
    fc.assert(
      fc.property(regions, (input) => {
        const { byProgramme } = fundingOverview(input);
        for (const [a, b] of byProgramme.slice(1).map((p, i) => [byProgramme[i]!, p] as const)) {
          expect(a.totalEur > b.totalEur || (a.totalEur === b.totalEur && a.programme < b.programme), `${a.programme} before ${b.programme}`).toBe(true);
        }
        const lines = input.flatMap((r) => r.projects.flatMap((p) => p.funding));
        const asWritten = (name: string) => lines.filter((l) => l.programme.trim().split(/\s+/).join(' ') === name);
        for (const p of byProgramme) expect(inCents(p.totalEur)).toBe(sumCents(asWritten(p.programme).map((l) => l.amountEur)));
        expect(new Set(byProgramme.map((p) => p.programme)).size).toBe(new Set(lines.map((l) => l.programme.trim().split(/\s+/).join(' '))).size);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('equals the exact sum of the funding lines, counted in integers that cannot round', () => {
    fc.assert(
      fc.property(regions, (input) => {
        const lines = input.flatMap((r) => r.projects.flatMap((p) => p.funding));
        const exact = lines.reduce((n, l) => n + BigInt(inCents(l.amountEur)), 0n);
        const view = fundingOverview(input);
        expect(BigInt(inCents(view.totalEur))).toBe(exact);
        // Figures are whole cents, so each reads as the decimal it stands for (no 0.30000000000000004).
        for (const figure of [view.totalEur, ...sourcesOf(view)]) expect(Number(figure.toFixed(2))).toBe(figure);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not depend on the order of projects and their funding lines', () => {
    fc.assert(
      fc.property(regions, fc.integer(), (input, seed) => {
        const shuffle = <T>(list: readonly T[]): T[] => {
          const out = [...list];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1_103_515_245 + 12_345) | 0;
            const j = Math.abs(s) % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const shuffled = input.map((r) => ({ ...r, projects: shuffle(r.projects.map((p) => ({ funding: shuffle(p.funding) }))) }));
        expect(fundingOverview(shuffled)).toEqual(fundingOverview(input));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('the funding of the current projects (examples)', () => {
  const zero: BySource = { land: 0, bund: 0, kommune: 0, eu: 0, stiftung: 0, other: 0 };

  it('adds 0.10 and 0.20 euros to 0.30, lists every region given and joins a programme written with other spaces', () => {
    const view = fundingOverview([
      { regionId: 'kassel', name: 'Stadt Kassel', projects: [{ funding: [{ programme: 'Soziale Stadt', source: 'bund', amountEur: 0.1 }] }] },
      {
        regionId: 'wetzlar',
        name: 'Stadt Wetzlar',
        projects: [
          {
            funding: [
              { programme: ' Soziale  Stadt', source: 'bund', amountEur: 0.2 },
              { programme: 'Haushalt', source: 'kommune', amountEur: 1 },
            ],
          },
        ],
      },
      { regionId: 'offenbach', name: 'Stadt Offenbach am Main', projects: [] },
    ]);
    expect(view).toEqual({
      totalEur: 1.3,
      bySource: { ...zero, bund: 0.3, kommune: 1 },
      byProgramme: [
        { programme: 'Haushalt', totalEur: 1, bySource: { ...zero, kommune: 1 } },
        { programme: 'Soziale Stadt', totalEur: 0.3, bySource: { ...zero, bund: 0.3 } },
      ],
      byRegion: [
        { regionId: 'kassel', name: 'Stadt Kassel', totalEur: 0.1, bySource: { ...zero, bund: 0.1 } },
        { regionId: 'wetzlar', name: 'Stadt Wetzlar', totalEur: 1.2, bySource: { ...zero, bund: 0.2, kommune: 1 } },
        { regionId: 'offenbach', name: 'Stadt Offenbach am Main', totalEur: 0, bySource: zero },
      ],
    });
  });

  it('lists programmes of equal total by name, after any larger one', () => {
    const project = (programme: string, amountEur: number) => ({ funding: [{ programme, source: 'land' as const, amountEur }] });
    const view = fundingOverview([
      { regionId: 'kassel', name: 'Stadt Kassel', projects: [project('Gamma', 0.5), project('Beta', 1), project('Alpha', 1)] },
      { regionId: 'wetzlar', name: 'Stadt Wetzlar', projects: [project('Delta', 2), project('Alpha', 0.5), project('Gamma', 1), project('Epsilon', 1)] },
    ]);
    // Gamma came before Alpha, Beta before Epsilon: ties are ordered by name, whichever came first.
    expect(view.byProgramme.map((p) => [p.programme, p.totalEur])).toEqual([
      ['Delta', 2],
      ['Alpha', 1.5],
      ['Gamma', 1.5],
      ['Beta', 1],
      ['Epsilon', 1],
    ]);
  });
});
