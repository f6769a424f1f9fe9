// Builds the single-file bundle that bin/pgtui.js runs. Type-checking is `tsc` (npm test), not this.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Ink, @alcalzone/ansi-tokenize and is-in-ci are patched on install (patches/, applied by patch-package from `npm ci`;
// docs/ink-patches.md), so the tests run the same Ink as this bundle. A bundle built from unpatched files fails.
const PATCHED = [
  { file: /[\\/]ink[\\/]build[\\/]output\.js$/, line: 'caches = outputCaches();' },
  { file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, line: 'function sameStyles(a, b) {' },
  { file: /[\\/]ink[\\/]build[\\/]log-update\.js$/, line: "cursorUp(previousVisible - 1 + (previousOutput.endsWith('\\n') ? 1 : 0))" },
  { file: /[\\/]is-in-ci[\\/]index\.js$/, line: 'const isInCi = false;' },
];
const verifyPatches = {
  name: 'verify-patches',
  setup(b) {
    const seen = new Set();
    for (const patch of PATCHED) {
      b.onLoad({ filter: patch.file }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes(patch.line)) throw new Error(`${args.path} is not patched ("${patch.line}" not found): run npm ci, see docs/ink-patches.md`);
        seen.add(patch);
        return { contents: text, loader: 'js' };
      });
    }
    b.onEnd((result) => {
      if (result.errors.length === 0 && seen.size !== PATCHED.length) throw new Error('a patched Ink file was not bundled; review scripts/build.mjs');
    });
  },
};
// Chunk names carry hashes: start from an empty dist so old chunks do not pile up.
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.PGTUI_NO_MINIFY !== '1', // PGTUI_NO_MINIFY=1: readable names for profiling (bench/profile-keys.mjs)
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  logLevel: 'warning',
};

// The one-shot bundle (bin/route.js sends `pgtui ls`, `get`, … here): the same src/cli.tsx as one CommonJS file,
// which bin/compile-cache.js runs with V8's code cache (ES modules get none on Node 20). What only the TUI,
// --demo and the undici transport load is left out: bin/pgtui.js runs those through dist/pgtui.mjs.
const INTERACTIVE_ONLY = /^(\.\/tui\/load|\.\/state\/store|\.\.\/demo\/start|\.\/transport-undici)\.js$/;
const leaveOut = {
  name: 'interactive-only',
  setup(b) {
    b.onResolve({ filter: INTERACTIVE_ONLY }, (args) => ({ path: args.path, namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      loader: 'js',
      contents: ['loadTui', 'createClusterStore', 'startDemo', 'undiciTransport']
        .map((name) => `export function ${name}() { throw new Error(${JSON.stringify(`${args.path} is not in the one-shot bundle (bin/route.js)`)}); }`)
        .join('\n'),
    }));
  },
};
await build({
  ...common,
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/oneshot.cjs',
  format: 'cjs',
  plugins: [leaveOut],
});

await build({
  absWorkingDir: root,
  // Split at the dynamic imports: `pgtui ls` compiles the CLI and the provider clients only, never Ink and
  // React (compiling the whole 2 MB bundle costs ~100 ms before the first line of code runs).
  entryPoints: { pgtui: 'src/cli.tsx' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  ...common,
  format: 'esm',
  alias: { 'react-devtools-core': './stubs/react-devtools-core.js' },
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
  plugins: [verifyPatches],
});
