// The layers of docs/ARCHITECTURE.md as rules; `npm test` runs `depcruise src` and fails on any violation.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle ties files that should stand apart (type-only imports count too).', from: {}, to: { circular: true } },
    { name: 'text-is-a-leaf', severity: 'error', from: { path: '^src/text/' }, to: { path: '^src/(?!text/)' } },
    { name: 'api-core-names-no-provider', severity: 'error', comment: 'The API core is provider-neutral; the registry (modules.ts, registry.ts, profile.ts) lists the providers.',
      from: { path: '^src/api/[^/]+\\.ts$', pathNot: '^src/api/(modules|registry|profile)\\.ts$' },
      to: { path: ['^src/api/(modules|registry|profile)\\.ts$', '^src/api/(ionos-v1|ionos-v2|clickhouse|pgo)'] } },
    { name: 'provider-imports-no-other-provider', severity: 'error',
      from: { path: '^src/api/(ionos-v1|ionos-v2|clickhouse|pgo)/' },
      to: { path: '^src/api/(ionos-v1|ionos-v2|clickhouse|pgo)/', pathNot: '^src/api/$1/' } },
    { name: 'api-below-everything', severity: 'error', from: { path: '^src/api/' }, to: { path: '^src/(state|commands|tui|screens|components|forms|demo|fake|pg|diagnose|plan|app|cli|tui)' } },
    { name: 'plan-between-api-and-state', severity: 'error', comment: 'Plans (docs/plans.md) sit on the API core; they name no provider and know no store, screen or command.',
      from: { path: '^src/plan/' }, to: { path: ['^src/(state/(?!trusted-file)|commands|tui|screens|components|demo|fake|app|cli)', '^src/api/(ionos-v1|ionos-v2|clickhouse|pgo)'] } },
    { name: 'state-below-ui-and-commands', severity: 'error', from: { path: '^src/state/' }, to: { path: '^src/(commands|tui|screens|components|demo|app|cli)' } },
    { name: 'commands-never-load-the-ui', severity: 'error', from: { path: '^src/commands/' }, to: { path: '^src/(tui|screens|components|app)' } },
    { name: 'ui-does-not-import-commands', severity: 'error', comment: 'Shared presentation lives in src/present/.', from: { path: '^src/(tui|screens|components)/' }, to: { path: '^src/commands/' } },
    { name: 'components-do-not-import-the-shell', severity: 'error', from: { path: '^src/components/' }, to: { path: '^src/(tui|screens)/' } },
    { name: 'fakes-stand-alone', severity: 'error', from: { path: '^src/fake/' }, to: { path: '^src/', pathNot: ['^src/fake/', '^src/lifecycle\\.ts$', '^src/api/.*types\\.ts$', '^src/pg/driver\\.ts$'] } },
    { name: 'provider-fakes-stand-apart', severity: 'error',
      from: { path: '^src/fake/(ionos-v1|ionos-v2|clickhouse|pgo)/' },
      to: { path: '^src/fake/(ionos-v1|ionos-v2|clickhouse|pgo)/', pathNot: '^src/fake/$1/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
