// `I` on a cluster: what Postgres itself says, in three tabs (tab switches; one session, one query per refresh):
// replication (standbys with their lag, or the WAL receiver on a standby; slots with the WAL each retains,
// inactive ones marked), top statements (pg_stat_statements since the screen opened or since the last reset;
// the one line to enable it when missing) and vitals (connections, oldest transaction, wraparound, cache hit,
// database sizes, running vacuums). Refreshed every 2 s (z pauses).
import { Box, Text, type Key } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { moduleFor } from '../../api/registry.js';
import { TextViewer } from '../components/TextViewer.js';
import { useKeys } from '../input/use-keys.js';
import { formatAge, formatBytes, formatRatio, maskSqlSecrets } from '../../pg/format.js';
import { formatMs } from '../../present/insight.js';
import { loadReplication, type Replication } from '../../pg/replication.js';
import type { PgSession } from '../../pg/session.js';
import { sortStatements, type Statement, type StatementSort } from '../../pg/statements.js';
import { statementsSinceOpen, type StatementsView } from '../../pg/view.js';
import { loadVitals, type Vitals } from '../../pg/vitals.js';
import { displayText, forScreen, oneLine } from '../../text/safe.js';
import { copyToClipboard } from '../terminal/osc52.js';
import type { PgScreenProps } from './Activity.js';
import { PG_INFO_SCREEN_KEYS } from '../input/pg-keys.js';
import { actionIn } from '../input/keymap.js';
import { PasswordPrompt, PgStatus, usePgScreen } from './pg-common.js';

const TABS = ['Replication', 'Top statements', 'Vitals'] as const;
const SORTS: readonly StatementSort[] = ['total', 'mean', 'calls'];
/** Where the provider module has no wording of its own (the same line as `pgtui statements`). */
const ENABLE_HINT = 'CREATE EXTENSION pg_stat_statements; in this database, with pg_stat_statements in shared_preload_libraries';

type Info = { tab: 0; replication: Replication } | { tab: 1; statements: StatementsView } | { tab: 2; vitals: Vitals };
interface Line {
  text: string;
  color?: 'red' | 'yellow' | 'green';
  bold?: boolean;
  dim?: boolean;
  statement?: Statement;
}

const pad = (s: string, n: number) => oneLine(s, n).padEnd(n).slice(0, n);

export function replicationLines(r: Replication): Line[] {
  const out: Line[] = [{ text: `This server is a ${r.role}`, bold: true }];
  if (r.role === 'primary') {
    out.push({ text: `Standbys (pg_stat_replication): ${r.standbys.length}`, bold: true });
    if (!r.standbys.length) out.push({ text: '  no standby is connected', dim: true });
    else out.push({ text: `  ${'PID'.padStart(7)} ${pad('APPLICATION', 18)} ${pad('CLIENT', 18)} ${pad('STATE', 10)} ${pad('SYNC', 8)} ${'WRITE LAG'.padStart(16)} ${'FLUSH LAG'.padStart(16)} ${'REPLAY LAG'.padStart(16)}`, dim: true });
    for (const s of r.standbys) {
      const lag = (b?: number, ms?: number) => `${formatBytes(b)} ${formatAge(ms)}`.padStart(16);
      out.push({ text: `  ${String(s.pid).padStart(7)} ${pad(s.app ?? '-', 18)} ${pad(s.client ?? '-', 18)} ${pad(s.state ?? '-', 10)} ${pad(s.syncState ?? '-', 8)} ${lag(s.writeLagBytes, s.writeLagMs)} ${lag(s.flushLagBytes, s.flushLagMs)} ${lag(s.replayLagBytes, s.replayLagMs)}` });
    }
  } else {
    const w = r.receiver;
    out.push({ text: 'WAL receiver (pg_stat_wal_receiver)', bold: true });
    out.push(w ? { text: `  ${oneLine(w.status ?? '-', 20)} from ${oneLine(w.senderHost ?? '?', 80)}:${w.senderPort ?? '?'}  slot ${oneLine(w.slot ?? '-', 60)}  last message ${formatAge(w.lastMessageAgeMs)} ago` } : { text: '  no WAL receiver running', color: 'yellow' });
    out.push({ text: `  replay lag ${formatBytes(r.replayLagBytes)} · ${formatAge(r.replayLagMs)}` });
  }
  out.push({ text: ' ' }, { text: `Replication slots: ${r.slots.length}`, bold: true });
  if (!r.slots.length) out.push({ text: '  no replication slots', dim: true });
  for (const s of r.slots) {
    out.push({
      text: `  ${pad(s.name, 28)} ${pad(s.type ?? '-', 9)} ${pad(s.database ?? '', 14)} ${(s.active ? 'active' : 'INACTIVE').padEnd(9)} retains ${formatBytes(s.retainedBytes).padStart(10)}  ${oneLine(s.walStatus ?? '', 20)}`,
      color: s.active ? undefined : 'red',
    });
  }
  return out;
}

