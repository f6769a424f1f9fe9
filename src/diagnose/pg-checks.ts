// The checks that read Postgres itself (pg-facts.ts gathers what they judge; docs/diagnose.md has each one's
// thresholds and why).
import type { CheckDef, Verdict } from './types.js';
import { isMissing } from './types.js';
import type { HealthInput } from './input.js';
import type { PgFacts } from './pg-facts.js';
import { bytes, duration, pct, plural } from './format.js';

type Judged = ReturnType<CheckDef<HealthInput>['judge']>;
type Fine<K extends keyof PgFacts> = Exclude<PgFacts[K], { missing: string }>;

const level = (value: number, yellow: number, red: number): Verdict => (value >= red ? 'red' : value >= yellow ? 'yellow' : 'green');

/** A check over one Postgres fact (and the settings, when it needs them); unknown with the reason when either is missing. */
function pgCheck<K extends keyof PgFacts>(
  id: string,
  title: string,
  key: K,
  judge: (fact: Fine<K>, t: HealthInput['thresholds'], settings: Fine<'settings'> | undefined) => Judged,
): CheckDef<HealthInput> {
  return {
    id,
    title,
    source: 'postgres',
    judge(input, t) {
      const pg = input.pg;
      if (pg === undefined) return { verdict: 'unknown', evidence: 'not checked: no Postgres connection (password unknown)', action: '' };
      if (isMissing(pg)) return { verdict: 'unknown', evidence: `not checked: ${pg.missing}`, action: '' };
      const fact = pg[key];
      if (isMissing(fact)) return { verdict: 'unknown', evidence: `could not read: ${fact.missing}`, action: 'grant pg_monitor to the login pgtui uses, or raise diagnose.thresholds.statementTimeoutMs' };
      return judge(fact as Fine<K>, t, isMissing(pg.settings) ? undefined : pg.settings);
    },
  };
}

export const connectionsCheck = pgCheck('connections', 'Connections', 'activity', (a, t, s) => {
  if (!s) return { verdict: 'unknown', evidence: `${a.connections} connections; max_connections could not be read`, action: '' };
  const usable = Math.max(1, s.maxConnections - s.reservedConnections);
  const used = (100 * a.connections) / usable;
  const verdict = level(used, t.connectionsYellowPct, t.connectionsRedPct);
  return {
    verdict,
    evidence: `${a.connections} of ${usable} usable connections (${pct(used)}; max_connections ${s.maxConnections}, ${s.reservedConnections} reserved)`,
    action: verdict === 'green' ? '' : 'put a pooler (PgBouncer) in front, or find the client that leaks connections (pgtui activity NAME)',
    values: { connections: a.connections, maxConnections: s.maxConnections, reserved: s.reservedConnections, usedPct: Math.round(used * 10) / 10 },
  };
});

export const longQueryCheck = pgCheck('long-query', 'Longest running query', 'activity', (a, t) => {
  const q = a.longestQuery;
  if (!q) return { verdict: 'green', evidence: 'no query running', action: '', values: { seconds: 0 } };
  const verdict = level(q.seconds, t.queryYellowSeconds, t.queryRedSeconds);
  return { verdict, evidence: `pid ${q.pid} has run one query for ${duration(q.seconds)}`, action: verdict === 'green' ? '' : `look at pid ${q.pid} (pgtui activity NAME); cancel it if it is stuck`, values: { seconds: Math.round(q.seconds), pid: q.pid } };
});

export const longTransactionCheck = pgCheck('long-transaction', 'Longest open transaction', 'activity', (a, t) => {
  const x = a.longestTransaction;
  if (!x) return { verdict: 'green', evidence: 'no transaction open', action: '', values: { seconds: 0 } };
  const verdict = level(x.seconds, t.transactionYellowSeconds, t.transactionRedSeconds);
  return { verdict, evidence: `pid ${x.pid} has kept a transaction open for ${duration(x.seconds)} (it holds back vacuum)`, action: verdict === 'green' ? '' : `end pid ${x.pid}'s transaction (pgtui terminate NAME ${x.pid} if it is abandoned)`, values: { seconds: Math.round(x.seconds), pid: x.pid } };
});

