// The browser tests' world: the local runtime in memory on free ports with the demo history and
// the built web app, and Debian's Chromium driven by playwright-core (nothing is downloaded).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type LocalRuntime, sendAsRegions, startLocalRuntime } from '@modellregionen/local';
import { demoHistory } from '../../../local/src/demo/demo-history';
import { ensureWebBuilt } from '../../build/ensure-built';

const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get update && apt-get install -y chromium)`);
}

export const RESULTS = join(import.meta.dirname, '..', '..', '..', '..', 'test-results');

export interface World {
  readonly runtime: LocalRuntime;
  readonly base: string;
  readonly browser: Browser;
  /** Problems the pages reported: CSP violations, script errors. */
  readonly problems: string[];
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  /** A token of the local issuer for comparing with the API directly. */
  token(role: 'ministry' | 'coordinator' | 'subscriber', extra?: { regionId?: string; municipality?: string }): Promise<string>;
  api<T>(path: string, token: string): Promise<T>;
  stop(): Promise<void>;
}

export const startWorld = async (): Promise<World> => {
  mkdirSync(RESULTS, { recursive: true });
  const { distDir } = await ensureWebBuilt();
  const runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 }, webDir: distDir });
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  try {
    await sendAsRegions({ eventsUrl: runtime.urls.events, busName: runtime.busName, entries: demoHistory() });
    await runtime.settled();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    await runtime.stop();
    throw err;
  }
  const problems: string[] = [];
  const base = runtime.urls.api;
  const b = browser;
  return {
    runtime,
    base,
    browser: b,
    problems,
    async newPage({ width = 1280, height = 900 } = {}) {
      const context = await b.newContext({
        viewport: { width, height },
        locale: 'de-DE',
        timezoneId: 'Europe/Berlin',
        acceptDownloads: true,
        baseURL: base,
      });
      contexts.push(context);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of (400|401|403|404|409)/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
      return page;
    },
    token: (role, extra = {}) => runtime.issuer.sign({ role, ...extra }),
    async api<T>(path: string, token: string) {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return (await response.json()) as T;
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => {});
      await b.close().catch(() => {});
      await runtime.stop();
    },
  };
};

/** Signs in through the development sign-in screen, as a person would. */
export const signIn = async (
  page: Page,
  as: { role: 'ministry' } | { role: 'coordinator'; regionId: string } | { role: 'subscriber'; municipality: string },
  path = '/',
): Promise<void> => {
  await page.goto(path);
  await page.getByRole('heading', { name: 'Entwicklungsanmeldung' }).waitFor();
  if (as.role === 'coordinator') {
    await page.getByRole('radio', { name: /Koordination einer Modellregion/ }).check();
    await page.getByLabel('Region', { exact: true }).selectOption(as.regionId);
  } else if (as.role === 'subscriber') {
    await page.getByRole('radio', { name: /Abonnierende Kommune/ }).check();
    await page.getByLabel('Name der Kommune').fill(as.municipality);
  } else {
    await page.getByRole('radio', { name: /Ministerium/ }).check();
  }
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
};

/** No loading indicator left on the screen. */
export const settled = async (page: Page): Promise<void> => {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0, undefined, { timeout: 15_000 });
};

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is: the serious and critical findings,
 * and a screenshot under test-results/ for people to look at.
 */
export const audit = async (page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<AxeFinding[]> => {
  await settled(page);
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: options.fullPage ?? true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
};

/** Text of a table cell of the competence-circle table (the figure's row, the region's column). */
export const ccCell = (page: Page, metric: string, regionId: string) => page.locator(`tr[data-metric="${metric}"] td[data-region="${regionId}"]`);

/** A link of the main navigation. */
export const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true });
