// Builds the single-file bundle that bin/pgtui.js runs. Type-checking is `tsc` (npm test), not this.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/pgtui.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  alias: { 'react-devtools-core': './stubs/react-devtools-core.js', 'is-in-ci': './stubs/is-in-ci.js' },
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
  logLevel: 'warning',
});
