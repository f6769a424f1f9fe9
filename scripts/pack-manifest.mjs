// The package.json that goes into the tarball: without the `prepare` script, which only applies this repository's
// patches on `npm ci` (docs/ink-patches.md) and would make npm warn about install scripts for everyone installing
// the bundled package. `prepack` runs `strip` (after the build), `postpack` runs `restore`; a pack that died in
// between is repaired by the next `strip` or by `node scripts/pack-manifest.mjs restore`.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const backup = join(root, '.package.json.unpacked');
/** Scripts a user of the tarball must not run or be warned about. */
const DEV_ONLY = ['prepare'];

function restore() {
  if (existsSync(backup)) renameSync(backup, manifest);
}

function strip() {
  restore();
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  for (const name of DEV_ONLY) delete pkg.scripts?.[name];
  writeFileSync(backup, text);
  // Written beside it and renamed over it: package.json is never half-written.
  const next = `${manifest}.tmp`;
  writeFileSync(next, `${JSON.stringify(pkg, null, 2)}\n`);
  renameSync(next, manifest);
}

const command = process.argv[2];
if (command === 'strip') strip();
else if (command === 'restore') restore();
else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
