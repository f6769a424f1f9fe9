// Bundles bench/activity-keys.tsx (production React, as the shipped bundle) and runs it: node bench/activity-keys.mjs [sessions]
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

const outfile = join(ROOT, 'bench/.cache/activity-keys.mjs');
await build({
  entryPoints: [join(ROOT, 'bench/activity-keys.tsx')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  alias: { 'react-devtools-core': join(ROOT, 'stubs/react-devtools-core.js') },
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
});
// Colours as in a terminal (the test stdout is no TTY): the cursor's line is drawn inverse, so each move is a new frame.
process.env.FORCE_COLOR ??= '2';
await import(pathToFileURL(outfile).href);
