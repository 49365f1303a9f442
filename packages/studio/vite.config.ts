/**
 * The studio is built into dist/ with relative asset paths (base './'), so the
 * folder works under gongkai-server's /studio/, under `pnpm studio`, and from any
 * static host. Nothing is inlined: every script and stylesheet is a file, as the
 * strict Content-Security-Policy (script-src 'self'; style-src 'self') requires.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
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
