// pgtui's side of the pg_activity side-by-side in bench/pg-refresh.ts: the activity screen alone, rendered by Ink
// (production React, the TUI's render options) into a real terminal (a tmux pane), on the bench's server, with
// its own 2 s refresh. The bench reads this process's CPU from /proc and its queries from pg_stat_statements.
// Connection from the environment: BENCH_PG_HOST, BENCH_PG_PORT, BENCH_PG_USER, BENCH_PG_PASSWORD.
import { render } from 'ink';
import type { ClusterStore } from '../src/state/types.js';
import { connectPg } from '../src/pg/session.js';
import { Activity } from '../src/screens/Activity.js';
import { StoreProvider } from '../src/tui/context.js';
import { PgProvider } from '../src/tui/pg-context.js';

const env = process.env;
const conn = { host: env.BENCH_PG_HOST, port: Number(env.BENCH_PG_PORT), database: 'postgres', user: env.BENCH_PG_USER, sslmode: 'disable' } as const;
const open = () => connectPg(conn, { password: env.BENCH_PG_PASSWORD });
const cluster = { profile: 'bench', provider: 'ionos-v2', id: 'c1', name: 'bench', phase: 'ready', state: 'AVAILABLE', version: '15', raw: {} } as const;
const width = process.stdout.columns || 160;
const height = process.stdout.rows || 40;

render(
  <StoreProvider store={{} as ClusterStore} profiles={{} as never}>
    <PgProvider open={open}>
      <Activity cluster={cluster} height={height} width={width} readOnly active onBack={() => {}} onHelp={() => {}} onQuit={() => process.exit(0)} copy={() => {}} />
    </PgProvider>
  </StoreProvider>,
  { exitOnCtrlC: false, patchConsole: true, incrementalRendering: true },
);
