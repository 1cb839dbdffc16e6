import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetenceCircle, FundingOverview, ItemRevisions, MilestoneStatus, RegionView, Review } from '../../src/api/types';
import { FUNDING_SOURCES } from '../../src/api/types';
import { de } from '../../src/i18n/de';
import { formatDate, formatDateTime, formatEur } from '../../src/i18n/format';
import { audit, ccCell, hasChromium, navLink, RESULTS, settled, signIn, startWorld, type World } from './support';

const TWO_REGIONS = ['kassel', 'wetzlar'] as const;
const METRICS = ['milestones.total', 'milestones.achieved', 'milestones.overdue', 'projects.total', 'projects.fundingEur', 'indicators.reported'] as const;

const apiValue = (view: CompetenceCircle, metric: (typeof METRICS)[number], regionId: string): number => {
  const row = view.regions.find((r) => r.regionId === regionId)!;
  switch (metric) {
    case 'milestones.total':
      return row.milestones.total;
    case 'milestones.achieved':
      return row.milestones.byStatus.achieved;
    case 'milestones.overdue':
      return row.milestones.overdue;
    case 'projects.total':
      return row.projects.total;
    case 'projects.fundingEur':
      return row.projects.fundingEur;
    case 'indicators.reported':
      return row.indicators.reported;
  }
};

const shownValues = async (page: Page) => {
  const out: Record<string, number> = {};
  for (const regionId of TWO_REGIONS) {
    for (const metric of METRICS) out[`${regionId} ${metric}`] = Number(await ccCell(page, metric, regionId).getAttribute('data-value'));
  }
  return out;
};

const expectedValues = (view: CompetenceCircle) => Object.fromEntries(TWO_REGIONS.flatMap((r) => METRICS.map((m) => [`${r} ${m}`, apiValue(view, m, r)])));

