// One test run for the whole monorepo: unit tests per package, relay integration tests
// against a real relay on 127.0.0.1, and browser end-to-end tests in Debian's Chromium.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '@buurthub/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)),
};

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'shared', include: ['shared/src/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: {
          name: 'sync-server',
          include: ['sync-server/src/**/*.test.ts', 'sync-server/test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      { resolve: { alias }, test: { name: 'desktop', include: ['desktop/src/**/*.test.ts'] } },
      { resolve: { alias }, test: { name: 'web', include: ['web/src/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
