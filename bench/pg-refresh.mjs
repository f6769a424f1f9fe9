// Bundles bench/pg-refresh.ts and pgtui's side of the pg_activity side-by-side (bench/pg-activity-screen.tsx,
// production React, as the shipped bundle) and runs it: node bench/pg-refresh.mjs [sessions]
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' } };
const outfile = join(ROOT, 'bench/.cache/pg-refresh.mjs');
await build({ ...common, entryPoints: [join(ROOT, 'bench/pg-refresh.ts')], outfile });
await build({
  ...common,
  entryPoints: [join(ROOT, 'bench/pg-activity-screen.tsx')],
  outfile: join(ROOT, 'bench/.cache/pg-activity-screen.mjs'),
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  alias: { 'react-devtools-core': join(ROOT, 'stubs/react-devtools-core.js') },
});
await import(pathToFileURL(outfile).href);
