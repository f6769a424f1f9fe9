// Builds the single-file bundle that bin/pgtui.js runs. Type-checking is `tsc` (npm test), not this.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { LAUNCHER_WRAPPER } = createRequire(import.meta.url)('../bin/compile-cache.js');

// Ink, @alcalzone/ansi-tokenize, is-in-ci, string-width and slice-ansi are patched on install (patches/, applied by patch-package from `npm ci`;
// docs/ink-patches.md), so the tests run the same Ink as this bundle. A bundle built from unpatched files fails.
const PATCHED = [
  // #1, #6: fewer objects per frame, #7: a row built once for the same writes
  { file: /[\\/]ink[\\/]build[\\/]output\.js$/, line: ['caches = outputCaches();', 'new Array(this.width).fill(blankCell)', 'this.caches.rows.get(key)'] },
  { file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, line: ['function sameStyles(a, b) {', 'styles ??= [...codes];'] },
  { file: /[\\/]ink[\\/]build[\\/]log-update\.js$/, line: "cursorUp(previousVisible - 1 + (previousOutput.endsWith('\\n') ? 1 : 0))" },
  { file: /[\\/]is-in-ci[\\/]index\.js$/, line: 'const isInCi = false;' },
  { file: /[\\/]ink[\\/]build[\\/]ansi-tokenizer\.js$/, line: ['c1ControlCharacterRegex.test(text)', 'nextControlCharacterRegex.exec(text)'] },
  // Text measuring without Intl.Segmenter on the first frame (docs/ink-patches.md #5).
  { file: /[\\/]string-width[\\/]index\.js$/, line: 'const simple = simpleWidth(string, eastAsianWidthOptions);' },
  { file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, line: 'for (const { segment, index } of graphemes(str)) {' },
  { file: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, line: 'graphemeSegmenter ??= new Intl.Segmenter(' },
];
const verifyPatches = {
  name: 'verify-patches',
  setup(b) {
    const seen = new Set();
    for (const patch of PATCHED) {
      b.onLoad({ filter: patch.file }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        for (const line of [patch.line].flat()) {
          if (!text.includes(line)) throw new Error(`${args.path} is not patched ("${line}" not found): run npm ci, see docs/ink-patches.md`);
        }
        seen.add(patch);
        return { contents: text, loader: 'js' };
      });
    }
    b.onEnd((result) => {
      if (result.errors.length === 0 && seen.size !== PATCHED.length) throw new Error('a patched Ink file was not bundled; review scripts/build.mjs');
    });
  },
};
// zod's namespace re-exports every locale (~265 KB of a ~1 MB one-shot bundle, read from the code cache on every
// start); pgtui's messages are English, set by zod itself from locales/en.js, and it never picks another locale.
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' }));
  },
};
// commander requires child_process at its top (~1.5 ms of every start) only to run `git-style` executable
// subcommands, which pgtui has none of: the module loads if that code path is ever reached.
const COMMANDER_CHILD = [
  "const childProcess = require('node:child_process');",
  "let childProcessModule;\nconst childProcess = { spawn: (...args) => (childProcessModule ??= require('node:child_process')).spawn(...args) };",
];
const commanderLazyChild = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(COMMANDER_CHILD[0])) throw new Error(`${args.path}: its child_process require was not found; review scripts/build.mjs for this commander version`);
      return { contents: text.replace(COMMANDER_CHILD[0], COMMANDER_CHILD[1]), loader: 'js' };
    });
  },
};
// Start from an empty dist: nothing from an older build (such as its chunks) stays behind.
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.PGTUI_NO_MINIFY !== '1', // PGTUI_NO_MINIFY=1: readable names for profiling (bench/profile-keys.mjs)
  // bin/compile-cache.js wraps the bundle like Node's own CommonJS loader does.
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  logLevel: 'warning',
};

// The trusted-file reader/writer alone (src/files/trusted-file.ts), for the launcher's code cache
// (bin/compile-cache.js), which runs before either bundle: the same code that guards the config and secrets.
await build({ ...common, entryPoints: ['src/files/trusted-file.ts'], outfile: 'dist/trusted-file.cjs', format: 'cjs' });

