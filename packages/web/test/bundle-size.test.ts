import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../build/bundle-size';
import { ensureWebBuilt } from '../build/ensure-built';

describe('the bundle', () => {
  it('loads at most 150 KB of JavaScript and CSS gzipped at first; screens, the CSV parser and the Cognito client come later', async () => {
    const { distDir } = await ensureWebBuilt();
    const sizes = bundleSizes(distDir);
    expect(sizes.firstLoad.gzipBytes).toBeLessThanOrEqual(150 * 1024);
    expect(sizes.firstLoad.files.filter((f) => /(screens|competence|review|region|papaparse|cognito|oidc)/.test(f))).toEqual([]);
    const lazy = sizes.lazy.map((l) => l.src);
    expect(lazy).toEqual(
      expect.arrayContaining(['src/auth/cognito.ts', 'src/screens/competence-circle.tsx', 'src/screens/review.tsx', 'src/screens/indicator-import.tsx']),
    );
    expect(lazy.some((s) => s.includes('papaparse'))).toBe(true);
  });
});
