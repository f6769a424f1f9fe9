// The layers of docs/ARCHITECTURE.md as rules; `npm test` runs `depcruise src` and fails on any violation.
// The API core is src/api/core/; the registry files are src/api/{modules,registry,profile}.ts; each provider is its
// folder src/api/<kind>/ (IONOS v1 and v2 share src/api/ionos-shared/).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle ties files that should stand apart (type-only imports count too).', from: { pathNot: '^src/fake/' }, to: { circular: true } },
    { name: 'no-circular-in-fakes', severity: 'error', comment: "A fake's route modules are typed against their own server class (a type-only cycle); a runtime cycle is an error.",
      from: { path: '^src/fake/' }, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    { name: 'text-is-a-leaf', severity: 'error', from: { path: '^src/text/' }, to: { path: '^src/(?!text/)' } },
    { name: 'api-core-names-no-provider', severity: 'error', comment: 'The API core (src/api/core/) is provider-neutral; the registry (modules.ts, registry.ts, profile.ts) lists the providers.',
      from: { path: '^src/api/core/' },
      to: { path: ['^src/api/(modules|registry|profile)\\.ts$', '^src/api/(?!core/)[^/]+/'] } },
    { name: 'api-files-in-their-folders', severity: 'error', comment: 'Only the registry files sit loose in src/api/; the rest is the core or a provider folder.',
      from: { path: '^src/' }, to: { path: '^src/api/[^/]+\\.ts$', pathNot: '^src/api/(modules|registry|profile)\\.ts$' } },
    { name: 'provider-imports-no-other-provider', severity: 'error',
      from: { path: '^src/api/(ionos-v1|ionos-v2|clickhouse|pgo)/' },
      to: { path: '^src/api/(ionos-v1|ionos-v2|clickhouse|pgo)/', pathNot: '^src/api/$1/' } },
    { name: 'api-below-everything', severity: 'error', from: { path: '^src/api/' }, to: { path: '^src/(state|commands|ui|forms|demo|fake|pg|diagnose|plan|cli)' } },
    { name: 'plan-between-api-and-state', severity: 'error', comment: 'Plans (docs/plans.md) sit on the API core; they name no provider and know no store, screen or command.',
      from: { path: '^src/plan/' }, to: { path: ['^src/(state|commands|ui|demo|fake|cli)', '^src/api/(ionos-v1|ionos-v2|clickhouse|pgo)'] } },
    { name: 'state-below-ui-and-commands', severity: 'error', from: { path: '^src/state/' }, to: { path: '^src/(commands|ui|demo|cli)' } },
    { name: 'commands-never-load-the-ui', severity: 'error', from: { path: '^src/commands/' }, to: { path: '^src/ui/' } },
    { name: 'command-bodies-load-lazily', severity: 'error', comment: 'A command body is an import() where it is registered (src/commands/register/), so `pgtui ls` loads no other command.',
      from: { path: ['^src/cli\\.tsx$', '^src/commands/register/'] },
      to: { path: '^src/commands/', pathNot: '^src/commands/(register/|context\\.ts$|exit-codes\\.ts$)', dependencyTypesNot: ['dynamic-import', 'type-import', 'type-only'] } },
    { name: 'ui-does-not-import-commands', severity: 'error', comment: 'Shared presentation lives in src/present/.', from: { path: '^src/ui/' }, to: { path: '^src/commands/' } },
    { name: 'components-do-not-import-the-shell', severity: 'error', comment: 'Components draw what they are given; the shell, the registry and the screens use them, never the other way.',
      from: { path: '^src/ui/components/' }, to: { path: '^src/ui/(shell|screens|registry|app)' } },
    { name: 'ui-parts-below-the-shell', severity: 'error', comment: 'Input, models, hooks and terminal code know no screen and no shell (the registry and the shell put them together).',
      from: { path: '^src/ui/(input|models|hooks|terminal)/' }, to: { path: '^src/ui/(shell|screens|registry|app)' } },
    { name: 'fakes-stand-alone', severity: 'error', from: { path: '^src/fake/' }, to: { path: '^src/', pathNot: ['^src/fake/', '^src/lifecycle\\.ts$', '^src/api/.*types\\.ts$', '^src/api/[^/]+/wire\\.ts$', '^src/pg/driver\\.ts$'] } },
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
