// Builds the single-file bundle that bin/pgtui.js runs. Type-checking is `tsc` (npm test), not this.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Two hot spots of Ink's frame rendering at 5,000 clusters, patched at bundle time (same output, less work).
// A patch whose text is no longer found fails the build, so a dependency upgrade cannot drop one silently.
const FAST_STYLED_CHARS_TO_STRING = `
function sameStyles(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  return true;
}
export function styledCharsToString(chars) {
  let ret = "";
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (i === 0) {
      if (char.styles.length > 0) ret += ansiCodesToString(char.styles);
    } else if (!sameStyles(chars[i - 1].styles, char.styles)) {
      ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
    }
    ret += char.value;
    if (i === chars.length - 1 && char.styles.length > 0) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return ret;
}
`;
const PATCHES = [
  {
    // Ink tokenizes every styled line of every frame again (its caches live for one frame). Moving the cursor
    // changes two rows; caches kept across frames (bounded) make the other rows free.
    file: /[\\/]ink[\\/]build[\\/]output\.js$/,
    from: 'caches = new OutputCaches();',
    to: 'caches = outputCaches();',
    append: `\nlet sharedCaches;\nfunction outputCaches() {\n  if (!sharedCaches || sharedCaches.styledChars.size > 4000 || sharedCaches.widths.size > 4000) sharedCaches = new OutputCaches();\n  return sharedCaches;\n}\n`,
  },
  {
    // Turning each screen row back into a string diffs the styles of every pair of neighbouring cells (three
    // Sets per cell); neighbours with equal styles, most of a row, need no diff.
    file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    from: 'export function styledCharsToString(chars) {',
    to: 'function styledCharsToStringUnused(chars) {',
    append: FAST_STYLED_CHARS_TO_STRING,
  },
  {
    // Ink's incremental rendering moves the cursor back to the frame's top one line short when the previous
    // frame ended with a newline (every frame shorter than the terminal does), so each frame landed a line lower.
    file: /[\\/]ink[\\/]build[\\/]log-update\.js$/,
    from: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
    to: "buffer.push(ansiEscapes.cursorUp(previousVisible - 1 + (previousOutput.endsWith('\\n') ? 1 : 0)));",
    append: '',
  },
];
const patchDependencies = {
  name: 'patch-dependencies',
  setup(b) {
    for (const patch of PATCHES) {
      b.onLoad({ filter: patch.file }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes(patch.from)) throw new Error(`${args.path} changed: "${patch.from}" not found; review scripts/build.mjs`);
        return { contents: text.replace(patch.from, patch.to) + patch.append, loader: 'js' };
      });
    }
  },
};
// Chunk names carry hashes: start from an empty dist so old chunks do not pile up.
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // Split at the dynamic imports: `pgtui ls` compiles the CLI and the provider clients only, never Ink and
  // React (compiling the whole 2 MB bundle costs ~100 ms before the first line of code runs).
  entryPoints: { pgtui: 'src/cli.tsx' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.PGTUI_NO_MINIFY !== '1', // PGTUI_NO_MINIFY=1: readable names for profiling (bench/profile-keys.mjs)
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  alias: { 'react-devtools-core': './stubs/react-devtools-core.js', 'is-in-ci': './stubs/is-in-ci.js' },
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
  plugins: [patchDependencies],
  logLevel: 'warning',
});
