/**
 * `pnpm lint` runs this (after the HTML-sink check and lit-analyzer): ESLint's and
 * typescript-eslint's recommended rules, and import-x's no-cycle, which follows
 * TypeScript's `.js` imports to their `.ts` files through the TypeScript resolver.
 * Formatting is Prettier's (`pnpm format`), not ESLint's.
 */
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      // Scratch output of builds and benches (.gitignore'd; Prettier skips it through .gitignore).
      '.tmp/**',
      'packages/core/schemas/**',
      'packages/elements/custom-elements.json',
      'packages/gongkai/test/pages/hostile/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle reads each imported module, so it must know how to parse TypeScript.
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'tsconfig.json',
          conditionNames: ['gongkai-source', 'types', 'import', 'default'],
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The house style writes two small steps as one comma expression: `if (x) (list.push(a), (params.x = x));`.
      '@typescript-eslint/no-unused-expressions': 'off',
      // URL and text checks match control characters on purpose.
      'no-control-regex': 'off',
      // A variable's first value is often written where it is declared, for the reader, even when every branch sets it.
      'no-useless-assignment': 'off',
      // Chinese text spaces with U+3000 (合　　计): allowed in strings, patterns and comments, not in code.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipRegExps: true, skipComments: true, skipTemplates: true },
      ],
    },
  },
);
