/**
 * The studio is built into dist/ with relative asset paths (base './'), so the
 * folder works under gongkai-server's /studio/, under `pnpm studio`, and from any
 * static host. Nothing is inlined: every script and stylesheet is a file, as the
 * strict Content-Security-Policy (script-src 'self'; style-src 'self') requires.
 *
 * Our packages resolve to their TypeScript sources (the gongkai-source export
 * condition, scripts/entries.mjs), as in Storybook, the test runner and the
 * one-file bundle's build: `vite` and `vite build` need no build of the packages' dist folders.
 */
import { defineConfig, defaultClientConditions } from 'vite';
import { fileURLToPath } from 'node:url';
import { SOURCE_CONDITION } from '../../scripts/entries.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    // The polyfill would be a module of its own; every browser the studio supports has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    sourcemap: true,
  },
  server: { port: 5174, strictPort: false },
});
