// Architecture rules (issue #11), checked by `npm run lint`. Why each rule exists is in its comment;
// docs/decisions.md says why dependency-cruiser (not a hand-written checker) and Biome.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle means two parts cannot be read, tested or replaced apart.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'module-through-index',
      comment: "Server modules call each other through their index.ts (or, from tests, a module's testkit.ts); the rest of a module is private.",
      severity: 'error',
      from: { path: '^packages/server/src/modules/([^/]+)/' },
      to: {
        path: '^packages/server/src/modules/([^/]+)/',
        pathNot: ['^packages/server/src/modules/$1/', '^packages/server/src/modules/[^/]+/index\\.ts$', '^packages/server/src/modules/[^/]+/testkit\\.ts$'],
      },
    },
    {
      name: 'testkits-only-in-tests',
      comment: "A module's testkit is for tests, never for running code.",
      severity: 'error',
      from: { path: '^packages/server/src/', pathNot: ['\\.test\\.ts$', '/testkit\\.ts$', '^packages/server/src/testing/'] },
      to: { path: '/testkit\\.ts$' },
    },
    {
      name: 'platform-and-db-import-no-module',
      comment: 'platform/ and db/ are the floor every module stands on; they cannot know any module.',
      severity: 'error',
      from: { path: '^packages/server/src/(platform|db)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/server/src/modules/' },
    },
    {
      name: 'core-is-pure',
      comment: '@motcua/core runs in the browser and offline: no Node built-ins, no server, no web.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-no-app',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^packages/(server|web)/', pathNot: '^packages/server/data/' },
    },
    {
      name: 'web-imports-no-server',
      severity: 'error',
      comment: 'Tests may read the generated data files (packages/server/data), never server code.',
      from: { path: '^packages/web/' },
      to: { path: '^packages/server/', pathNot: '^packages/server/data/' },
    },
    {
      name: 'web-takes-only-types-from-the-contract',
      comment: 'The TypeBox schemas are server-side code; the browser needs only their types (no bundle cost).',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^(packages/core/src/api/|node_modules/@sinclair/typebox)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-apps-apart',
      comment:
        'The office and the field app share code with the portal through src/ (api/, form/, format/, ui/, dossier/), never by reaching into portal/; the portal knows neither.',
      severity: 'error',
      from: { path: '^packages/web/src/(office|field)/' },
      to: { path: '^packages/web/src/portal/' },
    },
    {
      name: 'portal-imports-no-back-office',
      comment: 'Citizens never download the office or the field app, and the portal must not depend on them.',
      severity: 'error',
      from: { path: '^packages/web/src/portal/' },
      to: { path: '^packages/web/src/(office|field)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|/dist/' },
    combinedDependencies: true,
  },
};
