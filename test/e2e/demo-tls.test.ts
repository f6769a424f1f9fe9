// `pgtui --demo psql` on a ClickHouse cluster: the fake's CA signs the demo PostgreSQL's certificate, so the
// real psql connects with sslmode=verify-full and TLS is on. Needs psql and the PostgreSQL server binaries.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresBin } from '../../src/fake/local-postgres.js';
import { findPsql } from '../../src/psql/launch.js';
import { ensureBuilt, runCli } from '../cli/helpers.js';

const psql = (() => {
  try {
    return findPsql(undefined);
  } catch {
    return undefined;
  }
})();
const READY = Boolean(psql && findPostgresBin());
if (!READY) console.warn('SKIPPED: no psql or PostgreSQL server binaries, so verify-full in the demo was not tested');

describe.runIf(READY)('demo psql with verified TLS', () => {
  it('connects to a ClickHouse demo cluster with sslmode=verify-full and the cached CA', async () => {
    ensureBuilt();
    // A psql in front of the real one that records its arguments.
    const dir = mkdtempSync(join(tmpdir(), 'pgtui-tls-'));
    const log = join(dir, 'argv');
    writeFileSync(join(dir, 'psql'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\nexec '${psql}' "$@"\n`);
    chmodSync(join(dir, 'psql'), 0o755);
    const r = await runCli(['--demo', 'psql', 'billing', '--', '-At', '-c', 'select ssl from pg_stat_ssl where pid = pg_backend_pid()'], {
      env: { PATH: `${dir}:${process.env.PATH}`, HOME: dir, LANG: 'C.UTF-8' },
      timeoutMs: 60_000,
    });
    expect(r.stderr).not.toMatch(/note:/);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('t');
    const argv = readFileSync(log, 'utf8');
    expect(argv).toMatch(/sslmode='verify-full'/);
    expect(argv).toMatch(/sslrootcert='[^']+\/ca\/demo-clickhouse-[0-9a-f]+\.pem'/);
  }, 90_000);
});
