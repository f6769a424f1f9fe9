// Launching psql on a cluster: finding the binary, arguments without the password, the password in a 0600
// PGPASSFILE that is already unlinked when psql starts (./env.ts), an environment without provider secrets,
// and a child that owns the terminal while pgtui ignores Ctrl-C. SIGTERM or SIGHUP to pgtui meanwhile goes on to
// psql; once psql is gone pgtui leaves through lifecycle.ts (terminal restored, exit 128+n).
import { spawn, type StdioOptions } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { passDirPrefix, psqlEnv, sweepStalePassDirs } from './env.js';
import { stopJob, untilStopped } from '../job-control.js';
import type { Cluster, ConnectionInfo } from '../api/core/types.js';
import { PROVIDER_LABELS } from '../api/registry.js';
import { atExit, exitWith, installProcessHandlers, intercept, signalCode } from '../lifecycle.js';
import type { ClusterStore, Settings } from '../state/types.js';
import { displayText, hasUnsafe } from '../text/safe.js';

import { PsqlError } from './error.js';

export { PsqlError };

export interface PsqlLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The unlinked password file, open for reading: psql inherits it as fd 3 (PGPASSFILE=/dev/fd/3). */
  passFd?: number;
  banner: string;
  cleanup(): Promise<void>;
}

export interface PsqlOptions {
  psqlPath?: string;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findPsql(psqlPath: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (psqlPath) {
    if (executable(psqlPath)) return psqlPath;
    throw new PsqlError(`psql not found at ${psqlPath} (the configured psqlPath)`, true);
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const p = join(dir, 'psql');
    if (executable(p)) return p;
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const major of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      const p = join(root, major, 'bin', 'psql');
      if (executable(p)) return p;
    }
  }
  throw new PsqlError('psql not found: install the PostgreSQL client or set psqlPath', true);
}

const CONNECTABLE = new Set(['ready', 'degraded']);

/** libpq's .pgpass escaping: backslash and colon. */
function pgpassField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
}