// The Postgres driver (src/pg/driver.ts: node-postgres and pgpass) is a file of its own, dist/pg-driver.cjs, that
// both bundles require only when a session opens (docs/postgres.md): `ls` and the TUI's first frame never read it.
const pgDriverApart = {
  name: 'pg-driver-apart',
  setup(b) {
    const driver = join(root, 'src', 'pg', 'driver.js');
    // A stub that requires the file at run time: an import() would be left as one, which bin/compile-cache.js's
    // vm.Script cannot run.
    b.onResolve({ filter: /driver\.js$/ }, (args) => (resolve(args.resolveDir, args.path) === driver ? { path: 'pg-driver', namespace: 'pg-driver' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'pg-driver' }, () => ({ loader: 'js', contents: "module.exports = require('./pg-driver.cjs');" }));
    b.onResolve({ filter: /^\.\/pg-driver\.cjs$/ }, () => ({ path: './pg-driver.cjs', external: true }));
  },
};
await build({
  ...common,
  entryPoints: ['src/pg/driver.ts'],
  outfile: 'dist/pg-driver.cjs',
  format: 'cjs',
  // pg's optional native binding; pgtui never asks for it.
  external: ['pg-native'],
});

// yaml (~115 KB of the one-shot bundle) is only for `-o yaml` and the raw view, both of which import() it: it is
// a file of its own, dist/yaml.cjs, required then, so that no start reads, checks and compiles it for nothing.
await build({ ...common, entryPoints: ['yaml'], outfile: 'dist/yaml.cjs', format: 'cjs' });
const yamlApart = {
  name: 'yaml-apart',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) => (args.kind === 'dynamic-import' ? { path: 'yaml', namespace: 'yaml-apart' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'yaml-apart' }, () => ({ loader: 'js', contents: "module.exports = require('./yaml.cjs');" }));
    b.onResolve({ filter: /^\.\/yaml\.cjs$/ }, () => ({ path: './yaml.cjs', external: true }));
  },
};

// The one-shot bundle (bin/route.js sends `pgtui ls`, `get`, … here): the same src/cli.tsx as one CommonJS file,
// which bin/compile-cache.js runs with V8's code cache (ES modules get none on Node 20). What only the TUI,
// --demo and the undici transport load is left out: bin/pgtui.js runs those through dist/pgtui.cjs.
const INTERACTIVE_ONLY = /^(\.\/ui\/terminal\/load|\.\/state\/store|\.\.\/demo\/start|\.\/transport-undici)\.js$/;
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
  plugins: [leaveOut, pgDriverApart, yamlApart, englishOnly, commanderLazyChild],
});

// The full bundle (the TUI, --demo, the undici transport, and every command too), also CommonJS so that it gets
// V8's code cache (~90 ms less CPU before the first frame; docs/startup.md). Two things in Ink's dependencies
// are ES-module-only: yoga-layout's top-level `await loadYoga()` (replaced by stubs/yoga-layout.js, which
// src/ui/terminal/load.ts waits for) and Ink's React DevTools hook (below, never on in pgtui's build).
const INK_DEVTOOLS = [
  ["await import('./devtools.js');", 'void 0;'],
  ['? await loadPackageJson()', '? undefined'],
];
const noInkDevtools = {
  name: 'no-ink-devtools',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      for (const [from, to] of INK_DEVTOOLS) {
        if (!text.includes(from)) throw new Error(`${args.path}: "${from}" not found; review scripts/build.mjs for this Ink version`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};
// yoga's Emscripten loader turns its embedded WebAssembly from base64 into bytes with a loop over a 72 KB string,
// ~7 ms of the first frame's CPU in a cold interpreter; Node's own base64 decoder does it in well under 1 ms.
const YOGA_DECODE = [
  'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
  "var d=new Uint8Array(Buffer.from(a.slice(37),'base64'))",
];
const yogaDecode = {
  name: 'yoga-decode',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(YOGA_DECODE[0])) throw new Error(`${args.path}: its base64 decoding was not found; review scripts/build.mjs for this yoga-layout version`);
      return { contents: text.replace(YOGA_DECODE[0], YOGA_DECODE[1]), loader: 'js' };
    });
  },
};
await build({
  ...common,
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/pgtui.cjs',
  format: 'cjs',
  alias: { 'react-devtools-core': './stubs/react-devtools-core.js', 'yoga-layout': './stubs/yoga-layout.js' },
  plugins: [verifyPatches, noInkDevtools, yogaDecode, pgDriverApart, yamlApart, englishOnly, commanderLazyChild],
});

// bin/compile-cache.js runs both bundles as the body of a CommonJS module function. Written here already wrapped,
// so that each start compiles the file's text as read, instead of a second copy (~0.7 MB, ~2 MB) made by
// joining the wrapper around it; the hashbang goes, as it is valid only at the very start of a file.
for (const file of ['dist/oneshot.cjs', 'dist/pgtui.cjs']) {
  const path = join(root, file);
  const text = (await readFile(path, 'utf8')).replace(/^#!.*\n/, '');
  await writeFile(path, `${LAUNCHER_WRAPPER}${text}\n})`);
}
