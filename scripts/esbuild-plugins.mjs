/**
 * esbuild plugins shared by the build and the bench, so that what the bench
 * measures is what the build ships. scripts/build.mjs applies its one list of
 * them to every browser build: the compiled modules npm ships (so a user's
 * bundler gets their output), core's lazily evaluated vendor modules, and the
 * one-file bundle.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * The plugins every browser build uses, the bench's included. `oneFile: true`
 * adds what only the one-file bundle takes (englishByChineseKeys); `htmlTemplates:
 * false` leaves html`…` and svg`…` as written (the template test's reference).
 */
export function browserPlugins({ oneFile = false, htmlTemplates = true } = {}) {
  return [
    ...(oneFile ? [englishByChineseKeys()] : []),
    optionalChainingFromChrome80(),
    minifyLitTemplates({ html: htmlTemplates }),
    markedLexerOnly(),
  ];
}

/**
 * esbuild counts optional chaining (a?.b) as supported from Chrome 91, not 80,
 * for one defect: Chrome 80–90 fail on an optional chain that calls with a
 * spread argument before the last one (a?.b(...c, d); crbug.com/42201552,
 * compat-table #1708). Every other use works from Chrome 80, so esbuild may keep
 * `?.` for our targets instead of writing each one out as
 * `(x = a) == null ? void 0 : x.b` (1.4 KB gzip of the one-file bundle), and the
 * build fails if its output has the one form Chrome 80–90 get wrong.
 */
export function optionalChainingFromChrome80() {
  return {
    name: 'optional-chaining-from-chrome-80',
    setup(build) {
      build.initialOptions.supported = { ...build.initialOptions.supported, 'optional-chain': true };
      // Written files are read back by name, which the metafile gives.
      build.initialOptions.metafile = true;
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        const outputs = result.outputFiles
          ? result.outputFiles.map((file) => [file.path, file.text])
          : await Promise.all(
              Object.keys(result.metafile?.outputs ?? {}).map(async (path) => [
                path,
                await readFile(resolve(build.initialOptions.absWorkingDir ?? process.cwd(), path), 'utf8'),
              ]),
            );
        const errors = [];
        for (const [path, text] of outputs) {
          if (/\.(?:map|css|json)$/.test(path)) continue;
          for (const call of await spreadsInOptionalCalls(text)) {
            errors.push({
              text: `${path} has an optional call with a spread argument before the last (${call}), which Chrome 80–90 get wrong: write it without ?. (scripts/esbuild-plugins.mjs, optionalChainingFromChrome80)`,
            });
          }
        }
        return { errors };
      });
    },
  };
}

