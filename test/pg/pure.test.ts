// The pure parts of the Postgres layer: the lock tree with several blockers per waiter and cycles, statement
// deltas across a reset, sslmode → TLS options, signal SQL and pid parsing, start-up options, formatting.
import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../../src/pg/activity.js';
import { groupOf } from '../../src/pg/activity.js';
import { clientConfig, DEFAULT_LIMITS, settingsSql, startupOptions, tlsOptions } from '../../src/pg/client-config.js';
import { formatAge, formatBytes } from '../../src/pg/format.js';
import { buildLockTree, type LockNode } from '../../src/pg/locks.js';
import { missingGrant } from '../../src/pg/privileges.js';
import { parsePid, signalSql } from '../../src/pg/signal.js';
import { statementDeltas, type Statement, type StatementsSample } from '../../src/pg/statements.js';

const row = (pid: number, blockedBy: number[] = []): SessionRow => ({ pid, group: blockedBy.length ? 'waiting' : 'idle in transaction', blockedBy });
const find = (nodes: readonly LockNode[], pid: number): LockNode | undefined => {
  for (const n of nodes) {
    if (n.pid === pid) return n;
    const inner = find(n.waiting, pid);
    if (inner) return inner;
  }
  return undefined;
};

describe('buildLockTree', () => {
  it('roots at head blockers and counts direct and transitive waiters', () => {
    const tree = buildLockTree([row(1), row(2, [1]), row(3, [2]), row(4, [1]), row(5)]);
    expect(tree.roots.map((r) => r.pid)).toEqual([1]);
    expect(tree.roots[0]).toMatchObject({ blocksDirect: 2, blocksTotal: 3 });
    expect(find(tree.roots, 2)).toMatchObject({ blocksDirect: 1, blocksTotal: 1 });
    expect(tree.waiters).toBe(3);
  });

  it('puts a waiter with two blockers under both, says so, and counts it once per head', () => {
    // 10 and 20 both hold what 30 wants; 40 waits for 30.
    const tree = buildLockTree([row(10), row(20), row(30, [10, 20]), row(40, [30])]);
    expect(tree.roots.map((r) => r.pid).sort()).toEqual([10, 20]);
    for (const head of tree.roots) {
      expect(head).toMatchObject({ blocksDirect: 1, blocksTotal: 2 });
      const w = head.waiting[0]!;
      expect(w.pid).toBe(30);
      expect(w.alsoBlockedBy).toEqual([head.pid === 10 ? 20 : 10]);
      expect(w.waiting.map((n) => n.pid)).toEqual([40]);
    }
  });

  it('counts a diamond once: a head whose waiters share a waiter', () => {
    const tree = buildLockTree([row(1), row(2, [1]), row(3, [1]), row(4, [2, 3])]);
    expect(tree.roots[0]).toMatchObject({ pid: 1, blocksDirect: 2, blocksTotal: 3 });
  });

  it('shows a cycle (a deadlock before the detector ends it) from its lowest pid, marked, without looping', () => {
    const tree = buildLockTree([row(7, [8]), row(8, [7])]);
    expect(tree.roots.map((r) => r.pid)).toEqual([7]);
    expect(tree.roots[0]!.waiting[0]!.pid).toBe(8);
    expect(tree.roots[0]!.waiting[0]!.waiting[0]).toMatchObject({ pid: 7, cycle: true, waiting: [] });
  });

  it('treats a blocker pgtui cannot see as a head', () => {
    const tree = buildLockTree([row(2, [99])]);
    expect(tree.roots.map((r) => r.pid)).toEqual([99]);
  });

  it('stays bounded with many waiters that each wait for many blockers', () => {
    const sessions = [...Array.from({ length: 50 }, (_, i) => row(i + 1)), ...Array.from({ length: 200 }, (_, i) => row(1000 + i, Array.from({ length: 50 }, (_, j) => j + 1)))];
    const tree = buildLockTree(sessions);
    const count = (nodes: readonly LockNode[]): number => nodes.reduce((n, x) => n + 1 + count(x.waiting), 0);
    expect(count(tree.roots)).toBeLessThanOrEqual(2_000 + 50);
    expect(tree.roots[0]!.blocksTotal).toBe(200);
  });
});

