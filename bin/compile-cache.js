// Runs a CommonJS bundle with V8's code cache: Node 20 has no module.enableCompileCache (22.1+), so the bundle is
// compiled through vm.Script with the cached data of an earlier run, which skips most of the compile (~20 ms
// per `pgtui ls`; docs/startup.md). PGTUI_NO_COMPILE_CACHE=1 turns it off.
//
// V8 does not check the payload of cached data in this build (a damaged file crashes the process) and checks
// only the source's length, so the file is guarded here, through the trusted-file reader/writer
// (src/files/trusted-file.ts, bundled as dist/trusted-file.cjs):
// - one file per install: named by a checksum of the bundle's path, so two installs never evict each other;
// - sealed with a CRC-32 over the bundle's checksum, Node version and architecture, and the data: a damaged
//   or truncated file, or one made for another bundle (an upgrade that kept size and mtime), is ignored and
//   written anew. Checksums rather than SHA-256: node:crypto alone costs ~3 ms of every start
//   (src/text/hash.ts), and this guards against accidents, not against someone who can write the user's files;
// - read only if it is the user's own 0600 regular file, not a symlink, in the user's own 0700 directory;
//   written through an O_EXCL|O_NOFOLLOW temp file renamed into place. A directory that is not the user's own
//   is not used at all.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const vm = require('node:vm');

/** What a CommonJS module's body runs in, as Node's own loader wraps it. */
const LAUNCHER_WRAPPER = '(function (exports, require, module, __filename, __dirname) {';

/** A cache file bigger than this is not one pgtui wrote (the full bundle's is ~3 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

function cacheDir(env) {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative value is ignored. So is a relative HOME.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'pgtui');
  return env.HOME && path.isAbsolute(env.HOME) ? path.join(env.HOME, '.cache', 'pgtui') : undefined;
}

function loadTrusted(bundle) {
  try {
    return require(path.join(path.dirname(bundle), 'trusted-file.cjs'));
  } catch {
    return undefined; // no cache rather than no pgtui
  }
}

/** Runs `bundle` (CommonJS) like require() would, with the code cache when there is one. */
function runCached(bundle) {
  let bytes;
  try {
    bytes = fs.readFileSync(bundle);
  } catch (err) {
    process.stderr.write(`pgtui: cannot read ${bundle} (${err.code ?? err.message}); run npm run build\n`);
    process.exit(1);
  }
  // scripts/build.mjs writes the bundles wrapped already; anything else is wrapped here.
  const text = bytes.toString('utf8');
  const source = text.startsWith(LAUNCHER_WRAPPER) ? text : `${LAUNCHER_WRAPPER}${text.replace(/^#!.*/, '')}\n})`;
  const dir = process.env.PGTUI_NO_COMPILE_CACHE === '1' ? undefined : cacheDir(process.env);
  const trusted = dir && loadTrusted(bundle);
  let file;
  let key;
  let cachedData;
  if (trusted) {
    file = path.join(dir, `${path.basename(bundle)}-${trusted.checksum(path.resolve(bundle))}.v8cache`);
    key = `${trusted.checksum(bytes)} ${bytes.length} ${process.version} ${process.arch}`;
    try {
      // A directory that is not the user's own is not used at all, neither read nor written.
      if (fs.existsSync(dir) && trusted.untrustedDir(dir)) file = undefined;
      const sealed = file && trusted.readTrusted(file, { maxBytes: MAX_CACHE_BYTES });
      cachedData = sealed ? trusted.unseal(sealed, key) : undefined;
    } catch {
      cachedData = undefined; // a foreign, too open or linked file: replaced below
    }
  }
  const script = new vm.Script(source, { filename: bundle, cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    // At exit, so that the functions this run compiled are in the cache too.
    process.once('exit', () => {
      try {
        trusted.writeTrusted(file, trusted.seal(script.createCachedData(), key), { sync: false });
        // Caches named the old ways (by Node version, size and mtime; by a 24-digit SHA-256 of the path, sealed
        // with SHA-256) are never read again.
        const legacy = new RegExp(`^${path.basename(bundle).replace(/\./g, '\\.')}-(v\\d+\\.\\d+\\.\\d+-.*|[0-9a-f]{24})\\.v8cache$`);
        for (const name of fs.readdirSync(dir)) if (legacy.test(name)) fs.rmSync(path.join(dir, name), { force: true });
      } catch {
        // a cache is only a speed-up
      }
    });
  }
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
}

module.exports = { runCached, cacheDir, LAUNCHER_WRAPPER };
