import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedFinding, Subscription } from '../../src/api/types';
import { audit, hasChromium, navLink, RESULTS, settled, signIn, startWorld, type World } from './support';

const MUNICIPALITY = 'Stadt Gießen';

describe.skipIf(!hasChromium)('a subscriber municipality in the browser', () => {
  let world: World;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    world = await startWorld();
    page = await world.newPage();
    await signIn(page, { role: 'subscriber', municipality: MUNICIPALITY });
    // The same subject as the sign-in's token, so the API shows the same subscriptions.
    token = await world.token('subscriber', { municipality: MUNICIPALITY });
  }, 120_000);
  afterAll(async () => world?.stop());

  it('reads the findings, filtered by field of action, with the Atom feed of the same filter', async () => {
    await expect.poll(() => new URL(page.url()).pathname).toBe('/erkenntnisse');
    await settled(page);
    const all = await world.api<{ findings: FeedFinding[] }>('/v1/findings', token);
    expect(await page.locator('.findings > li').count()).toBe(all.findings.length);
    expect(await audit(page, 'abonnent-erkenntnisse')).toEqual([]);

    await page.getByLabel('Handlungsfeld').selectOption('language');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?handlungsfeld=language');
    const language = await world.api<{ findings: FeedFinding[] }>('/v1/findings?fieldOfAction=language', token);
    expect(language.findings.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.findings > li').count()).toBe(language.findings.length);
    expect(await page.locator('.findings h2').allTextContents()).toEqual(language.findings.map((f) => f.title));
    expect(await page.getByLabel('Adresse des Atom-Feeds').inputValue()).toBe(`${world.base}/v1/findings.atom?fieldOfAction=language`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Feed herunterladen' }).click()]);
    const path = join(RESULTS, 'erkenntnisse.atom');
    await download.saveAs(path);
    const feed = await readFile(path, 'utf8');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.match(/<entry>/g)).toHaveLength(language.findings.length);
    expect(await audit(page, 'abonnent-erkenntnisse-gefiltert')).toEqual([]);
  });

  it('sees no region\u2019s pages', async () => {
    await page.goto('/regionen/kassel');
    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
  });

  it('creates a webhook subscription, sees its secret once (with a copy button), and ends it', async () => {
    await navLink(page, 'Erkenntnisse').click();
    await navLink(page, 'Abonnements').click();
    await settled(page);
    await page.getByText('Noch keine Abonnements.').waitFor();
    expect(await audit(page, 'abonnent-abonnements')).toEqual([]);

    // A URL that is none is refused at its field, in German.
    await page.getByLabel('Webhook-Adresse').fill('gießen.de/webhook');
    await page.getByRole('button', { name: 'Abonnement anlegen' }).click();
    expect(await page.locator('#f-callbackUrl-error').textContent()).toBe(
      'Fehler: Bitte eine vollständige Adresse angeben, z. B. https://www.beispiel.de/webhook.',
    );

    const callbackUrl = 'http://127.0.0.1:9/giessen/webhook';
    await page.getByLabel('Webhook-Adresse').fill(callbackUrl);
    await page.getByLabel('Sprachförderung').check();
    await page.getByRole('button', { name: 'Abonnement anlegen' }).click();
    const secretField = page.getByTestId('secret');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(await page.locator('#secret-title').evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: /^Kopieren\s*: Geheimer Schlüssel$/ }).click();
    await page.getByText('Kopiert.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.getByRole('cell', { name: callbackUrl }).waitFor();
    expect(await audit(page, 'abonnent-abonnement-angelegt')).toEqual([]);

    // Once: closed, or after a reload, the secret is nowhere.
    await page.getByRole('button', { name: 'Schlüssel gespeichert, Meldung schließen' }).click();
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('cell', { name: callbackUrl }).waitFor();
    expect(await page.content()).not.toContain(secret);
    const own = await world.api<{ subscriptions: (Subscription & { secret?: string })[] }>('/v1/subscriptions', token);
    expect(own.subscriptions).toHaveLength(1);
    expect(own.subscriptions[0]).toMatchObject({ callbackUrl, fieldsOfAction: ['language'], municipality: MUNICIPALITY });
    expect(own.subscriptions[0]!.secret).toBeUndefined();

    await page.getByRole('button', { name: new RegExp(`^Beenden\\s*: ${callbackUrl}$`) }).click();
    const dialog = page.getByRole('dialog', { name: 'Abonnement beenden?' });
    await dialog.waitFor();
    expect(await audit(page, 'abonnent-abonnement-beenden', { fullPage: false })).toEqual([]);
    await dialog.getByRole('button', { name: 'Ja, beenden' }).click();
    await page.getByText(`Das Abonnement für ${callbackUrl} ist beendet.`).waitFor();
    await page.getByText('Noch keine Abonnements.').waitFor();
    expect((await world.api<{ subscriptions: Subscription[] }>('/v1/subscriptions', token)).subscriptions).toEqual([]);
  });

  it('reported no script errors and no CSP violations on any screen', () => {
    expect(world.problems).toEqual([]);
  });
});
