/// <reference types="vite/client" />
/**
 * Storybook preview: the custom elements manifest (controls and docs tables),
 * axe with the WCAG 2.x A/AA rules, and a toolbar switch for the page language.
 */
import '../packages/core/src/translations/en.ts';
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

interface ManifestMember {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
}
interface ManifestDeclaration {
  kind?: string;
  members?: ManifestMember[];
}
interface Manifest {
  modules?: Array<{ declarations?: ManifestDeclaration[] }>;
}

// Written by `pnpm run analyze`, which both Storybook scripts run first. A glob rather than
// an import so that a checkout without the (git-ignored) file still type-checks and starts.
const manifests = import.meta.glob<Manifest>('../packages/elements/custom-elements.json', {
  eager: true,
  import: 'default',
});
const manifest = Object.values(manifests)[0];

if (manifest) {
  // Storybook lists every class member as a control; show only the public API.
  const publicOnly: Manifest = {
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (member) => !member.static && (member.privacy ?? 'public') === 'public' && !member.name?.startsWith('#'),
        ),
      })),
    })),
  };
  setCustomElementsManifest(publicOnly);
} else {
  console.warn('[storybook] packages/elements/custom-elements.json is missing: run `pnpm run analyze`.');
}

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: {
      // Government sites in China follow GB/T 37668 (which tracks WCAG 2.0 AA); we check WCAG 2.x A and AA.
      options: {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      },
      // Violations fail the story in the test runner / Vitest addon, not just show in the panel.
      test: 'error',
    },
    docs: { toc: true },
  },
  globalTypes: {
    lang: {
      description: '页面语言 Page language (the elements follow the nearest lang attribute)',
      toolbar: {
        title: 'lang',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '中文 zh-CN' },
          { value: 'en', title: 'English en' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'zh-CN' },
  decorators: [
    // The elements read the nearest `lang` when they have none of their own. They read it when
    // they render, so a change of language re-creates the story (keyed) instead of patching it.
    (story, context) => {
      const lang = (context.globals['lang'] as string | undefined) ?? 'zh-CN';
      return html`${keyed(lang, html`<div lang=${lang}>${story()}</div>`)}`;
    },
  ],
};

export default preview;
