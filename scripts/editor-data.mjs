/**
 * Editor completion for <gk-*> in HTML, made from the elements' manifest
 * (custom-elements.json, written by `pnpm analyze`) and shipped in the gongkai package:
 *
 *   dist/vscode.html-custom-data.json  VS Code's HTML custom data: add it to "html.customData"
 *   dist/web-types.json                JetBrains web-types (package.json "web-types" points at it)
 *   dist/custom-elements.json          the manifest itself ("customElements")
 *
 * Attribute values are listed when the type is a union of literals; the named
 * unions the manifest only knows by name are resolved here from their source.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Named unions of literals used as attribute types, read from where they are declared. */
function namedUnions() {
  const read = (path) => readFileSync(join(root, path), 'utf8');
  const literals = (text) => [...text.matchAll(/'([^']+)'/g)].map((match) => match[1]);
  const budget = /BUDGET_VIEWS = \[([^\]]*)\]/.exec(read('packages/core/src/schemas/budget.ts'))?.[1] ?? '';
  const union = (path, name) => new RegExp(`export type ${name} = ([^;]*);`).exec(read(path))?.[1] ?? '';
  return {
    BudgetView: literals(budget),
    CatalogueView: literals(union('packages/elements/src/catalogue/catalogue.ts', 'CatalogueView')),
    ExplainerMode: literals(union('packages/elements/src/explainer/explainer.ts', 'ExplainerMode')),
  };
}

function valuesOf(typeText, unions) {
  const named = unions[typeText.replace(/\s*\|\s*undefined$/, '')];
  if (named?.length) return named;
  const literals = [...typeText.matchAll(/'([^']+)'/g)].map((match) => match[1]);
  return literals.length ? literals : undefined;
}

function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? [])
      if (declaration.tagName) elements.push({ ...declaration, module: module.path });
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

export function vscodeData(manifest, unions = namedUnions()) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((element) => ({
      name: element.tagName,
      description: [element.summary, element.description].filter(Boolean).join('\n\n'),
      attributes: (element.attributes ?? []).map((attribute) => {
        const values = valuesOf(attribute.type?.text ?? '', unions);
        return {
          name: attribute.name,
          description: attribute.description ?? '',
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
}

export function webTypes(manifest, version, unions = namedUnions()) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: 'gongkai',
    version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((element) => ({
          name: element.tagName,
          description: [element.summary, element.description].filter(Boolean).join('\n\n'),
          attributes: (element.attributes ?? []).map((attribute) => {
            const values = valuesOf(attribute.type?.text ?? '', unions);
            const type = attribute.type?.text?.replace(/\s*\|\s*undefined$/, '') ?? 'string';
            return {
              name: attribute.name,
              description: attribute.description ?? '',
              ...(attribute.default ? { default: attribute.default } : {}),
              value: values
                ? { type: 'enum', kind: 'plain', required: true }
                : { type: type === 'number' ? 'number' : 'string', kind: 'plain' },
              ...(values ? { values: values.map((name) => ({ name })) } : {}),
            };
          }),
          events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
          js: {
            properties: (element.members ?? [])
              .filter(
                (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public',
              )
              .map((member) => ({
                name: member.name,
                description: member.description ?? '',
                ...(member.type?.text ? { type: member.type.text } : {}),
              })),
            events: (element.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
          },
          css: {
            parts: (element.cssParts ?? []).map((part) => ({ name: part.name, description: part.description ?? '' })),
            properties: (element.cssProperties ?? []).map((property) => ({
              name: property.name,
              description: property.description ?? '',
            })),
          },
        })),
      },
    },
  };
}

/** Writes the three files into `outDir` (packages/gongkai/dist). */
export function writeEditorData(manifestPath, outDir) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const { version } = JSON.parse(readFileSync(join(root, 'packages/gongkai/package.json'), 'utf8'));
  copyFileSync(manifestPath, join(outDir, 'custom-elements.json'));
  writeFileSync(join(outDir, 'vscode.html-custom-data.json'), `${JSON.stringify(vscodeData(manifest), null, 2)}\n`);
  writeFileSync(join(outDir, 'web-types.json'), `${JSON.stringify(webTypes(manifest, version), null, 2)}\n`);
}
