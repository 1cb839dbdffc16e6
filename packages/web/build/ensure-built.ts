import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web package's folder, its build output, and the file in it naming the sources it was built from. */
export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');
const HASH_FILE = '.source-hash';
const LOCK_DIR = join(WEB_ROOT, '.build-lock');
// A build takes about a second; a lock this old was left by a process that died while building.
const STALE_LOCK_MS = 120_000;

const REPO_ROOT = join(WEB_ROOT, '..', '..');
/** What the bundle is made of: a change to any of these makes the next start build again. */
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public'];

const filesUnder = async (path: string): Promise<string[]> => {
  if (!existsSync(path)) return [];
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => filesUnder(join(path, e.name))));
  return nested.flat();
};

/**
 * A digest of the app's sources and of the lock file (dependency versions), by content rather
 * than by time stamps, which a checkout or a copy changes without changing anything built.
 */
const sourceHash = async (): Promise<string> => {
  const files = (await Promise.all(INPUTS.map((p) => filesUnder(join(WEB_ROOT, p))))).flat().sort();
  const hash = createHash('sha256');
  for (const file of [...files, join(REPO_ROOT, 'package-lock.json')]) {
    if (!existsSync(file)) continue;
    hash
      .update(relative(REPO_ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  }
  return hash.digest('hex');
};

const builtHash = async (): Promise<string | undefined> => readFile(join(WEB_DIST, HASH_FILE), 'utf8').catch(() => undefined);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock across processes (a start and several test files may build at once): mkdir is atomic. */
const withLock = async <T>(work: () => Promise<T>): Promise<T> => {
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age =
        Date.now() -
        (await stat(LOCK_DIR)
          .then((s) => s.mtimeMs)
          .catch(() => Date.now()));
      if (age > STALE_LOCK_MS) await rm(LOCK_DIR, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK_DIR, { recursive: true, force: true });
  }
};

export interface WebBuild {
  readonly distDir: string;
  /** Whether this call built the app (false: the build was current). */
  readonly built: boolean;
  readonly ms: number;
}

/**
 * Builds the web app with Vite when its sources differ from what `dist` was built from; a current
 * build costs only the digest of the sources (some milliseconds). The new build is written next
 * to `dist` and swapped in whole, so a server never serves half of one build and half of another.
 */
export const ensureWebBuilt = async (options: { log?: (line: string) => void; force?: boolean } = {}): Promise<WebBuild> => {
  const started = Date.now();
  const wanted = await sourceHash();
  if (!options.force && (await builtHash()) === wanted) return { distDir: WEB_DIST, built: false, ms: Date.now() - started };
  return withLock(async () => {
    const current = await sourceHash();
    if (!options.force && (await builtHash()) === current) return { distDir: WEB_DIST, built: false, ms: Date.now() - started };
    options.log?.('building the web app (its sources changed since the last build) ...');
    const { build } = await import('vite');
    const next = `${WEB_DIST}.next`;
    await build({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: next, emptyOutDir: true },
    });
    await writeFile(join(next, HASH_FILE), current);
    const old = `${WEB_DIST}.old`;
    await rm(old, { recursive: true, force: true });
    if (existsSync(WEB_DIST)) await rename(WEB_DIST, old);
    await rename(next, WEB_DIST);
    await rm(old, { recursive: true, force: true });
    const ms = Date.now() - started;
    options.log?.(`web app built in ${ms} ms`);
    return { distDir: WEB_DIST, built: true, ms };
  });
};
