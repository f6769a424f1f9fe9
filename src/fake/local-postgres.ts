// A throwaway PostgreSQL server for the demo and the end-to-end tests: initdb into a temp dir, listen on a
// free loopback port with SCRAM passwords and TLS, stop and delete everything afterwards.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface LocalPostgres {
  host: string;
  port: number;
  superuser: string;
  superPassword: string;
  dataDir: string;
  /** Runs SQL as the superuser through psql. */
  sql(query: string): Promise<string>;
  /** Creates a login role with a password and a database it owns. */
  addLogin(user: string, password: string, database: string): Promise<void>;
  /** Creates or updates logins in one psql run: the role gets the password, the database is created if missing. */
  ensureLogins(logins: Array<{ user: string; password: string; database: string }>): Promise<void>;
  stop(): Promise<void>;
}

/** Where the server binaries live: PATH, then Debian's /usr/lib/postgresql/<major>/bin (newest first). */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    for (const m of majors) dirs.push(join(root, m, 'bin'));
  }
  return dirs.find((d) => ['initdb', 'pg_ctl', 'postgres', 'psql'].every((b) => existsSync(join(d, b))));
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** initdb refuses to run as root; when we are root, run the server as `postgres` or `nobody`. */
function unprivilegedUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
  const entry = passwd.find((p) => p[0] === 'postgres') ?? passwd.find((p) => p[0] === 'nobody');
  if (!entry) throw new Error('running as root and no postgres/nobody user to run PostgreSQL as');
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

function run(cmd: string, args: string[], opts: RunAs & { env?: NodeJS.ProcessEnv; input?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { uid: opts.uid, gid: opts.gid, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd.split('/').pop()} exited ${code}: ${err.trim().split('\n').pop()}`))));
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
}

export async function startLocalPostgres(opts: StartOptions = {}): Promise<LocalPostgres> {
  const bin = opts.binDir ?? findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl, postgres) not found');
  const as = unprivilegedUser();
  const base = mkdtempSync(join(tmpdir(), 'pgtui-pg-'));
  chmodSync(base, 0o700);
  const dataDir = join(base, 'data');
  const superuser = 'pgtui_admin';
  const superPassword = `pgtui-${Math.random().toString(36).slice(2)}A1`;
  const pwfile = join(base, 'pw');
  writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
  if (as.uid !== undefined) {
    chownSync(base, as.uid, as.gid!);
    chownSync(pwfile, as.uid, as.gid!);
  }
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  await run(join(bin, 'initdb'), ['-D', dataDir, '-U', superuser, '-A', 'scram-sha-256', '--pwfile', pwfile, '-E', 'UTF8', '--no-sync'], { ...as, env });
  rmSync(pwfile);
  const port = await freePort();
  const conf = [`listen_addresses = '127.0.0.1'`, `port = ${port}`, `unix_socket_directories = '${base}'`, 'fsync = off', 'max_connections = 30', 'shared_buffers = 16MB'];
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
  await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', join(base, 'server.log'), '-w', '-t', '30', 'start'], { ...as, env });

  // The superuser password goes through a 0600 pgpass file, like every password pgtui hands to psql.
  const pgpass = join(base, 'pgpass');
  writeFileSync(pgpass, `127.0.0.1:${port}:*:${superuser}:${superPassword}\n`, { mode: 0o600 });
  const psqlEnv = { ...env, PGPASSFILE: pgpass, PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: superuser, PGDATABASE: 'postgres', PGSSLMODE: 'prefer' };
  const sql = (query: string) => run(join(bin, 'psql'), ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', query], { env: psqlEnv });
  const script = (text: string) => run(join(bin, 'psql'), ['-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-f', '-'], { env: psqlEnv, input: text });
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    superuser,
    superPassword,
    dataDir,
    sql,
    async ensureLogins(logins) {
      if (logins.length === 0) return;
      const lines: string[] = [];
      for (const { user, password, database } of logins) {
        lines.push(
          `SELECT format('CREATE ROLE %I LOGIN', ${lit(user)}) WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${lit(user)}) \\gexec`,
          `ALTER ROLE ${ident(user)} LOGIN PASSWORD ${lit(password)};`,
          `SELECT format('CREATE DATABASE %I OWNER %I', ${lit(database)}, ${lit(user)}) WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = ${lit(database)}) \\gexec`,
        );
      }
      await script(`${lines.join('\n')}\n`);
    },
    async addLogin(user, password, database) {
      await sql(`CREATE ROLE ${ident(user)} LOGIN PASSWORD ${lit(password)}`);
      await sql(`CREATE DATABASE ${ident(database)} OWNER ${ident(user)}`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], { ...as, env });
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