export const idleInTransactionCheck = pgCheck('idle-in-transaction', 'Idle in transaction', 'activity', (a, t) => {
  const i = a.idleInTransaction;
  if (i.count === 0) return { verdict: 'green', evidence: 'no session idle in a transaction', action: '', values: { count: 0, seconds: 0 } };
  const verdict = level(i.seconds, t.idleInTransactionYellowSeconds, t.idleInTransactionRedSeconds);
  return {
    verdict,
    evidence: `${plural(i.count, 'session')} idle in a transaction, the oldest (pid ${i.pid}) for ${duration(i.seconds)}`,
    action: verdict === 'green' ? '' : 'fix the client that leaves transactions open; set idle_in_transaction_session_timeout',
    values: { count: i.count, seconds: Math.round(i.seconds), pid: i.pid ?? null },
  };
});

export const blockedCheck = pgCheck('blocked', 'Blocked sessions', 'activity', (a, t) => {
  const b = a.blocked;
  if (b.count === 0) return { verdict: 'green', evidence: 'no session waits for a lock held by another', action: '', values: { count: 0, seconds: 0 } };
  const verdict: Verdict = b.count >= t.blockedRedCount || b.seconds >= t.blockedRedSeconds ? 'red' : b.count >= t.blockedYellowCount ? 'yellow' : 'green';
  return { verdict, evidence: `${plural(b.count, 'session')} blocked, the longest for ${duration(b.seconds)}`, action: 'find the head blocker (pgtui locks NAME) and end its transaction', values: { count: b.count, seconds: Math.round(b.seconds) } };
});

export const wraparoundCheck = pgCheck('wraparound', 'Transaction ID wraparound', 'wraparound', (w, t, s) => {
  if (!s) return { verdict: 'unknown', evidence: `oldest age(datfrozenxid) ${w.age}; autovacuum_freeze_max_age could not be read`, action: '' };
  const ratio = w.age / Math.max(1, s.freezeMaxAge);
  const ofLimit = (100 * w.age) / 2 ** 31;
  const verdict: Verdict = ratio >= t.wraparoundRedRatio || ofLimit >= t.wraparoundRedPct ? 'red' : ratio >= t.wraparoundYellowRatio ? 'yellow' : 'green';
  return {
    verdict,
    evidence: `database ${w.database}: age(datfrozenxid) ${w.age.toLocaleString('en')} = ${ratio.toFixed(2)} × autovacuum_freeze_max_age (${s.freezeMaxAge.toLocaleString('en')}), ${pct(ofLimit)} of the wraparound limit`,
    action: verdict === 'green' ? '' : `VACUUM (FREEZE) in ${w.database}; end long transactions and drop stale slots that hold the xmin horizon`,
    values: { database: w.database, age: w.age, freezeMaxAge: s.freezeMaxAge, ratio: Math.round(ratio * 100) / 100 },
  };
});

export const hitRatioCheck = pgCheck('hit-ratio', 'Cache and index hit ratios', 'hits', (h, t) => {
  const heapTotal = h.heapHit + h.heapRead;
  const indexTotal = h.indexHit + h.indexRead;
  const heap = heapTotal > 0 ? (100 * h.heapHit) / heapTotal : 100;
  const index = indexTotal > 0 ? (100 * h.indexHit) / indexTotal : 100;
  const values = { cachePct: Math.round(heap * 100) / 100, indexPct: Math.round(index * 100) / 100, blocks: heapTotal };
  if (heapTotal < t.hitMinBlocks) return { verdict: 'green', evidence: `too little traffic to judge (${heapTotal} block reads since the statistics were reset)`, action: '', values };
  const judged = [heap, indexTotal >= t.hitMinBlocks ? index : 100];
  const worst = Math.min(...judged);
  const verdict: Verdict = worst < t.hitRedPct ? 'red' : worst < t.hitYellowPct ? 'yellow' : 'green';
  return {
    verdict,
    evidence: `cache hit ${pct(heap)} of ${heapTotal.toLocaleString('en')} block reads, index hit ${indexTotal > 0 ? pct(index) : '-'}`,
    action: verdict === 'green' ? '' : 'the working set does not fit in memory: a bigger size (more shared_buffers) or fewer full scans',
    values,
  };
});

