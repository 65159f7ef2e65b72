// Vite build of the PWA: Lit components, the Workbox service worker (injectManifest) and
// the web app manifest. `@buurthub/shared` is compiled from source, like in the tsconfig.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