/** Calls inside an optional chain with a spread argument that is not the last: `a?.b(...c, d)`, `a?.(...c, d)`, `a?.b.c(...d, e)`. */
export async function spreadsInOptionalCalls(code) {
  const ts = (await import('typescript')).default;
  const file = ts.createSourceFile('output.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = [];
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      node.flags & ts.NodeFlags.OptionalChain &&
      node.arguments.some((argument, i) => ts.isSpreadElement(argument) && i < node.arguments.length - 1)
    ) {
      found.push(node.getText(file).slice(0, 80));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Minifies the text of Lit's templates in our elements' sources (esbuild
 * leaves template text alone):
 * - css`…`: drops comments and collapses whitespace. Quoted strings in our CSS
 *   ('›', ' · ') keep their single spaces; none contains a colon or a brace.
 * - html`…` and svg`…`: every run of whitespace that holds a line break or is
 *   longer than one character becomes one space, which HTML renders exactly
 *   as it rendered the run. Left as written: quoted attribute values, comments,
 *   and the content of <pre>, <textarea>, <script> and <style> (and any
 *   template nested in them), where whitespace is the content.
 * Templates are found with TypeScript's parser, not a regular expression, so
 * strings, comments and nested templates are told apart. Tested by
 * scripts/test/minify-lit-templates.test.mjs, and in the browser by
 * packages/gongkai/test/templates.test.ts against a bundle with `html: false`
 * (html`…` and svg`…` as written).
 */
export function minifyLitTemplates({ html = true } = {}) {
  return {
    name: 'minify-lit-templates',
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!/(?:html|svg|css)`/.test(source)) return undefined;
        return { contents: await minifyTemplatesIn(source, path, { html }), loader: 'ts' };
      });
    },
  };
}

/** The CSS of one css`…` template, minified. */
export function minifyCss(body) {
  return (
    body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // Only after a colon: before one, a space can matter in a selector (a :focus).
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim()
  );
}

/** Elements whose text is kept as written: whitespace in them is content. */
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style']);

/**
 * Collapses whitespace in the parts of one html`…`/svg`…` template, given as
 * their source text. Returns the new parts and, for each expression between
 * two parts, whether it stands inside an element kept as written.
 */
export function collapseTemplateParts(parts) {
  let mode = 'text'; // text | tag | quote | comment | raw
  let quote = '';
  let tagName = '';
  let closing = false;
  let raw = '';
  const rawExpressions = [];
  const out = parts.map((part, index) => {
    if (index > 0) rawExpressions.push(mode === 'raw');
    let result = '';
    for (let i = 0; i < part.length;) {
      const char = part[i];
      if ((mode === 'text' || mode === 'tag') && /[ \t\n\r\f]/.test(char) && part[i - 1] !== '\\') {
        let end = i;
        while (end < part.length && /[ \t\n\r\f]/.test(part[end])) end++;
        result += ' ';
        i = end;
        continue;
      }
      if (mode === 'text' && char === '<') {
        if (part.startsWith('<!--', i)) {
          mode = 'comment';
        } else {
          const name = /^<(\/?)([a-zA-Z][\w:-]*)/.exec(part.slice(i));
          if (name) {
            mode = 'tag';
            closing = name[1] === '/';
            tagName = name[2].toLowerCase();
          }
        }
      } else if (mode === 'comment' && part.startsWith('-->', i)) {
        result += '-->';
        i += 3;
        mode = 'text';
        continue;
      } else if (mode === 'tag' && (char === '"' || char === "'")) {
        mode = 'quote';
        quote = char;
      } else if (mode === 'quote' && char === quote) {
        mode = 'tag';
      } else if (mode === 'tag' && char === '>') {
        mode = !closing && RAW_TEXT.has(tagName) && part[i - 1] !== '/' ? 'raw' : 'text';
        raw = tagName;
      } else if (mode === 'raw' && part.slice(i, i + raw.length + 2).toLowerCase() === `</${raw}`) {
        mode = 'tag';
        closing = true;
        tagName = raw;
      }
      result += char;
      i++;
    }
    return result;
  });
  return { parts: out, rawExpressions };
}

/** The source with every Lit template in it minified (see minifyLitTemplates). */
export async function minifyTemplatesIn(source, fileName = 'source.ts', { html = true } = {}) {
  const ts = (await import('typescript')).default;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const partsOf = (template) => {
    const literals = ts.isNoSubstitutionTemplateLiteral(template)
      ? [template]
      : [template.head, ...template.templateSpans.map((span) => span.literal)];
    return literals.map((literal) => {
      const start = literal.getStart(file) + 1;
      const end = literal.end - (ts.isTemplateHead(literal) || ts.isTemplateMiddle(literal) ? 2 : 1);
      return { start, end, text: source.slice(start, end) };
    });
  };
  const visit = (node, frozen) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && !frozen) {
      const tag = node.tag.text;
      const parts = partsOf(node.template);
      if (tag === 'css') {
        parts.forEach((part) => edits.push([part.start, part.end, minifyCss(part.text)]));
      } else if (html && (tag === 'html' || tag === 'svg')) {
        const collapsed = collapseTemplateParts(parts.map((part) => part.text));
        parts.forEach((part, i) => edits.push([part.start, part.end, collapsed.parts[i]]));
        if (ts.isTemplateExpression(node.template)) {
          node.template.templateSpans.forEach((span, i) => visit(span.expression, collapsed.rawExpressions[i]));
          return;
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, frozen));
  };
  visit(file, false);
  let result = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
    result = result.slice(0, start) + text + result.slice(end);
  return result;
}

/**
 * For the one-file bundle, which carries both languages: each English table of
 * core's messages (packages/core/src/messages/*.ts, `<name>En` beside
 * `<name>Zh`, with the same keys, as their type says) is written as its values in
 * the Chinese table's key order, and the keys are taken from the Chinese table
 * at run time. The keys then travel once instead of twice (1.1 KB gzip). The
 * per-element entries keep the tables as written: there `gongkai/en` may come
 * without every element's Chinese table. A messages file with anything else in
 * it, or tables whose keys differ, stops the build. Tested by
 * scripts/test/english-by-chinese-keys.test.mjs.
 */
export function englishByChineseKeys() {
  return {
    name: 'english-by-chinese-keys',
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/]core[\\/]src[\\/]messages[\\/][\w-]+\.ts$/ }, async ({ path }) => ({
        contents: await englishByChineseKeysIn(await readFile(path, 'utf8'), path),
        loader: 'js',
      }));
      // The one helper every rewritten module imports.
      build.onResolve({ filter: /^gongkai-build:in-order-of$/ }, ({ path }) => ({ path, namespace: 'gongkai-build' }));
      build.onLoad({ filter: /^gongkai-build:in-order-of$/, namespace: 'gongkai-build' }, () => ({
        contents: [
          '/** A table with the keys of `keys`, in order, and these values (scripts/esbuild-plugins.mjs, englishByChineseKeys). */',
          'export function inOrderOf(keys, values) {',
          '  const names = Object.keys(keys);',
          '  const table = {};',
          '  for (let i = 0; i < names.length; i++) table[names[i]] = values[i];',
          '  return table;',
          '}',
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}

/** A messages module's source rewritten as englishByChineseKeys() ships it. */
export async function englishByChineseKeysIn(source, path = 'messages.ts') {
  const { transform } = await import('esbuild');
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  const tables = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const names = Object.keys(tables).sort();
  const pairs = names.filter((name) => name.endsWith('Zh')).map((zh) => [zh, `${zh.slice(0, -2)}En`]);
  const fail = (why) => {
    throw new Error(`englishByChineseKeys: ${path} ${why}; update scripts/esbuild-plugins.mjs or the file`);
  };
  if (names.length !== pairs.length * 2 || !pairs.every(([, en]) => names.includes(en)))
    fail(`exports ${names.join(', ')}, not <name>Zh and <name>En pairs`);
  const lines = [];
  for (const [zh, en] of pairs) {
    const keys = Object.keys(tables[zh]);
    const english = tables[en];
    if (Object.keys(english).length !== keys.length || !keys.every((key) => Object.hasOwn(english, key)))
      fail(`has ${en} with other keys than ${zh}`);
    if (
      ![...keys.map((key) => tables[zh][key]), ...keys.map((key) => english[key])].every(
        (text) => typeof text === 'string',
      )
    )
      fail('has a message that is not a string');
    lines.push(`export const ${zh} = ${JSON.stringify(tables[zh])};`);
    lines.push(
      `export const ${en} = /* @__PURE__ */ inOrderOf(${zh}, ${JSON.stringify(keys.map((key) => english[key]))});`,
    );
  }
  return ["import { inOrderOf } from 'gongkai-build:in-order-of';", ...lines].join('\n');
}

/**
 * marked ships one pre-bundled ES file whose tail builds a global `marked`
 * instance (`var v=new Marked; … x.Parser=P; x.Renderer=I; …`). Those top-level
 * statements keep marked's Parser, Renderer and HTML code in every bundle, even
 * when only its Lexer is imported (measured: 15.1 KB gzip for `import { Lexer }`
 * alone, 11.9 KB without the tail). Core uses the Lexer only, so the tail is cut
 * and the Lexer is the one export: an import of anything else fails the build.
 * The file's layout is checked, so a new marked version that changes it stops
 * the build instead of silently shipping the parser again.
 */
export function markedLexerOnly() {
  return {
    name: 'marked-lexer-only',
    setup(build) {
      build.onLoad(
        {
          filter:
            /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?marked[\\/]lib[\\/]marked\.esm\.js$/,
        },
        async ({ path }) => {
          const source = await readFile(path, 'utf8');
          const exports = /export\{([^}]*)\};?\s*(?:\/\/# sourceMappingURL=\S+\s*)?$/.exec(source);
          const local = (name) =>
            exports?.[1]
              .split(',')
              .map((pair) => pair.trim().split(/\s+as\s+/))
              .find(([, exported]) => exported === name)?.[0];
          const marked = local('Marked');
          const lexer = local('Lexer');
          const instance =
            marked && source.search(new RegExp(`(?:var|let|const) [\\w$]+=new ${marked.replace(/\$/g, '\\$')}[;,(]`));
          if (
            !exports ||
            !marked ||
            !lexer ||
            instance === undefined ||
            instance < 0 ||
            /\bclass\b/.test(source.slice(instance, exports.index))
          ) {
            throw new Error(
              `markedLexerOnly: ${path} no longer has the layout this plugin cuts (a global instance after the classes); update scripts/esbuild-plugins.mjs`,
            );
          }
          return { contents: `${source.slice(0, instance)}\nexport{${lexer} as Lexer};\n`, loader: 'js' };
        },
      );
    },
  };
}
