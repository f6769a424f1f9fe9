#!/usr/bin/env node
// The launcher. CommonJS (bin/package.json), because Node's ES module loader alone costs a few ms per start.
// `pgtui --version` is answered here before anything else loads. A one-shot command (`pgtui ls`, `get`, …) runs
// the bundle dist/oneshot.cjs, the rest the full dist/pgtui.cjs (route.js says which); both with V8's code cache
// (compile-cache.js; docs/startup.md).
'use strict';
const path = require('node:path');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (require('./route.js').isOneShot(args, process.env)) {
  require('./compile-cache.js').runCached(path.join(__dirname, '../dist/oneshot.cjs'));
} else {
  // undici (PGTUI_HTTP=undici; src/api/transport.ts) parses HTTP with a WebAssembly module that V8 recompiles in
  // the background with its optimising tier; a process cannot exit until that job is done (~200 ms after every
  // run that used it). The baseline tier is plenty.
  if (process.env.PGTUI_HTTP === 'undici') require('node:v8').setFlagsFromString('--liftoff-only');
  require('./compile-cache.js').runCached(path.join(__dirname, '../dist/pgtui.cjs'));
}
