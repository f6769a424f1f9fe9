// `pgtui psql NAME [-- psql arguments]`: psql on a cluster, with the login pgtui keeps (src/psql/).
import { untilPostgres } from '../../pg/gate.js';
import type { Wiring } from './wiring.js';

export const name = 'psql';

export function register({ program, action }: Wiring): void {
  program
    .command('psql <name|id>')
    .description('open psql on a cluster; arguments after -- go to psql')
    .argument('[psqlArgs...]')
    .allowExcessArguments()
    .action(action(async (ctx, query: string, psqlArgs: string[]) => {
      const { psql } = await import('../psql.js');
      // Said to a person waiting at a terminal; a script's stderr gets nothing.
      await untilPostgres((line) => void (process.stderr.isTTY && process.stderr.write(`pgtui: ${line}\n`)));
      return psql(ctx, query, psqlArgs ?? []);
    }));
}
