/**
 * Configuration of the Custom Elements Manifest analyzer (`pnpm run analyze`).
 *
 * Our elements register through `defineElement('gk-…', Class)` (base/define.ts)
 * rather than `customElements.define(…)`, which the analyzer does not recognise:
 * without this plugin custom-elements.json has no `tagName` for any element, and
 * Storybook, IDEs and other tools that read the manifest cannot find `gk-document`.
 * (A `@tagname gk-document` JSDoc tag on each class would work too.)
 */

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function defineElementCalls() {
  return {
    name: 'gongkai-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      if (!ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !ts.isStringLiteralLike(tag) || !klass || !ts.isIdentifier(klass)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: klass.text, module: moduleDoc.path },
        },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      // The core plugins have linked the definitions to their classes by now.
      for (const module of customElementsManifest.modules ?? []) {
        const classes = new Set();
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          classes.add(declaration.name);
          if (declaration.tagName) declaration.customElement = true;
        }
        // defineElement's own `customElements.define(name, constructor)` is read as a
        // definition of a tag called "name"; keep only definitions of real classes.
        module.exports = module.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || classes.has(entry.declaration?.name),
        );
      }
    },
  };
}

export default {
  plugins: [defineElementCalls()],
};
