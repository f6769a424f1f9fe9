// Which bundle a run needs (bin/pgtui.js): a one-shot command goes to dist/oneshot.cjs, which leaves out Ink,
// React, the demo and undici; everything else (the TUI, --demo, the undici transport) to the full dist/pgtui.cjs.
// Both are built from src/cli.tsx and answer every command the same way; this choice is only about speed.
'use strict';

/** Global options that take a value (src/cli.tsx; test/cli/launcher.test.ts checks the list against --help). */
const VALUE_OPTIONS = ['--profile', '--config-dir'];

/** The first word that is not an option or an option's value: the command, if any. */
function commandOf(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return undefined;
    if (!a.startsWith('-')) return a;
    if (VALUE_OPTIONS.includes(a)) i++;
  }
  return undefined;
}

function isOneShot(args, env) {
  return commandOf(args) !== undefined && !args.includes('--demo') && env.PGTUI_HTTP !== 'undici';
}

module.exports = { VALUE_OPTIONS, commandOf, isOneShot };
