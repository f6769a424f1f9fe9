// A command pgtui does not have, written as a new one would be (docs/ARCHITECTURE.md "Commands: one registration"):
// this file is what src/commands/register/hello.ts would hold. test/cli/new-command.test.ts adds it to the list.
import type { Wiring } from '../../../src/commands/register/wiring.js';

export const name = 'hello';

export function register({ program, action }: Wiring): void {
  program
    .command('hello <name|id>')
    .description('greet a cluster')
    .option('--loud', 'in capitals')
    .action(action(async (ctx, query: string, opts: { loud?: boolean }) => (await import('./hello-body.js')).hello(ctx, query, opts)));
}