describe.skipIf(!hasChromium)('the ministry in the browser', () => {
  let world: World;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    world = await startWorld();
    token = await world.token('ministry');
    page = await world.newPage();
    await signIn(page, { role: 'ministry' });
  }, 120_000);
  afterAll(async () => world?.stop());

  it('signs in on the development sign-in and lands on the Kompetenzkreis, whose numbers of two regions are the API\u2019s', async () => {
    await expect.poll(() => new URL(page.url()).pathname).toBe('/kompetenzkreis');
    await settled(page);
    const view = await world.api<CompetenceCircle>('/v1/competence-circle', token);
    expect(await shownValues(page)).toEqual(expectedValues(view));
    // The figures read as people read them: de-DE amounts.
    const funding = view.regions.find((r) => r.regionId === 'wetzlar')!.projects.fundingEur;
    await expect
      .poll(async () => (await ccCell(page, 'projects.fundingEur', 'wetzlar').textContent())?.replace(/\s/g, ' '))
      .toBe(
        new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: Number.isInteger(funding) ? 0 : 2 })
          .format(funding)
          .replace(/\s/g, ' '),
      );
    expect(await audit(page, 'ministerium-kompetenzkreis')).toEqual([]);
  });

  it('a Stichtag changes them as the API\u2019s asOf does, the URL carries it and the back button returns', async () => {
    const today = await world.api<CompetenceCircle>('/v1/competence-circle', token);
    const asOf = await world.api<CompetenceCircle>('/v1/competence-circle?asOf=2011-06-30', token);
    expect(expectedValues(asOf)).not.toEqual(expectedValues(today));

    await page.getByLabel('Stichtag', { exact: true }).fill('2011-06-30');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?stichtag=2011-06-30');
    await expect.poll(() => page.getByTestId('as-of').textContent()).toBe('Stand: 30.06.2011');
    expect(await shownValues(page)).toEqual(expectedValues(asOf));
    expect(await audit(page, 'ministerium-kompetenzkreis-stichtag')).toEqual([]);

    // A shared link opens the same view.
    const other = await world.newPage();
    await signIn(other, { role: 'ministry' }, '/kompetenzkreis?stichtag=2011-06-30');
    await expect.poll(() => new URL(other.url()).search).toBe('?stichtag=2011-06-30');
    await expect.poll(() => other.getByTestId('as-of').textContent()).toBe('Stand: 30.06.2011');
    await other.close();

    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByTestId('as-of').textContent()).not.toBe('Stand: 30.06.2011');
    expect(await shownValues(page)).toEqual(expectedValues(today));
  });

  it('downloads the table as CSV the way German Excel opens it, with the rows of the table', async () => {
    await settled(page);
    const rows = await page.locator('.competence-table tbody tr[data-metric]').count();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /CSV herunterladen\s*: Modellregionen im Vergleich/ }).click(),
    ]);
    const path = join(RESULTS, download.suggestedFilename());
    await download.saveAs(path);
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows + 1);
    expect(lines[0]).toBe(
      'Kennzahl;Stadt Kassel;Stadt Wetzlar;Landeshauptstadt Wiesbaden;Hochtaunuskreis;Stadt Offenbach am Main;Main-Kinzig-Kreis mit der Stadt Hanau;Gesamt',
    );
    // Funding with a decimal comma and no grouping: 286914,43, as the table's cell holds it.
    const wetzlarFunding = Number(await ccCell(page, 'projects.fundingEur', 'wetzlar').getAttribute('data-value'));
    const fundingLine = lines.find((l) => l.startsWith('Projekte: Fördermittel;'))!;
    expect(fundingLine.split(';')[2]).toBe(String(wetzlarFunding).replace('.', ','));
    const shownFirstRow = await page.locator('.competence-table tbody tr[data-metric="milestones.total"] td').allTextContents();
    expect(
      lines
        .find((l) => l.startsWith('Meilensteine: Gesamt;'))!
        .split(';')
        .slice(1),
    ).toEqual(shownFirstRow);
  });

  it('closes the Halbzeitbilanz through the confirmation dialog, after which it shows as closed, and prints as a clean document', async () => {
    await navLink(page, 'Halbzeitbilanz').click();
    await settled(page);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toContain('Offen');
    expect(await audit(page, 'ministerium-halbzeitbilanz')).toEqual([]);

    // Cancelling changes nothing.
    await page.getByRole('button', { name: 'Bilanz abschließen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Halbzeitbilanz abschließen?' });
    await dialog.waitFor();
    expect(await audit(page, 'ministerium-halbzeitbilanz-dialog', { fullPage: false })).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await world.api<Review>('/v1/reviews/midterm', token)).status).toBe('open');

    await page.getByRole('button', { name: 'Bilanz abschließen' }).click();
    await dialog.getByRole('button', { name: 'Ja, Bilanz abschließen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/Abgeschlossen am \d\d\.\d\d\.\d{4}, \d\d:\d\d von Ministerium/);
    await expect.poll(() => page.getByRole('button', { name: 'Bilanz abschließen' }).count()).toBe(0);
    const review = await world.api<Review>('/v1/reviews/midterm', token);
    expect(review.status).toBe('closed');
    expect(review.closedBy).toBe('Ministerium');
    expect(await audit(page, 'ministerium-halbzeitbilanz-abgeschlossen')).toEqual([]);

    // A report dated before the cutoff that arrives now is a late amendment, listed, not counted.
    const kassel = await world.token('coordinator', { regionId: 'kassel' });
    const late = await fetch(`${world.base}/v1/regions/kassel/milestones`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kassel}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        schemaVersion: 1,
        revision: 1,
        reportedAt: '2012-02-20T10:00:00+01:00',
        milestoneId: 'nachgereicht',
        title: 'Nachgereicht',
        status: 'planned',
        dueDate: '2012-12-31',
      }),
    });
    expect(late.status).toBe(202);
    await world.runtime.settled();
    await page.reload();
    await settled(page);
    const amendments = page.getByRole('table', { name: 'Nachträgliche Änderungen' });
    await amendments.waitFor();
    expect(await amendments.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Stadt KasselMeilensteinMeilenstein nachgereicht1/)]);
    expect(await ccCell(page, 'milestones.total', 'kassel').getAttribute('data-value')).toBe(
      String(review.competenceCircle.regions.find((x) => x.regionId === 'kassel')!.milestones.total),
    );

    // Printed: A4, no navigation or buttons, each region on a page of its own.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    expect(await page.locator('.page-actions').isVisible()).toBe(false);
    await page.screenshot({ path: join(RESULTS, 'ministerium-halbzeitbilanz-druckansicht.png'), fullPage: false });
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ path: join(RESULTS, 'halbzeitbilanz.pdf'), preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1 + 6);
  });

  it('shows one indicator for all regions as an accessible chart with the baseline marked and the same data as a table', async () => {
    await navLink(page, 'Indikatoren').click();
    await page.getByLabel('Indikator', { exact: true }).selectOption('school-leavers-without-qualification');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/indikatoren/school-leavers-without-qualification');
    await settled(page);
    const chart = page.getByRole('img', { name: /Abstand mit\/ohne Migrationshintergrund: Schulabgängerinnen/ });
    await chart.waitFor();
    expect(await page.locator('.chart-baseline-label').textContent()).toBe('Basisjahr 2008');
    expect(await page.locator('.chart-series').count()).toBe(6);
    const table = page.getByRole('table', { name: /Daten des Diagramms/ });
    expect(await table.locator('tbody tr').count()).toBe(6);
    expect(await table.locator('thead th').first().textContent()).toBe('Region');
    expect(await audit(page, 'ministerium-indikatoren')).toEqual([]);
  });

  it('shows a region\u2019s page: the milestones as a timeline, projects with funding by source, indicators and rejected reports', async () => {
    await page.goto('/regionen/kassel');
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Stadt Kassel' }).waitFor();
    expect(await page.locator('.timeline-item').count()).toBeGreaterThan(3);
    await page.getByRole('table', { name: /Projekte Stadt Kassel mit Förderung nach Quelle/ }).waitFor();
    // Kassel's faulty report of the demo, with its reason at its field, in German.
    await expect.poll(() => page.locator('#abgelehnt .rejection').first().textContent()).toContain('Erreicht am:');
    expect(await audit(page, 'ministerium-region-kassel')).toEqual([]);
    await page.goto('/regionen');
    expect(await audit(page, 'ministerium-regionen')).toEqual([]);
  });

  it('shows an item\u2019s history from the revisions route: every revision, who reported it and when, as the API gives it', async () => {
    const region = await world.api<RegionView>('/v1/regions/kassel', token);
    // The milestone corrected most often in the demo.
    const milestone = [...region.milestones].sort((a, b) => b.revision - a.revision)[0]!;
    expect(milestone.revision).toBeGreaterThan(1);
    const history = await world.api<ItemRevisions>(`/v1/regions/kassel/revisions?item=${encodeURIComponent(`milestone#${milestone.milestoneId}`)}`, token);
    expect(history.revisions.map((r) => r.revision)).toEqual(Array.from({ length: milestone.revision }, (_, i) => milestone.revision - i));

    await page.goto('/regionen/kassel');
    await settled(page);
    // The button's name has the item's title in visually hidden text, which Chromium sets off with a space.
    await page.getByRole('button', { name: new RegExp(`^Verlauf\\s*: ${milestone.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
    const dialog = page.getByRole('dialog', { name: `Verlauf: ${milestone.title}` });
    const table = dialog.getByRole('table', { name: `Alle Revisionen: ${milestone.title}` });
    await table.waitFor();
    await settled(page);
    const rows = table.locator('tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual(history.revisions.map((r) => String(r.revision)));
    const newest = history.revisions[0]!;
    const { status, achievedDate } = newest.detail as { status: MilestoneStatus; achievedDate?: string };
    const state = [de[`milestoneStatus.${status}`], ...(achievedDate ? [`Erreicht am ${formatDate(achievedDate, 'de')}`] : [])].join('; ');
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      state,
      newest.reportedBy,
      formatDateTime(newest.reportedAt, 'de'),
      formatDateTime(newest.acceptedAt, 'de'),
      'übernommen',
    ]);
    expect(await audit(page, 'ministerium-verlauf', { fullPage: false })).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the funding by source and programme as chart and table, the API\u2019s figures, each region\u2019s as in the Kompetenzkreis', async () => {
    const euro = (n: number) => formatEur(n, 'de').replace(/\s/g, ' ');
    const funding = await world.api<FundingOverview>('/v1/funding', token);
    const circle = await world.api<CompetenceCircle>('/v1/competence-circle', token);
    expect(funding.totalEur).toBe(circle.totals.projects.fundingEur);
    expect(funding.byRegion.map((r) => [r.regionId, r.totalEur])).toEqual(circle.regions.map((r) => [r.regionId, r.projects.fundingEur]));
    await navLink(page, 'Förderung').click();
    await settled(page);
    await page.getByRole('img', { name: /Förderung je Region, nach Quelle/ }).waitFor();
    // One bar per region, labelled with the region's total.
    for (const r of funding.byRegion)
      expect((await page.locator(`[data-bar="${r.regionId}"] text`).last().textContent())?.replace(/\s/g, ' ')).toBe(euro(r.totalEur));
    const byRegion = page.getByRole('table', { name: 'Förderung nach Region und Quelle' });
    const regionRows = byRegion.locator('tbody tr');
    expect(await regionRows.count()).toBe(funding.byRegion.length + 1);
    const cells = async (row: number) => (await regionRows.nth(row).locator('th, td').allTextContents()).map((c) => c.replace(/\s/g, ' '));
    for (const [i, r] of funding.byRegion.entries()) {
      expect(await cells(i)).toEqual([r.name, ...FUNDING_SOURCES.map((s) => euro(r.bySource[s])), euro(r.totalEur)]);
    }
    expect((await cells(funding.byRegion.length)).at(-1)).toBe(euro(funding.totalEur));
    const byProgramme = page.getByRole('table', { name: 'Förderung nach Programm und Quelle' });
    expect(await byProgramme.locator('tbody tr th').allTextContents()).toEqual(funding.byProgramme.map((p) => p.programme));
    expect(await audit(page, 'ministerium-foerderung')).toEqual([]);
  });

  it('reported no script errors and no CSP violations on any screen', () => {
    expect(world.problems).toEqual([]);
  });
});