export function statementLines(v: StatementsView, sinceOpen: boolean, sort: StatementSort): Line[] {
  const list = sortStatements(sinceOpen ? v.sinceOpen.filter((s) => s.calls > 0) : v.sinceReset, sort);
  const window = sinceOpen ? `since the screen opened (${formatAge(Date.now() - v.openedAt)})` : `since the last reset${v.resetAt ? ` (${oneLine(v.resetAt, 40)})` : ''}`;
  const out: Line[] = [
    { text: `${list.length} statements ${window}, by ${sort} time`.replace('by calls time', 'by calls'), bold: true },
    { text: `${'TOTAL'.padStart(9)} ${'CALLS'.padStart(8)} ${'MEAN'.padStart(9)} ${'ROWS'.padStart(9)} ${'HIT'.padStart(9)} ${'READ'.padStart(9)}  QUERY`, dim: true },
  ];
  if (!list.length) out.push({ text: sinceOpen ? '  nothing ran since the screen opened (w: since the last reset)' : '  no statements recorded', dim: true });
  for (const s of list) {
    out.push({ text: `${formatMs(s.totalMs).padStart(9)} ${String(s.calls).padStart(8)} ${formatMs(s.meanMs).padStart(9)} ${String(s.rows).padStart(9)} ${String(s.sharedBlksHit).padStart(9)} ${String(s.sharedBlksRead).padStart(9)}  ${oneLine(maskSqlSecrets(s.query), 400)}`, statement: s });
  }
  return out;
}

export function vitalsLines(v: Vitals): Line[] {
  const used = v.maxConnections > 0 ? v.connections / v.maxConnections : 0;
  const o = v.oldestXact;
  const out: Line[] = [
    { text: `Connections      ${v.connections} of ${v.maxConnections} (${v.reservedConnections} reserved for superusers)`, color: used >= 0.9 ? 'red' : used >= 0.75 ? 'yellow' : undefined },
    { text: `Oldest xact      ${o ? `pid ${o.pid}, ${formatAge(o.ageMs)} (${oneLine(o.user ?? '?', 30)}, ${oneLine(o.state ?? '?', 30)}) ${oneLine(o.query ?? '', 200)}` : 'none open'}`, color: o?.ageMs !== undefined && o.ageMs > 3_600_000 ? 'yellow' : undefined },
    { text: `Wraparound       ${formatRatio(v.wraparound.ratio)} of autovacuum_freeze_max_age (${v.wraparound.age} of ${v.freezeMaxAge}, ${oneLine(v.wraparound.database ?? '-', 60)})`, color: v.wraparound.ratio >= 1 ? 'red' : v.wraparound.ratio >= 0.5 ? 'yellow' : undefined },
    { text: `Cache hit        ${formatRatio(v.cacheHitRatio)}`, color: v.cacheHitRatio !== undefined && v.cacheHitRatio < 0.9 ? 'yellow' : undefined },
    { text: ' ' },
    { text: `Databases: ${v.databases.length}`, bold: true },
    ...v.databases.map((d) => ({ text: `  ${pad(d.name, 30)} ${formatBytes(d.bytes).padStart(10)}  frozen xid age ${d.frozenAge ?? '-'}` })),
    { text: ' ' },
    { text: `Running vacuums: ${v.vacuums.length}`, bold: true },
    ...v.vacuums.map((x) => ({ text: `  pid ${x.pid}  ${oneLine(x.database ?? '', 30)} ${oneLine(x.relation ?? '?', 60)}  ${oneLine(x.phase ?? '', 40)}  ${formatRatio(x.scannedRatio)} scanned` })),
  ];
  return out;
}