/** A libpq connection string with every value quoted; it never carries the password. */
function conninfo(conn: ConnectionInfo): string {
  const q = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const parts: Array<[string, string | number | undefined]> = [
    ['host', conn.host],
    ['port', conn.port],
    ['dbname', conn.database],
    ['user', conn.user],
    ['sslmode', conn.sslmode],
    ['sslrootcert', conn.sslrootcert],
    ['channel_binding', conn.channelBinding],
    ['application_name', 'pgtui'],
  ];
  return parts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${q(String(v))}`).join(' ');
}

export async function preparePsql(cluster: Cluster, conn: ConnectionInfo, opts: PsqlOptions = {}): Promise<PsqlLaunch> {
  const env = opts.env ?? process.env;
  if (!CONNECTABLE.has(cluster.phase)) throw new PsqlError(`${cluster.name} is ${cluster.phase} (${cluster.state}); psql needs a ready cluster`);
  if (conn.unreachableReason) throw new PsqlError(`${cluster.name}: ${conn.unreachableReason}`);
  if (!conn.host) throw new PsqlError(`${cluster.name} has no host to connect to yet`);
  // A line break in any of them would add a line to the PGPASSFILE below; no real host or name has one.
  if (hasUnsafe(`${conn.host}${conn.database}${conn.user ?? ''}`)) throw new PsqlError(`${cluster.name}: the provider sent a host, database or user with control characters; not connecting`);
  const command = findPsql(opts.psqlPath, env);

  let dir: string | undefined;
  let passFd: number | undefined;
  let forget = () => {};
  // Without provider credentials and PGPASSWORD (./env.ts).
  const childEnv = psqlEnv(env);
  if (conn.password) {
    sweepStalePassDirs();
    dir = mkdtempSync(passDirPrefix());
    const made = dir;
    // The password must not outlive pgtui however it ends (a signal, a crash).
    forget = atExit(() => rmSync(made, { recursive: true, force: true }));
    const file = join(dir, 'pgpass');
    const line = [conn.host, String(conn.port), conn.database || '*', conn.user || '*', conn.password].map((v, i) => (i === 4 ? pgpassField(v) : v === '*' ? v : pgpassField(v))).join(':');
    writeFileSync(file, `${line}\n`, { mode: 0o600 });
    childEnv.PGPASSFILE = file;
    if (process.platform === 'linux') {
      // Linux reopens a deleted file through /dev/fd: nothing is left on disk from here on.
      passFd = openSync(file, 'r');
      rmSync(dir, { recursive: true, force: true });
      dir = undefined;
      forget();
      forget = () => {};
      childEnv.PGPASSFILE = '/dev/fd/3';
    }
  }
  const args = [...(opts.extraArgs ?? []), conninfo(conn)];
  const who = conn.user ? ` as ${conn.user}` : '';
  return {
    command,
    args,
    env: childEnv,
    passFd,
    // Provider text: made safe here, where the banner is built for both writers below.
    banner: displayText(`psql → ${cluster.name} (${PROVIDER_LABELS[cluster.provider]}, ${cluster.profile})${who}; \\q to return`),
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (passFd !== undefined) closeSync(passFd);
      passFd = undefined;
      forget();
    },
  };
}

/** How long psql gets to end after a forwarded SIGTERM/SIGHUP before it is killed. */
const PSQL_GRACE_MS = 3_000;

/**
 * Runs psql on the inherited terminal. Ctrl-C and Ctrl-\ go to psql (it cancels the query); pgtui ignores them.
 * SIGTERM and SIGHUP are passed on to psql (it shares pgtui's process group, the terminal's foreground job, so
 * it is signalled by pid); when it has gone, pgtui exits with 128+n instead of resolving.
 */
export function spawnPsql(launch: PsqlLaunch): Promise<number> {
  installProcessHandlers();
  return new Promise((resolve, reject) => {
    const ignore = () => {};
    let ending: NodeJS.Signals | undefined;
    const release = intercept({
      signal(signal) {
        if (signal === 'SIGINT') return true;
        if (!ending) {
          ending = signal;
          child.kill(signal);
          setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), PSQL_GRACE_MS).unref();
        }
        return true;
      },
    });
    process.on('SIGQUIT', ignore);
    // Ctrl-Z stops psql and pgtui together (one job); pgtui stops only once psql has (job-control.ts).
    let finished = false;
    const onTstp = () => {
      process.off('SIGTSTP', onTstp);
      void untilStopped(child.pid ?? 0).then(() => {
        process.once('SIGCONT', () => {
          if (!finished) process.on('SIGTSTP', onTstp);
        });
        stopJob();
      });
    };
    process.on('SIGTSTP', onTstp);
    const done = () => {
      finished = true;
      release();
      process.off('SIGQUIT', ignore);
      process.off('SIGTSTP', onTstp);
    };
    const stdio: StdioOptions = launch.passFd === undefined ? 'inherit' : ['inherit', 'inherit', 'inherit', launch.passFd];
    const child = spawn(launch.command, launch.args, { stdio, env: launch.env });
    child.on('error', (err) => {
      done();
      reject(new PsqlError(`could not start psql: ${err.message}`, (err as NodeJS.ErrnoException).code === 'ENOENT'));
    });
    child.on('exit', (code, signal) => {
      done();
      // Never resolves then: whoever waits (the TUI hand-off) would take the terminal back on the way out.
      if (ending) return void exitWith(signalCode(ending));
      resolve(code ?? (signal ? signalCode(signal) : 1));
    });
  });
}

/** Fills in a host the list did not include (ClickHouse lists carry no hostname) before connecting. */
async function withHost(store: ClusterStore, cluster: Cluster): Promise<Cluster> {
  if (cluster.host) return cluster;
  try {
    return (await store.provider(cluster.profile)?.get(cluster.id)) ?? cluster;
  } catch {
    return cluster;
  }
}

/**
 * The function the TUI calls for `p`: the terminal is already handed over when it runs. With `configDir`, a
 * provider that publishes its CA gets a verify-full connection (./tls.ts); its note, if any, shows above psql.
 */
export function launchPsqlFor(store: ClusterStore, settings: Settings, configDir?: string): (cluster: Cluster) => Promise<number> {
  // The TUI starts here: what a killed pgtui left behind goes now, off the first frame's path.
  setImmediate(() => sweepStalePassDirs());
  return async (cluster) => {
    const provider = store.provider(cluster.profile);
    if (!provider) throw new PsqlError(`no provider for profile ${cluster.profile}`);
    const fresh = await withHost(store, cluster);
    let conn = provider.connection(fresh);
    if (configDir) {
      const { verifiedConnection } = await import('../pg/tls.js');
      const verified = await verifiedConnection(provider, fresh, conn, configDir);
      if (verified.note) process.stdout.write(`${displayText(verified.note)}\n`);
      conn = verified.conn;
    }
    const launch = await preparePsql(fresh, conn, { psqlPath: settings.psqlPath, extraArgs: settings.psqlArgs });
    try {
      process.stdout.write(`${launch.banner}\n`);
      return await spawnPsql(launch);
    } finally {
      await launch.cleanup();
    }
  };
}

/** psql is not told to run a command and end (-c, -f, -l, --help, --version). */
export function psqlIsInteractive(args: readonly string[]): boolean {
  return !args.some((a) => /^(-[cflV?]|--command|--file|--list|--help|--version)(=|$)/.test(a) || /^-[cf]./.test(a));
}

export async function connectCluster(cluster: Cluster, conn: ConnectionInfo, opts: PsqlOptions): Promise<number> {
  const launch = await preparePsql(cluster, conn, opts);
  try {
    // One-shot: psql ends in the shell, so there is nothing to return to; a psql told to run a command gets no banner.
    if (psqlIsInteractive(opts.extraArgs ?? [])) process.stderr.write(`${launch.banner.replace(/; \\q to return$/, '')}\n`);
    return await spawnPsql(launch);
  } finally {
    await launch.cleanup();
  }
}
