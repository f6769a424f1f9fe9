// The body of test/cli/new-command/hello.ts: loaded only when the command runs (its registration import()s it).
import type { Context } from '../../../src/commands/context.js';

(globalThis as { helloBodyLoaded?: boolean }).helloBodyLoaded = true;

export function hello(_ctx: Context, query: string, opts: { loud?: boolean }): number {
  const line = `hello ${query}`;
  (globalThis as { helloSaid?: string }).helloSaid = opts.loud ? line.toUpperCase() : line;
  return 0;
}
