/**
 * The boundaries of the tree (docs/ARCHITECTURE.md, "Layers"), checked on the resolved files, so an alias, a
 * relative path and a deep path are all caught alike. `npm run lint:deps` runs it; `npm run check` includes it.
 *
 * A package is a folder under apps/ or libs/; test/, bench/ and scripts/ are harnesses around them.
 * Libraries depend one way: contracts <- config <- persistence <- domain <- http <- apps.
 */
const LIB_ORDER = ['contracts', 'config', 'persistence', 'domain', 'http'];

/** libs/<name> may import only the libraries below it. */
const layerRules = LIB_ORDER.map((name, index) => ({
  name: `layer-${name}`,
  severity: 'error',
  comment: `libs/${name} may use only ${LIB_ORDER.slice(0, index).join(', ') || 'no other library'}`,
  from: { path: `^libs/${name}/` },
  to: { path: `^libs/(${LIB_ORDER.slice(index + 1).join('|') || '$^'})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'a library never imports an app: the rules live in libs/, the apps wire them',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-not-to-other-apps',
      severity: 'error',
      comment:
        "an app never imports another app's files; what two apps share lives in libs/. Only the launcher " +
        "(apps/server) assembles the other apps, through each app's public face (apps/<name>/src/index.ts)",
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/server/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'launcher-through-app-faces',
      severity: 'error',
      comment: 'the launcher (apps/server) takes another app only through its face, apps/<name>/src/index.ts',
      from: { path: '^apps/server/' },
      to: { path: '^apps/', pathNot: ['^apps/server/', '^apps/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'relative-import-leaves-package',
      severity: 'error',
      comment: 'a relative import stays inside its package; another package is reached by its @hs/* alias',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased'], pathNot: '^$1/$2/' },
    },
    ...layerRules,
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'an import that names no file (a typo, or a file that moved)',
      from: {},
      // The page scripts import the vendored Socket.IO client by its URL (/assets/vendor/...), served, not on disk.
      to: { couldNotResolve: true, pathNot: '^/assets/vendor/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
