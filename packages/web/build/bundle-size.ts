// The bundle figures: JavaScript and CSS of the first page load, and what each screen adds when it
// is opened, gzipped, from the build's import graph (Vite's manifest).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleSizes {
  /** Files of the first load (the entry, its static imports and CSS). */
  readonly firstLoad: { files: string[]; gzipBytes: number; rawBytes: number };
  /** Per lazily loaded module (a screen, the Cognito client, papaparse): what it adds to the first load. */
  readonly lazy: { src: string; files: string[]; gzipBytes: number }[];
}

export const bundleSizes = (distDir: string): BundleSizes => {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const gzip = new Map<string, number>();
  const raw = new Map<string, number>();
  const size = (file: string) => {
    if (!gzip.has(file)) {
      const bytes = readFileSync(join(distDir, file));
      raw.set(file, bytes.length);
      gzip.set(file, gzipSync(bytes, { level: 9 }).length);
    }
    return gzip.get(file)!;
  };
  /** A chunk with everything it imports statically: what the browser fetches to run it. */
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const css of chunk.css ?? []) seen.add(css);
    for (const imported of chunk.imports ?? []) closure(imported, seen);
    return seen;
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (entry === undefined) throw new Error('the manifest names no entry');
  const first = closure(entry);
  const files = [...first].sort();
  const lazy = Object.keys(manifest)
    .filter((k) => manifest[k]!.isDynamicEntry)
    .map((k) => {
      const added = [...closure(k)].filter((f) => !first.has(f)).sort();
      return { src: manifest[k]!.src ?? k, files: added, gzipBytes: added.reduce((n, f) => n + size(f), 0) };
    })
    .sort((a, b) => a.src.localeCompare(b.src));
  return {
    firstLoad: { files, gzipBytes: files.reduce((n, f) => n + size(f), 0), rawBytes: files.reduce((n, f) => n + raw.get(f)!, 0) },
    lazy,
  };
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// `npm run web:size`: builds when needed and prints the figures.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { ensureWebBuilt } = await import('./ensure-built');
  const { distDir } = await ensureWebBuilt({ log: console.log });
  const sizes = bundleSizes(distDir);
  console.log(`first load: ${kb(sizes.firstLoad.gzipBytes)} gzipped (${kb(sizes.firstLoad.rawBytes)} raw): ${sizes.firstLoad.files.join(', ')}`);
  for (const l of sizes.lazy) console.log(`  + ${l.src.padEnd(36)} ${kb(l.gzipBytes).padStart(9)}  ${l.files.join(', ')}`);
}
