// Vite build of the PWA: Lit components, the Workbox service worker (injectManifest) and
// the web app manifest. `@buurthub/shared` is compiled from source, like in the tsconfig.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Each language's catalogue (src/i18n/nl.ts, en.ts) gets its own copy of the area files in
 * src/i18n/messages/, so the build keeps only that language's half of each (the other half
 * is unused there and tree-shaken). The app fetches the active language's catalogue at
 * start and the other one only on a switch; the area files keep both languages side by side.
 */
function catalogPerLanguage(): Plugin {
  return {
    name: 'buurthub:catalog-per-language',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const language = importer && /[\\/]i18n[\\/](nl|en)\.ts$/.exec(importer)?.[1];
      if (!language || !source.startsWith('./messages/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && `${resolved.id}?lang=${language}`;
    },
  };
}

/**
 * `src/no-eval.js` must run before every module, so it stays a classic script, which Vite
 * leaves as it is: this emits it as a content-hashed asset and points index.html at it, so
 * it is cached for a year like the chunks instead of revalidated on every load.
 */
function hashedClassicScript(path: string): Plugin {
  let reference = '';
  return {
    name: 'buurthub:hashed-classic-script',
    apply: 'build',
    buildStart() {
      reference = this.emitFile({
        type: 'asset',
        name: path.split('/').at(-1) ?? path,
        source: readFileSync(fileURLToPath(new URL(`./${path}`, import.meta.url))),
      });
    },
    generateBundle: {
      order: 'post', // after Vite has written index.html into the bundle
      handler(_options, bundle) {
        const html = bundle['index.html'];
        if (html?.type !== 'asset') return;
        html.source = String(html.source).replace(
          `src="/${path}"`,
          `src="/${this.getFileName(reference)}"`,
        );
      },
    },
  };
}

export default defineConfig({
  resolve: {
    alias: {
      '@buurthub/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  build: {
    // BUURTHUB_WEB_DIST builds elsewhere (the relay serves the same variable's folder).
    outDir: process.env['BUURTHUB_WEB_DIST'] ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  plugins: [
    catalogPerLanguage(),
    hashedClassicScript('src/no-eval.js'),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      manifest: {
        name: 'Buurthub',
        short_name: 'Buurthub',
        description: 'Nieuws, vragen en crisisinformatie uit je buurt, ook zonder internet.',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f6b4f',
        background_color: '#f3f6f4',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
  ],
});