describe('groupOf', () => {
  it('waiting means active and blocked or on a heavyweight lock', () => {
    expect(groupOf('active', 'Lock', [])).toBe('waiting');
    expect(groupOf('active', 'IO', [5])).toBe('waiting');
    expect(groupOf('active', 'IO', [])).toBe('running');
    expect(groupOf('idle in transaction (aborted)', undefined, [])).toBe('idle in transaction');
    expect(groupOf(undefined, undefined, [])).toBe('idle');
  });
});

describe('statementDeltas', () => {
  const st = (key: string, calls: number, totalMs: number): Statement => ({ key, queryId: key, query: key, calls, totalMs, meanMs: totalMs / calls, rows: calls, sharedBlksHit: calls, sharedBlksRead: 0 });
  const sample = (...s: Statement[]): StatementsSample => ({ at: 0, statements: s });
  it('subtracts the baseline, drops statements that did not run, counts new ones and ones reset in between from zero', () => {
    const d = statementDeltas(sample(st('a', 15, 150), st('b', 5, 50), st('c', 2, 20), st('d', 3, 90)), sample(st('a', 10, 100), st('b', 5, 50), st('d', 8, 400)));
    expect(d.map((s) => [s.key, s.calls, s.totalMs, s.meanMs])).toEqual([
      ['a', 5, 50, 10],
      ['c', 2, 20, 10],
      ['d', 3, 90, 30],
    ]);
  });
});

describe('connection options', () => {
  const base = { host: 'db.example', port: 5432, database: 'app', user: 'u' };
  it('maps sslmode as libpq does', () => {
    const read = () => 'PEM';
    expect(tlsOptions({ ...base, sslmode: 'disable' }, read)).toBe(false);
    expect(tlsOptions({ ...base, sslmode: 'require' }, read)).toEqual({ rejectUnauthorized: false });
    expect(tlsOptions({ ...base, sslmode: 'require', sslrootcert: '/ca' }, read)).toMatchObject({ ca: 'PEM' });
    const full = tlsOptions({ ...base, sslmode: 'verify-full', sslrootcert: '/ca' }, read) as { ca: string; rejectUnauthorized: boolean; checkServerIdentity: (h: string, c: unknown) => Error | undefined };
    expect(full).toMatchObject({ ca: 'PEM', rejectUnauthorized: true });
    // The host checked is the cluster's, whatever name tls.connect passes.
    expect(full.checkServerIdentity('localhost', { subject: { CN: 'localhost' }, subjectaltname: 'DNS:localhost' })).toBeInstanceOf(Error);
    expect(full.checkServerIdentity('localhost', { subject: { CN: 'db.example' }, subjectaltname: 'DNS:db.example' })).toBeUndefined();
  });
  it('binds the channel when required, names the application, and bounds every query', () => {
    const c = clientConfig({ ...base, sslmode: 'require', channelBinding: 'require' }, DEFAULT_LIMITS, true);
    expect(c).toMatchObject({ enableChannelBinding: true, application_name: 'pgtui', options: '-c statement_timeout=5000 -c lock_timeout=1000 -c default_transaction_read_only=on' });
    expect(startupOptions(DEFAULT_LIMITS, false)).not.toContain('read_only');
    expect(settingsSql(DEFAULT_LIMITS, true)).toBe('SET statement_timeout = 5000; SET lock_timeout = 1000; SET default_transaction_read_only = on');
  });
});

describe('signals and grants', () => {
  it('shows the exact SQL and takes only plain positive pids', () => {
    expect(signalSql('terminate', 4242)).toBe('SELECT pg_terminate_backend(4242)');
    expect(() => signalSql('cancel', -1)).toThrow();
    expect(['12', ' 7 ', '0', '-3', '1e3', '12; DROP TABLE x', '99999999999'].map(parsePid)).toEqual([12, 7, undefined, undefined, undefined, undefined, undefined]);
  });
  it('names the GRANT with the user quoted as an identifier', () => {
    expect(missingGrant('pg_monitor', 'app"user')).toBe('to see every session and statement, run as an admin: GRANT pg_monitor TO "app""user";');
  });
  it('formats ages and sizes', () => {
    expect([950, 12_300, 312_000, 7_380_000, 3 * 86_400_000 + 7_200_000].map(formatAge)).toEqual(['950ms', '12s', '5m12s', '2h03m', '3d02h']);
    expect(formatBytes(16 * 1024 * 1024)).toBe('16.0 MiB');
  });
});
