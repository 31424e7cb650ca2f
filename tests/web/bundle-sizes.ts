/**
 * What each route of the web app makes the browser download on a first visit: the entry chunk and
 * its static imports, the route's lazy page chunk and its static imports, and the words of the
 * language shown (the larger of the two language chunks, so either language fits), gzipped as a
 * server would send them. Read from Vite's build manifest (apps/web/dist/.vite/manifest.json) and App.tsx's routes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface RouteBundle {
  route: string;
  page: string;
  /** Gzipped JavaScript bytes the route loads, entry included. */
  jsGzipBytes: number;
  files: string[];
}

/** Every file a chunk needs before it runs: itself and, transitively, its static imports. */
export function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/** The routes of App.tsx and the module of the page each one shows (`path="/queue" element={<TaskQueuePage />}`). */
export function routesOf(appSource: string): Array<{ route: string; module: string; page: string }> {
  const modules = new Map<string, string>();
  for (const match of appSource.matchAll(/const (\w+) = lazy\(\(\) => import\('\.\.\/([\w/-]+)'\)/g)) modules.set(match[1]!, `src/${match[2]}.tsx`);
  const routes: Array<{ route: string; module: string; page: string }> = [];
  for (const match of appSource.matchAll(/<Route path="([^"*]+)" element=\{<(\w+)[ />]/g)) {
    const module = modules.get(match[2]!);
    if (module) routes.push({ route: match[1]!, module, page: match[2]! });
  }
  return routes;
}

/** The modules i18n.ts imports before the first render, one per language (apps/web/src/i18n/en, fr). */
export const LANGUAGE_MODULES = ['src/i18n/en/index.ts', 'src/i18n/fr/index.ts'];

const jsFiles = (manifest: Manifest, keys: Iterable<string>) => [...keys].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));

export function routeBundles(manifest: Manifest, appSource: string, gzipSizeOf: (file: string) => number, languageModules = LANGUAGE_MODULES): RouteBundle[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('the manifest has no entry chunk');
  const shared = staticClosure(manifest, entry);
  const sum = (files: string[]) => files.reduce((total, file) => total + gzipSizeOf(file), 0);
  return routesOf(appSource).map(({ route, module, page }) => {
    if (!manifest[module]) throw new Error(`${page} (${module}) is not a chunk of its own in the build`);
    const keys = staticClosure(manifest, module, new Set(shared));
    // Each language adds what the page has not already loaded; a first visit pays for the heavier one.
    const languages = languageModules.map((language) => {
      if (!manifest[language]) throw new Error(`the language module ${language} is not a chunk of its own in the build`);
      const files = jsFiles(
        manifest,
        [...staticClosure(manifest, language, new Set(keys))].filter((key) => !keys.has(key)),
      );
      return { files, bytes: sum(files) };
    });
    const heaviest = languages.reduce((largest, language) => (language.bytes > largest.bytes ? language : largest), { files: [] as string[], bytes: 0 });
    const files = [...jsFiles(manifest, keys), ...heaviest.files];
    return { route, page, files, jsGzipBytes: sum(files) };
  });
}

/** The built app's bundles, per route. */
export function builtRouteBundles(webRoot: string): RouteBundle[] {
  const manifest = JSON.parse(readFileSync(path.join(webRoot, 'dist/.vite/manifest.json'), 'utf8')) as Manifest;
  const appSource = readFileSync(path.join(webRoot, 'src/app/App.tsx'), 'utf8');
  const sizes = new Map<string, number>();
  const gzipSizeOf = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(path.join(webRoot, 'dist', file)), { level: 9 }).length);
    return sizes.get(file)!;
  };
  return routeBundles(manifest, appSource, gzipSizeOf);
}