export function PgInfo({ cluster, height, width, active, readOnly, onBack, onHelp, onQuit, say, copy = copyToClipboard }: PgScreenProps) {
  const [tab, setTab] = useState(0);
  const tabRef = useRef(0);
  const [statements] = useState(statementsSinceOpen);
  const [load] = useState(() => async (s: PgSession): Promise<Info> => {
    const t = tabRef.current;
    if (t === 0) return { tab: 0, replication: await loadReplication(s) };
    if (t === 1) return { tab: 1, statements: await statements(s) };
    return { tab: 2, vitals: await loadVitals(s) };
  });
  const pg = usePgScreen<Info>(cluster, load);
  const { state } = pg;
  const [sinceOpen, setSinceOpen] = useState(true);
  const [sort, setSort] = useState(0);
  const [cursor, setCursor] = useState(0);
  const [full, setFull] = useState<Statement>();
  const data = state.data?.tab === tab ? state.data : undefined;
  const lines = useMemo(() => {
    if (!data) return [];
    if (data.tab === 0) return replicationLines(data.replication);
    if (data.tab === 1) return statementLines(data.statements, sinceOpen, SORTS[sort]!);
    return vitalsLines(data.vitals);
  }, [data, sinceOpen, sort]);
  const body = Math.max(1, height - 3);
  const last = Math.max(0, lines.length - 1);
  const at = Math.min(cursor, last);
  const move = (to: number) => setCursor(Math.max(0, Math.min(last, to)));
  useKeys((input: string, key: Key) => {
    switch (actionIn(PG_INFO_SCREEN_KEYS, input, key, readOnly)) {
      case 'tab':
        tabRef.current = (tabRef.current + 1) % TABS.length;
        setTab(tabRef.current);
        setCursor(0);
        return void pg.view.refresh();
      case 'window':
        return setSinceOpen((v) => !v);
      case 'sort':
        return setSort((n) => (n + 1) % SORTS.length);
      case 'down':
        return move(at + 1);
      case 'up':
        return move(at - 1);
      case 'pageDown':
        return move(at + body);
      case 'pageUp':
        return move(at - body);
      case 'top':
        return move(0);
      case 'bottom':
        return move(last);
      case 'open':
        return lines[at]?.statement ? setFull(lines[at]!.statement) : undefined;
      case 'copyQuery':
        if (!lines[at]?.statement) return;
        copy(maskSqlSecrets(lines[at]!.statement!.query));
        return say?.('sent the statement to the terminal clipboard');
      case 'pause':
        return state.paused ? pg.view.resume() : pg.view.pause();
      case 'refresh':
        return void pg.view.refresh();
      case 'back':
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
    }
  }, active && !pg.asking && !full);

  if (pg.asking) return <PasswordPrompt user={cluster.name} active={active} onSubmit={pg.submitPassword} onCancel={pg.dismissPassword} />;
  if (full) return <TextViewer title={`Statement · ${forScreen(cluster.name, 80)}`} text={oneLine(maskSqlSecrets(full.query), 100_000)} height={height} width={width} active={active} onClose={() => setFull(undefined)} onCopy={() => copy(maskSqlSecrets(full.query))} />;
  const missing = state.problem === 'missing' && tab === 1;
  const start = Math.max(0, Math.min(at - Math.floor(body / 2), lines.length - body));
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Postgres · {forScreen(cluster.name, 80)} </Text>
        {TABS.map((t, i) => (
          <Text key={t} inverse={i === tab} dimColor={i !== tab}>
            {` ${t} `}
          </Text>
        ))}
        <Text dimColor> (tab)</Text>
      </Text>
      <PgStatus state={state} width={width} />
      {missing ? <Text color="yellow" wrap="truncate">{oneLine(moduleFor(cluster.provider).pgStatStatementsHint ?? ENABLE_HINT, width)}</Text> : null}
      {!data && !state.error ? <Text dimColor>loading…</Text> : null}
      {lines.slice(start, start + body).map((l, i) => (
        <Text key={start + i} wrap="truncate" bold={l.bold} dimColor={l.dim} color={l.color} inverse={tab === 1 && Boolean(l.statement) && start + i === at}>
          {displayText(l.text.slice(0, Math.max(10, width - 1)))}
        </Text>
      ))}
    </Box>
  );
}
