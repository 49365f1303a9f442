/**
 * Storybook for the gk-* elements: `pnpm run storybook` (dev server, port 6006) or
 * `pnpm run build-storybook` (static site in storybook-static/). Both run
 * `pnpm run analyze` first, so controls and docs tables come from custom-elements.json.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const elementsSrc = fileURLToPath(new URL('../packages/elements/src/', import.meta.url));

/**
 * Every element's examples/ folder, served at /elements/<element>/examples/, so a story can
 * load one by `src` (relative: `elements/document/examples/full.json`). Stories that only
 * need the data import the JSON directly.
 */
const exampleDirs = readdirSync(elementsSrc, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${elementsSrc}${entry.name}/examples`))
  .map((entry) => ({
    from: `../packages/elements/src/${entry.name}/examples`,
    to: `/elements/${entry.name}/examples`,
  }));

/*
 * TypeScript: Vite 8 compiles .ts with oxc, which reads the nearest tsconfig.json (the root one,
 * extending tsconfig.base.json): experimentalDecorators and useDefineForClassFields: false are
 * honoured, so lit's @property()/@state() work without a viteFinal. Checked in the built
 * Storybook (legacy __decorate calls, fields assigned in the constructor).
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/elements/src/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  staticDirs: exampleDirs,
  // Our packages resolve to their TypeScript sources (the gongkai-source export condition, scripts/entries.mjs),
  // so Storybook needs no build of packages/*/dist.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    resolve: {
      ...viteConfig.resolve,
      conditions: ['gongkai-source', ...(viteConfig.resolve?.conditions ?? defaultClientConditions)],
    },
  }),
};

export default config;
