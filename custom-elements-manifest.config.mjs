/**
 * custom-elements.json (`npm run manifest`, `cem analyze`): the elements' attributes, properties,
 * events, slots, CSS parts and custom properties, read from the classes and their JSDoc
 * (@summary, @event, @slot, @csspart, @cssproperty). Storybook's autodocs and editors read it.
 *
 * Only the element modules and what they inherit from (src/core) are analysed: the API client,
 * rules, translations, reader and mocks are not elements.
 */

/**
 * The elements register through `defineElement('akto-x', AktoX)` (src/core/define.ts), which the
 * analyzer does not know: record each call as `customElements.define` would be, so the classes get
 * their tag names and define.ts its `custom-element-definition` export.
 */
function defineElementCalls() {
  return {
    name: 'akto-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteralLike(tag) || !ts.isIdentifier(klass)) return;
      let module = moduleDoc.path;
      for (const statement of node.getSourceFile().statements) {
        const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
        if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((element) => element.name.text === klass.text)) continue;
        const specifier = statement.moduleSpecifier.text;
        if (specifier.startsWith('.')) module = new URL(specifier, `file:///${moduleDoc.path}`).pathname.slice(1).replace(/\.js$/, '.ts');
        else return;
      }
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } }];
    },
  };
}

/**
 * Drops private members and Lit's `styles` from the documentation (they are not API), and the
 * `customElements.define(tag, constructor)` inside defineElement itself, which is no element.
 */
function publicApiOnly() {
  return {
    name: 'akto-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        if (mod.exports) mod.exports = mod.exports.filter((entry) => entry.kind !== 'custom-element-definition' || entry.name.includes('-'));
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && !member.name.startsWith('#') && !(member.static && member.name === 'styles'),
          );
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/mocks/**', 'src/api/**', 'src/rules/**', 'src/i18n/**', 'src/reader/**', 'src/types/**', 'src/**/*.stories.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // The analyzer would otherwise rewrite package.json (its "customElements" field, and the whole
  // file's formatting with it).
  packagejson: false,
  plugins: [defineElementCalls(), publicApiOnly()],
};
