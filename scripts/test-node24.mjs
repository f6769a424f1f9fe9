// npm run test:node24 [-- vitest args]: the suite on Node 24 (the current LTS) beside our floor, Node 20.
// Node 24 comes from npm (the `node` package, a prebuilt binary), installed once into node_modules/.cache/node24;
// the build and vitest then run on it, so every spawned pgtui (process.execPath) is Node 24 too.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const prefix = join(ROOT, 'node_modules/.cache/node24');
const node = join(prefix, 'node_modules/.bin/node');
if (!existsSync(node)) {
  console.error('installing node@24 into node_modules/.cache/node24 …');
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 'node@24'], { stdio: 'inherit' });
}
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
if (!version.startsWith('v24.')) throw new Error(`expected Node 24 in ${prefix}, found ${version}`);
console.error(`running on Node ${version}`);
const run = (args) => spawnSync(node, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH: `${join(prefix, 'node_modules/.bin')}:${process.env.PATH}` } }).status ?? 1;
let code = run([join(ROOT, 'scripts/build.mjs')]);
if (code === 0) code = run([join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)]);
process.exit(code);
