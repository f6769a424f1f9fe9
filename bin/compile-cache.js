// Runs a CommonJS bundle with V8's code cache: Node 20 has no module.enableCompileCache (22.1+), so the bundle is
// compiled through vm.Script with the cached data of an earlier run, which skips most of the compile (~20 ms
// per `pgtui ls`; docs/startup.md). The cache is written once per bundle and Node version, after the first run
// (what that run compiled), into a directory only this user can write ($XDG_CACHE_HOME/pgtui or
// ~/.cache/pgtui, mode 0700). V8 rejects data that does not match the source, V8 version or flags; then the
// bundle compiles as usual and the cache is written again. PGTUI_NO_COMPILE_CACHE=1 turns it off.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const vm = require('node:vm');

function cacheDir() {
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : process.env.HOME && path.join(process.env.HOME, '.cache');
  return base ? path.join(base, 'pgtui') : undefined;
}

/** Our own regular file, not writable by others: anything else is not trusted as code. */
function readTrusted(file) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile() || (process.getuid && st.uid !== process.getuid()) || (st.mode & 0o022) !== 0) return undefined;
      return fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function writeCache(dir, file, data, prefix) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
    // Caches of older bundles or Node versions are never read again.
    for (const name of fs.readdirSync(dir)) if (name.startsWith(prefix) && path.join(dir, name) !== file && !name.includes('.tmp-')) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // a cache is only a speed-up
  }
}

/** Runs `bundle` (CommonJS) like require() would, with the code cache when there is one. */
function runCached(bundle) {
  let source;
  try {
    source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, ''); // a hashbang is valid only at the very start
  } catch (err) {
    process.stderr.write(`pgtui: cannot read ${bundle} (${err.code ?? err.message}); run npm run build\n`);
    process.exit(1);
  }
  const dir = process.env.PGTUI_NO_COMPILE_CACHE === '1' ? undefined : cacheDir();
  const st = fs.statSync(bundle);
  const prefix = `${path.basename(bundle)}-`;
  const file = dir && path.join(dir, `${prefix}${process.version}-${process.arch}-${st.size}-${Math.trunc(st.mtimeMs)}.v8cache`);
  const cachedData = file ? readTrusted(file) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    // At exit, so that the functions this run compiled are in the cache too.
    process.once('exit', () => writeCache(dir, file, script.createCachedData(), prefix));
  }
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
}

module.exports = { runCached };