export const replicationLagCheck = pgCheck('replication-lag', 'Replication lag', 'replication', (r, t) => {
  if (r.replayDelaySeconds !== null) {
    const verdict = level(r.replayDelaySeconds, t.replicationLagYellowSeconds, t.replicationLagRedSeconds);
    return { verdict, evidence: `standby: last replayed transaction ${duration(r.replayDelaySeconds)} ago`, action: verdict === 'green' ? '' : "check the primary's WAL sender and the network", values: { seconds: Math.round(r.replayDelaySeconds) } };
  }
  if (r.standbys.length === 0) return { verdict: 'green', evidence: 'no standby connected to this server', action: '', values: { standbys: 0 } };
  let worst: Verdict = 'green';
  let line = '';
  let worstBytes = 0;
  for (const s of r.standbys) {
    const v = [level(s.lagBytes ?? 0, t.replicationLagYellowBytes, t.replicationLagRedBytes), level(s.lagSeconds ?? 0, t.replicationLagYellowSeconds, t.replicationLagRedSeconds)];
    const sv = v.includes('red') ? 'red' : v.includes('yellow') ? 'yellow' : 'green';
    if ((s.lagBytes ?? 0) >= worstBytes || sv === 'red') {
      worstBytes = Math.max(worstBytes, s.lagBytes ?? 0);
      if (!line || sv !== 'green') line = `${s.name || '(unnamed)'} (${s.state}) ${s.lagBytes === null ? '?' : bytes(s.lagBytes)} behind${s.lagSeconds === null ? '' : `, ${duration(s.lagSeconds)}`}`;
    }
    if (sv === 'red' || (sv === 'yellow' && worst === 'green')) worst = sv;
  }
  return { verdict: worst, evidence: `${plural(r.standbys.length, 'standby', 'standbys')}; worst: ${line}`, action: worst === 'green' ? '' : "check the standby's disk and network; a lagging standby keeps WAL on the primary", values: { standbys: r.standbys.length, maxLagBytes: worstBytes } };
});

export const slotsCheck = pgCheck('replication-slots', 'Replication slots', 'slots', (slots, t) => {
  if (slots.length === 0) return { verdict: 'green', evidence: 'no replication slots', action: '', values: { slots: 0 } };
  const inactive = slots.filter((s) => !s.active);
  const lost = slots.filter((s) => s.walStatus === 'lost' || s.walStatus === 'unreserved');
  const heavy = inactive.filter((s) => (s.retainedBytes ?? 0) >= t.slotRetainedRedBytes);
  const retained = inactive.reduce((sum, s) => sum + (s.retainedBytes ?? 0), 0);
  const values = { slots: slots.length, inactive: inactive.length, retainedBytes: retained };
  if (inactive.length === 0 && lost.length === 0) return { verdict: 'green', evidence: `${plural(slots.length, 'slot')}, all active`, action: '', values };
  const names = (inactive.length ? inactive : lost).slice(0, 3).map((s) => `${s.name} (${s.retainedBytes === null ? s.walStatus ?? '?' : bytes(s.retainedBytes)})`).join(', ');
  const verdict: Verdict = heavy.length > 0 || lost.length > 0 ? 'red' : 'yellow';
  return {
    verdict,
    evidence: `${plural(inactive.length, 'inactive slot')} holding ${bytes(retained)} of WAL${lost.length ? `, ${lost.length} lost` : ''}: ${names}`,
    action: 'drop the slot if its consumer is gone (SELECT pg_drop_replication_slot(name)); WAL it holds fills the disk',
    values,
  };
});

export const sequencesCheck = pgCheck('sequences', 'Sequences near exhaustion', 'sequences', (fact, t) => {
  const seqs = fact.top;
  const top = seqs[0];
  const hidden = fact.unreadable > 0 ? ` (${plural(fact.unreadable, 'sequence')} this login may not read: GRANT SELECT ON ALL SEQUENCES IN SCHEMA … TO it)` : '';
  if (!top) return { verdict: fact.unreadable > 0 ? 'unknown' : 'green', evidence: `no sequence in use${hidden}`, action: '', values: { maxUsedPct: 0, unreadable: fact.unreadable } };
  const verdict = level(top.usedPct, t.sequenceYellowPct, t.sequenceRedPct);
  const near = seqs.filter((s) => s.usedPct >= t.sequenceYellowPct).length;
  return {
    verdict,
    evidence: `${top.name} at ${top.lastValue.toLocaleString('en')} of ${top.maxValue.toLocaleString('en')} (${pct(top.usedPct)} used)${near > 1 ? `; ${near} sequences over ${t.sequenceYellowPct}%` : ''}${hidden}`,
    action: verdict === 'green' ? '' : `move ${top.name} and its column to bigint before it runs out`,
    values: { sequence: top.name, maxUsedPct: Math.round(top.usedPct * 100) / 100, unreadable: fact.unreadable },
  };
});

