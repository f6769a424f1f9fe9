// Bundles bench/pg-refresh.ts (TypeScript, like the sources) and runs it: node bench/pg-refresh.mjs [sessions]
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

const outfile = join(ROOT, 'bench/.cache/pg-refresh.mjs');
await build({ entryPoints: [join(ROOT, 'bench/pg-refresh.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' } });
await import(pathToFileURL(outfile).href);
