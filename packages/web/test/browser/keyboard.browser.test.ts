import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemRevisions, RegionView } from '../../src/api/types';
import { audit, hasChromium, settled, signIn, startWorld, type World } from './support';

/** Whether the focused element shows where focus is (our ring: an outline and a yellow shadow). */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return false;
    const s = getComputedStyle(e);
    return (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  });

const isFocused = (locator: Locator) => locator.evaluate((e) => e === document.activeElement).catch(() => false);

/** Presses Tab (or Shift+Tab) until `target` has focus, and checks that the focus is visible there. */
const tabTo = async (page: Page, target: Locator, { back = false, max = 120 } = {}) => {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) {
      expect(await focusVisible(page)).toBe(true);
      return;
    }
  }
  throw new Error(`not reached with the keyboard: ${target.toString()}`);
};

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true });

describe.skipIf(!hasChromium)('the app with the keyboard alone, and around the session', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  }, 120_000);
  afterAll(async () => world?.stop());

  it('runs the whole ministry flow by keyboard alone, with the focus always visible', async () => {
    const page = await world.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Entwicklungsanmeldung' }).waitFor();
    // Sign in: the role group, then the button.
    await tabTo(page, page.getByRole('radio', { name: /Ministerium/ }));
    await tabTo(page, page.getByRole('button', { name: 'Anmelden' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kompetenzkreis Integration vor Ort' }).waitFor();
    await settled(page);

    // After signing in, focus is on the new screen's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // On a fresh load, the skip link comes first and jumps over the navigation.
    await page.reload();
    await settled(page);
    await tabTo(page, page.getByRole('link', { name: 'Zum Inhalt springen' }), { max: 3 });
    expect((await page.getByRole('link', { name: 'Zum Inhalt springen' }).boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Kompetenzkreis on the mid-term review's date, and its CSV.
    await tabTo(page, page.getByRole('link', { name: 'Stichtag der Halbzeitbilanz' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).search).toBe('?stichtag=2012-02-29');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await settled(page);
    await tabTo(page, page.getByRole('button', { name: /^CSV herunterladen/ }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('kompetenzkreis-2012-02-29.csv');

    // The Halbzeitbilanz, closed through its dialog; Escape cancels and gives the focus back.
    await tabTo(page, nav(page, 'Halbzeitbilanz'), { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Halbzeitbilanz' }).waitFor();
    await settled(page);
    const close = page.getByRole('button', { name: 'Bilanz abschließen' });
    await tabTo(page, close);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Halbzeitbilanz abschließen?' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await isFocused(close)).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('button', { name: 'Ja, Bilanz abschließen' }), { max: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('review-status').textContent()).toContain('Abgeschlossen am');

    // Indikatoren: another indicator chosen with the arrow keys, shown with Enter.
    await tabTo(page, nav(page, 'Indikatoren'), { back: true });
    await page.keyboard.press('Enter');
    await settled(page);
    const select = page.getByLabel('Indikator', { exact: true });
    await tabTo(page, select);
    const before = await select.inputValue();
    await page.keyboard.press('ArrowDown');
    const chosen = await select.inputValue();
    expect(chosen).not.toBe(before);
    await tabTo(page, page.getByRole('button', { name: 'Anzeigen' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/indikatoren/${chosen}`);

    // A region's page from the list, an item's history in its dialog, and back out with Escape.
    await tabTo(page, nav(page, 'Regionen'), { back: true });
    await page.keyboard.press('Enter');
    await settled(page);
    await tabTo(page, page.getByRole('link', { name: 'Stadt Wetzlar', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Stadt Wetzlar' }).waitFor();
    await settled(page);
    // The first item of the timeline: Wetzlar's first milestone, and its revisions as the API has them.
    const ministry = await world.token('ministry');
    const first = (await world.api<RegionView>('/v1/regions/wetzlar', ministry)).milestones[0]!;
    const revisions = await world.api<ItemRevisions>(`/v1/regions/wetzlar/revisions?item=${encodeURIComponent(`milestone#${first.milestoneId}`)}`, ministry);
    const history = page.getByRole('button', { name: /^Verlauf/ }).first();
    await tabTo(page, history);
    expect(await history.textContent()).toBe(`Verlauf: ${first.title}`);
    await page.keyboard.press('Enter');
    const historyDialog = page.getByRole('dialog', { name: `Verlauf: ${first.title}` });
    await historyDialog.waitFor();
    await settled(page);
    const rows = historyDialog.getByRole('table', { name: `Alle Revisionen: ${first.title}` }).locator('tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual(revisions.revisions.map((r) => String(r.revision)));
    expect(await rows.first().locator('td').nth(1).textContent()).toBe(first.reportedBy);
    expect(revisions.revisions[0]!.revision).toBe(first.revision);
    // Its CSV button is reached with the keyboard inside the dialog, which keeps the focus.
    await tabTo(page, historyDialog.getByRole('button', { name: /^CSV herunterladen/ }), { max: 10 });
    await page.keyboard.press('Escape');
    await historyDialog.waitFor({ state: 'hidden' });
    expect(await isFocused(history)).toBe(true);

    // Signing out leads back to the sign-in screen, which says so.
    await tabTo(page, page.getByRole('button', { name: 'Abmelden' }), { back: true, max: 200 });
    await page.keyboard.press('Enter');
    await page.getByText('Sie haben sich abgemeldet.').waitFor();
    await page.getByRole('heading', { name: 'Entwicklungsanmeldung' }).waitFor();
    expect(await audit(page, 'abgemeldet')).toEqual([]);
    await page.close();
  });

  it('an expired or refused token leads back to the sign-in screen with a message, and then to where the user was', async () => {
    const page = await world.newPage();
    // A token the API refuses (another audience): the first call answers 401.
    const refused = await world.runtime.issuer.sign({ role: 'ministry', audience: 'another-app' });
    await page.goto('/anmeldung');
    await page.evaluate((t) => sessionStorage.setItem('modellregionen.idToken', t), refused);
    await page.goto('/indikatoren');
    await page.getByRole('heading', { level: 1, name: 'Entwicklungsanmeldung' }).waitFor();
    await page.getByText('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/anmeldung');
    expect(new URL(page.url()).searchParams.get('ziel')).toBe('/indikatoren');
    expect(await audit(page, 'anmeldung-abgelaufen')).toEqual([]);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/indikatoren');

    // A token that runs out while the app is open.
    const shortLived = await world.runtime.issuer.sign({ role: 'ministry', expiresIn: 3 });
    await page.evaluate((t) => sessionStorage.setItem('modellregionen.idToken', t), shortLived);
    await page.goto('/kompetenzkreis');
    await page.getByRole('heading', { level: 1, name: 'Kompetenzkreis Integration vor Ort' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Entwicklungsanmeldung' }).waitFor({ timeout: 10_000 });
    await page.getByText('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('ziel')).toBe('/kompetenzkreis');
    await page.close();
  });

  it('switches to English and back, remembered on this device', async () => {
    const page = await world.newPage();
    await signIn(page, { role: 'ministry' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Competence circle "Integration vor Ort"' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Competence circle "Integration vor Ort"' }).waitFor();
    await settled(page);
    expect(await audit(page, 'english-competence-circle')).toEqual([]);
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kompetenzkreis Integration vor Ort' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.close();
  });

  it('works on a phone: the navigation behind a menu button, tables scrolling within the page', async () => {
    const page = await world.newPage({ width: 390, height: 844 });
    await signIn(page, { role: 'coordinator', regionId: 'wetzlar' });
    await settled(page);
    const menu = page.getByRole('button', { name: 'Menü' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Indikatoren importieren' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Indikatoren importieren' }).click();
    await settled(page);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.goto('/regionen/wetzlar');
    await settled(page);
    // Nothing but the tables' own scroll areas is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await audit(page, 'telefon-region-wetzlar')).toEqual([]);
    await page.close();

    const ministry = await world.newPage({ width: 390, height: 844 });
    await signIn(ministry, { role: 'ministry' });
    await settled(ministry);
    expect(await ministry.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await audit(ministry, 'telefon-kompetenzkreis')).toEqual([]);
    await ministry.close();
  });

  it('the accessibility audit does find a serious problem where there is one', async () => {
    const page = await world.newPage();
    await signIn(page, { role: 'ministry' });
    await settled(page);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'text';
      document.querySelector('main')!.append(input);
    });
    const findings = await audit(page, 'audit-selbsttest', { fullPage: false });
    expect(findings.map((f) => f.id)).toContain('label');
    await page.close();
  });

  it('reported no script errors and no CSP violations on any screen', () => {
    expect(world.problems).toEqual([]);
  });
});