export const vacuumCheck = pgCheck('vacuum-overdue', 'Vacuum overdue', 'vacuum', (tables, t) => {
  const over = tables.filter((x) => x.deadTuples >= t.vacuumMinDeadTuples && x.deadTuples > x.threshold * t.vacuumYellowRatio);
  if (over.length === 0) return { verdict: 'green', evidence: 'no table has more dead tuples than its autovacuum threshold', action: '', values: { tables: 0 } };
  const top = over.reduce((a, b) => (b.deadTuples / Math.max(1, b.threshold) > a.deadTuples / Math.max(1, a.threshold) ? b : a));
  const ratio = top.deadTuples / Math.max(1, top.threshold);
  const verdict: Verdict = ratio >= t.vacuumRedRatio ? 'red' : 'yellow';
  return {
    verdict,
    evidence: `${plural(over.length, 'table')} over the autovacuum threshold; worst ${top.table}: ${top.deadTuples.toLocaleString('en')} dead tuples, ${ratio.toFixed(1)} × its threshold (${Math.round(top.threshold).toLocaleString('en')}), last vacuum ${top.lastVacuum ?? 'never'}`,
    action: `VACUUM ${top.table}; then check why autovacuum falls behind (long transactions, autovacuum disabled on the table)`,
    values: { tables: over.length, table: top.table, deadTuples: top.deadTuples, ratio: Math.round(ratio * 10) / 10 },
  };
});

export const unusedIndexesCheck = pgCheck('unused-indexes', 'Unused indexes', 'unusedIndexes', (u, t) => {
  const big = u.indexes.filter((i) => i.bytes >= t.unusedIndexMinBytes);
  const since = u.statsSince ? ` since ${u.statsSince}` : ' since the statistics began';
  if (big.length === 0) return { verdict: 'green', evidence: `no unused index of ${bytes(t.unusedIndexMinBytes)} or more${since}`, action: '', values: { indexes: 0 } };
  const total = big.reduce((s, i) => s + i.bytes, 0);
  const verdict: Verdict = total >= t.unusedIndexRedBytes ? 'red' : 'yellow';
  return {
    verdict,
    evidence: `${plural(big.length, 'index', 'indexes')} never scanned${since}, ${bytes(total)} in all: ${big.slice(0, 3).map((i) => `${i.index} (${bytes(i.bytes)})`).join(', ')}`,
    action: 'check replicas and month-end jobs use none of them, then DROP INDEX CONCURRENTLY',
    values: { indexes: big.length, bytes: total },
  };
});

export const duplicateIndexesCheck = pgCheck('duplicate-indexes', 'Duplicate indexes', 'duplicateIndexes', (dups, t) => {
  if (dups.length === 0) return { verdict: 'green', evidence: 'no two indexes cover the same columns the same way', action: '', values: { groups: 0 } };
  const wasted = dups.reduce((s, d) => s + d.wastedBytes, 0);
  const verdict: Verdict = wasted >= t.duplicateIndexRedBytes ? 'red' : 'yellow';
  return {
    verdict,
    evidence: `${plural(dups.length, 'set')} of identical indexes, ${bytes(wasted)} wasted: ${dups.slice(0, 2).map((d) => d.indexes.join(' = ')).join('; ')}`,
    action: 'keep one index of each set and DROP INDEX CONCURRENTLY the others',
    values: { groups: dups.length, wastedBytes: wasted },
  };
});

export const statementsCheck = pgCheck('pg-stat-statements', 'pg_stat_statements', 'statements', (s, t) => {
  const values = { installed: s.installed, preloaded: s.preloaded };
  if (s.installed && s.preloaded !== false) return { verdict: 'green', evidence: `pg_stat_statements is installed${s.preloaded ? ' and loaded' : ''}`, action: '', values };
  if (s.preloaded === null) return { verdict: t.statementsMissing, evidence: 'pg_stat_statements is not installed in this database (whether it is loaded, this login may not see)', action: "CREATE EXTENSION pg_stat_statements (after adding it to shared_preload_libraries if it is not)", values };
  if (s.preloaded) return { verdict: t.statementsMissing, evidence: 'pg_stat_statements is loaded but not installed in this database', action: 'CREATE EXTENSION pg_stat_statements', values };
  return { verdict: t.statementsMissing, evidence: 'pg_stat_statements is not in shared_preload_libraries: no statement statistics', action: "add it to shared_preload_libraries (the provider's settings), restart, then CREATE EXTENSION pg_stat_statements", values };
});

export const PG_CHECKS: ReadonlyArray<CheckDef<HealthInput>> = [
  connectionsCheck, longQueryCheck, longTransactionCheck, idleInTransactionCheck, blockedCheck, wraparoundCheck, hitRatioCheck,
  replicationLagCheck, slotsCheck, sequencesCheck, vacuumCheck, unusedIndexesCheck, duplicateIndexesCheck, statementsCheck,
];
