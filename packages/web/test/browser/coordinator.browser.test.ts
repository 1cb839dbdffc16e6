import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, RegionView } from '../../src/api/types';
import { audit, hasChromium, navLink, settled, signIn, startWorld, type World } from './support';

const REGION = 'kassel';
const MILESTONE = 'Integrationsbeirat konstituiert';

/** Tomorrow in Berlin, as YYYY-MM-DD: a date the API refuses as achievedDate of a report made today. */
const tomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + 86_400_000));
/** Today in Berlin as German dates read: the day of a report made now. */
const todayInGerman = () =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

describe.skipIf(!hasChromium)('a coordinator in the browser', () => {
  let world: World;
  let page: Page;
  let token: string;
  const requests: string[] = [];

  beforeAll(async () => {
    world = await startWorld();
    token = await world.token('coordinator', { regionId: REGION });
    page = await world.newPage();
    page.on('request', (r: Request) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await signIn(page, { role: 'coordinator', regionId: REGION });
  }, 120_000);
  afterAll(async () => world?.stop());

  it('starts on the own region\u2019s overview', async () => {
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/regionen/${REGION}`);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: 'Stadt Kassel' }).waitFor();
    expect(await audit(page, 'koordination-uebersicht')).toEqual([]);
  });

  it('cannot reach another region\u2019s pages, nor the ministry\u2019s', async () => {
    requests.length = 0;
    for (const path of ['/regionen/wetzlar', '/regionen/wetzlar/meilensteine/neu', '/regionen/wetzlar/abgelehnt', '/kompetenzkreis', '/bilanz/halbzeit']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
    }
    // Nothing of Wetzlar was even asked for, and nothing on screen leads there.
    expect(requests.filter((r) => r.includes('/v1/regions/wetzlar'))).toEqual([]);
    expect(await page.locator('a[href*="wetzlar"]').count()).toBe(0);
    expect(await audit(page, 'koordination-kein-zugriff')).toEqual([]);
  });

  it('a milestone "achieved" without a date shows the German error at the date field, before anything is sent', async () => {
    await page.goto(`/regionen/${REGION}`);
    await navLink(page, 'Neue Meldung').click();
    await settled(page);
    expect(await audit(page, 'koordination-neue-meldung')).toEqual([]);
    await page.getByRole('link', { name: 'Meilenstein' }).click();
    await settled(page);
    await page.getByLabel('Titel').fill(MILESTONE);
    expect(await page.getByLabel('Kennung').inputValue()).toBe('integrationsbeirat-konstituiert');
    await page.getByLabel('Status').selectOption('achieved');
    await page.getByLabel('Fällig am').fill('2012-09-30');
    requests.length = 0;
    await page.getByRole('button', { name: 'Meldung senden' }).click();

    const date = page.getByLabel('Erreicht am');
    const message = 'Bitte das Datum angeben, an dem der Meilenstein erreicht wurde.';
    await page.locator('#f-achievedDate-error').waitFor();
    expect(await page.locator('#f-achievedDate-error').textContent()).toBe(`Fehler: ${message}`);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-describedby')).toContain('f-achievedDate-error');
    // The summary above the form names it too, takes focus, and leads to the field.
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: `Erreicht am: ${message}` }).click();
    expect(await date.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(await audit(page, 'koordination-meilenstein-fehler')).toEqual([]);
  });

  it('shows a field error only the API finds at its field, in German by the API\u2019s code', async () => {
    // An achievement dated after the day of the report: the app does not check this, the API does.
    await page.getByLabel('Erreicht am').fill(tomorrow());
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/v1/regions/${REGION}/milestones`)),
      page.getByRole('button', { name: 'Meldung senden' }).click(),
    ]);
    expect(response.status()).toBe(400);
    const body = (await response.json()) as ErrorBody;
    const today = todayInGerman();
    expect(body.error.details).toEqual([
      {
        path: 'achievedDate',
        message: expect.stringMatching(/^must not be after reportedAt \(\d{4}-\d\d-\d\d\)$/),
        code: 'after_reported_at',
        params: { reportedAt: expect.any(String) },
      },
    ]);
    const message = `Darf nicht nach dem Tag der Meldung (${today}) liegen.`;
    await page.locator('#f-achievedDate-error').waitFor();
    expect(await page.locator('#f-achievedDate-error').textContent()).toBe(`Fehler: ${message}`);
    expect(await page.getByLabel('Erreicht am').getAttribute('aria-invalid')).toBe('true');
    // The summary above the form says it too, with the field's name.
    await page
      .getByRole('alert')
      .filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })
      .getByRole('link', { name: `Erreicht am: ${message}` })
      .waitFor();
    expect(await audit(page, 'koordination-meilenstein-serverfehler')).toEqual([]);
  });

  it('fixed and sent, the milestone appears in the overview once aggregated', async () => {
    await page.getByLabel('Erreicht am').fill('2012-09-28');
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/regionen/${REGION}`);
    await page.getByText(`Ihre Meldung „${MILESTONE}“ ist jetzt in der Übersicht.`).waitFor({ timeout: 20_000 });
    const item = page.locator('[data-milestone="integrationsbeirat-konstituiert"]');
    expect(await item.getByRole('heading').textContent()).toBe(MILESTONE);
    expect(await item.locator('.badge-achieved').textContent()).toBe('erreicht');
    const region = await world.api<RegionView>(`/v1/regions/${REGION}`, token);
    expect(region.milestones.find((m) => m.milestoneId === 'integrationsbeirat-konstituiert')).toMatchObject({
      status: 'achieved',
      achievedDate: '2012-09-28',
      revision: 1,
    });
    expect(await audit(page, 'koordination-gesendet')).toEqual([]);
  });

  it('edits it prefilled from the current state and sends the next revision', async () => {
    await page.getByRole('link', { name: new RegExp(`^Bearbeiten\\s*: ${MILESTONE}$`) }).click();
    await settled(page);
    expect(await page.getByLabel('Titel').inputValue()).toBe(MILESTONE);
    expect(await page.getByLabel('Erreicht am').inputValue()).toBe('2012-09-28');
    expect(await page.getByLabel('Kennung').getAttribute('readonly')).not.toBeNull();
    await page.getByText('Korrektur: wird als Revision 2 gesendet (zuletzt gemeldet: Revision 1).').waitFor();
    expect(await audit(page, 'koordination-meilenstein-bearbeiten')).toEqual([]);
    await page.getByLabel('Anmerkung').fill('Konstituierende Sitzung im Rathaus.');
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.getByText(`Ihre Meldung „${MILESTONE}“ ist jetzt in der Übersicht.`).waitFor({ timeout: 20_000 });
    const item = page.locator('[data-milestone="integrationsbeirat-konstituiert"]');
    expect(await item.locator('.timeline-note').textContent()).toBe('Konstituierende Sitzung im Rathaus.');
    expect(await item.locator('.meta').textContent()).toMatch(/^Revision 2, gemeldet von Koordination Stadt Kassel am /);
  });

  it('imports an indicator CSV with one bad line: the preview shows the error, sending reports the rest', async () => {
    await navLink(page, 'Indikatoren importieren').click();
    await settled(page);
    expect(await audit(page, 'koordination-import')).toEqual([]);
    const csv = [
      'Indikator;Zeitraum;Insgesamt;Mit Migrationshintergrund;Ohne Migrationshintergrund;Quelle',
      'Arbeitslosenquote;2013;7,9;12,4;6,1;Statistikamt Kassel 2013',
      'school-leavers-without-qualification;2013;5,1;140;3,2;Statistikamt Kassel 2013',
      'Einbürgerungen;2013;1.234;.;.;Standesamt',
    ].join('\r\n');
    await page.getByLabel('CSV-Datei').setInputFiles({ name: 'kassel-2013.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('3 Zeilen: 2 gültig, 1 fehlerhaft.');
    const bad = page.locator('tr[data-line="3"]');
    expect(await bad.textContent()).toContain('fehlerhaft');
    expect(await bad.textContent()).toContain('mit Migrationshintergrund: Der Wert 140 liegt außerhalb des zulässigen Bereichs von 0 bis 100 (Prozent).');
    expect(await audit(page, 'koordination-import-vorschau')).toEqual([]);

    await page.getByRole('button', { name: '2 gültige Zeilen senden' }).click();
    await expect
      .poll(() => page.getByTestId('import-done').textContent(), { timeout: 20_000 })
      .toBe('2 Zeilen angenommen, 0 abgelehnt, 1 wegen Fehlern nicht gesendet.');
    expect(await page.locator('tr[data-line="2"]').textContent()).toContain('angenommen');
    expect(await page.locator('tr[data-line="4"]').textContent()).toContain('angenommen');
    await expect
      .poll(
        async () => {
          const region = await world.api<RegionView>(`/v1/regions/${REGION}`, token);
          const point = (id: string) => region.indicators.find((i) => i.indicatorId === id)?.points.find((p) => p.period === '2013');
          return [point('unemployment-rate')?.withMigrationBackground, point('naturalisations')?.total, point('school-leavers-without-qualification')];
        },
        { timeout: 20_000 },
      )
      .toEqual([12.4, 1234, undefined]);
    expect(await audit(page, 'koordination-import-gesendet')).toEqual([]);
  });

  it('corrects an indicator value as the next revision of the one the overview shows', async () => {
    const revisionOf = async () =>
      (await world.api<RegionView>(`/v1/regions/${REGION}`, token)).indicators
        .find((i) => i.indicatorId === 'unemployment-rate')
        ?.points.find((p) => p.period === '2013')?.revision;
    expect(await revisionOf()).toBe(1);
    for (const [total, next] of [
      ['8,0', 2],
      ['8,1', 3],
    ] as const) {
      await page.goto(`/regionen/${REGION}/indikatoren/unemployment-rate/2013/bearbeiten`);
      await settled(page);
      await page.getByText(`Korrektur: wird als Revision ${next} gesendet (zuletzt gemeldet: Revision ${next - 1}).`).waitFor();
      await page.getByLabel('Insgesamt').fill(total);
      await page.getByRole('button', { name: 'Meldung senden' }).click();
      await page.getByText(/^Ihre Meldung „.*, 2013“ ist jetzt in der Übersicht\.$/).waitFor({ timeout: 20_000 });
      expect(await revisionOf()).toBe(next);
    }
    expect(await audit(page, 'koordination-indikatorwert-korrigiert')).toEqual([]);
  });

  it('lists the rejected reports with their reasons at their fields', async () => {
    await navLink(page, 'Abgelehnte Meldungen').click();
    await settled(page);
    const rejection = page.locator('.rejection').first();
    expect(await rejection.getByRole('heading').textContent()).toMatch(/^Meilenstein, eingegangen am \d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
    expect(await rejection.textContent()).toContain('Erreicht am:');
    expect(await audit(page, 'koordination-abgelehnt')).toEqual([]);
  });

  it('has the forms for projects with funding lines, indicator values and findings, each checked before sending', async () => {
    for (const [path, name] of [
      ['projekte/neu', 'koordination-projekt'],
      ['indikatoren/neu', 'koordination-indikatorwert'],
      ['erkenntnisse/neu', 'koordination-erkenntnis'],
    ] as const) {
      await page.goto(`/regionen/${REGION}/${path}`);
      await settled(page);
      await page.getByRole('button', { name: 'Meldung senden' }).click();
      await page.locator('.error-summary').waitFor();
      expect(await audit(page, name)).toEqual([]);
    }
    // A second funding line, and the sum of the lines in German figures.
    await page.goto(`/regionen/${REGION}/projekte/neu`);
    await settled(page);
    await page.getByLabel('Betrag (€)').fill('48.000');
    await page.getByRole('button', { name: 'Förderlinie hinzufügen' }).click();
    expect(await page.locator('.funding-line').count()).toBe(2);
    expect(await page.locator('#f-funding-1-programme').evaluate((e) => e === document.activeElement)).toBe(true);
    await page.locator('#f-funding-1-amountEur').fill('22500,50');
    expect((await page.locator('.funding-total').textContent())?.replace(/\s/g, ' ')).toBe('Summe der Förderlinien: 70.500,50 €');
  });

  it('reported no script errors and no CSP violations on any screen', () => {
    expect(world.problems).toEqual([]);
  });
});
