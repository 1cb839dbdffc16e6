import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Nothing inlined as data: URLs, so the CSP needs no exception for them.
    assetsInlineLimit: 0,
    // Every browser the app supports preloads modules itself.
    modulePreload: { polyfill: false },
    target: 'es2022',
    // The import graph, from which the bundle figures are computed (dist/.vite/manifest.json, never served).
    manifest: true,
  },
});
