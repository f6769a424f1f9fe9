// One cluster: every normalised field, the provider's own fields, connection info (password masked until
// revealed), the state timeline, backups and version upgrades where the provider has them.
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { type Backup, type Cluster, type ConnectionInfo } from '../../api/core/types.js';
import { PROVIDER_LABELS } from '../../api/registry.js';
import { detailLines } from '../../present/cluster-fields.js';
import { errorText } from '../../present/errors.js';
import { useStore } from '../shell/context.js';
import { useTimeline } from '../../state/hooks.js';
import { clusterKey, type ClusterHealth } from '../../state/types.js';
import { healthDetailLines } from '../../present/health-view.js';
import { VERDICT_COLORS } from '../../present/verdict.js';
import { PHASE_COLORS, sanitize } from '../../present/format.js';
import { tint } from '../components/form/colors.js';
import { displayText, MASK, maskSecrets } from '../../text/safe.js';

export interface ClusterDetailProps {
  cluster: Cluster;
  /** Its health verdict (the store's snapshot.health), when the store judges health. */
  health?: ClusterHealth;
  revealed: boolean;
  scroll: number;
  height: number;
  width: number;
  /** Reports how many lines there are, so the parent can clamp scrolling. */
  onLines?: (n: number) => void;
}

/**
 * Provider fields that may hold a secret are masked like the password: by the field's own name (maskSecrets, where
 * a tag's `key` is a name and its value is secret only when that name says so), or by a secret-named parent.
 */
const SECRET_KEY = /pass(word)?|secret|token|private.?key/i;
const isSecretPath = (path: string) => SECRET_KEY.test(path);

type Line = { text: string; color?: Parameters<typeof tint>[0]; bold?: boolean; dim?: boolean };

/** Flattens the provider's object into "a.b.c: value" lines. */
export function flatten(value: unknown, prefix = '', out: Array<[string, string]> = []): Array<[string, string]> {
  if (value === null || value === undefined) {
    if (prefix) out.push([prefix, String(value)]);
  } else if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out.push([prefix, '[]']);
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.push([prefix, '{}']);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix, String(value)]);
  }
  return out;
}

function useLazy<T>(load: (() => Promise<T>) | undefined, deps: unknown[]): { value?: T; error?: string } {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (value) => live && setState({ value }),
      (err: unknown) => live && setState({ error: errorText(err) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

const oneLineOf = (t: string) => t.replace(/\s+/g, ' ').slice(0, 300);

/**
 * The sslmode psql runs with: a provider that publishes its CA turns an unverified `require` into verify-full
 * (src/pg/tls.ts) — shown that way, with what happens when the CA cannot be fetched.
 */
function sslmodeAsRun(conn: ConnectionInfo, publishesCa: boolean): string {
  if (conn.sslmode === 'require' && !conn.sslrootcert && publishesCa) return "verify-full (the provider's CA; require if it cannot be fetched)";
  return conn.sslrootcert ? `${conn.sslmode} (CA ${conn.sslrootcert})` : conn.sslmode;
}

export function ClusterDetail({ cluster, health, revealed, scroll, height, width, onLines }: ClusterDetailProps) {
  const store = useStore();
  const provider = store.provider(cluster.profile);
  const timeline = useTimeline(store, clusterKey(cluster));
  const key = clusterKey(cluster);
  useEffect(() => store.watch?.(key), [store, key]); // kept fresh while open
  const backups = useLazy<Backup[]>(store.supports(cluster, 'backups') ? () => store.backups(cluster) : undefined, [cluster.id]);
  const upgrades = useLazy<string[]>(store.supports(cluster, 'upgrade') ? () => store.upgradeTargets(cluster) : undefined, [cluster.id]);
  // Read on every draw, not memoised on the cluster: a login learnt later (a reset, the demo's PostgreSQL coming
  // up) changes what the provider knows without changing the cluster.
  let conn;
  try {
    conn = provider?.connection(cluster);
  } catch {
    conn = undefined;
  }

  const lines = useMemo(() => {
    const out: Line[] = [];
    const field = (k: string, v: string | number | undefined) => v !== undefined && v !== '' && out.push({ text: `  ${k.padEnd(12)} ${sanitize(String(v))}` });
    out.push({ text: 'Cluster', bold: true });
    for (const [label, value] of detailLines(cluster)) field(label, value);
    if (cluster.stateMessage) out.push({ text: `  ${'message'.padEnd(12)} ${sanitize(cluster.stateMessage)}`, color: 'red' });
    out.push({ text: '' }, { text: 'Connection', bold: true });
    if (conn) {
      field('host', conn.host ?? '-');
      field('port', conn.port);
      field('database', conn.database);
      field('user', conn.user ?? '(unknown: psql will ask)');
      field('sslmode', sslmodeAsRun(conn, store.supports(cluster, 'verifiedTls')));
      if (conn.channelBinding) field('channel_binding', conn.channelBinding);
      field('password', conn.password ? (revealed ? conn.password : '•••••••• (x reveals)') : '(not known to pgtui: psql will ask)');
      if (conn.unreachableReason) out.push({ text: `  ${sanitize(conn.unreachableReason)}`, color: 'yellow' });
    } else out.push({ text: '  (no connection information)', dim: true });
    out.push({ text: '' }, { text: 'State timeline', bold: true });
    if (timeline.length === 0) out.push({ text: `  ${cluster.phase} (${cluster.state}) since pgtui started watching`, dim: true });
    for (const t of timeline) out.push({ text: `  ${new Date(t.at).toLocaleTimeString()}  ${t.from} (${sanitize(t.fromState)}) → ${t.to} (${sanitize(t.toState)})` });
    // The verdict itself is on the title line; the checks behind it here.
    if (health) out.push({ text: '' }, ...healthDetailLines(health));
    // The changes pgtui applied to this cluster, from the journal (docs/plans.md; :journal lists them all).
    const applied = (store.journal?.() ?? []).filter((e) => e.profile === cluster.profile && (e.cluster.id ? e.cluster.id === cluster.id : e.cluster.name === cluster.name)).slice(-10);
    for (const e of applied) out.push({ text: `  ${new Date(e.time).toLocaleTimeString()}  pgtui applied: ${sanitize(oneLineOf(e.summary))}${e.outcome === 'ok' ? '' : ` (error: ${sanitize(oneLineOf(e.error ?? ''))})`}`, color: e.outcome === 'ok' ? undefined : 'red' });
    if (store.supports(cluster, 'upgrade')) {
      out.push({ text: '' }, { text: 'Version upgrades', bold: true });
      if (upgrades.error) out.push({ text: `  ${sanitize(upgrades.error)}`, color: 'red' });
      else if (!upgrades.value) out.push({ text: '  loading…', dim: true });
      else out.push({ text: upgrades.value.length ? `  available: ${upgrades.value.map(sanitize).join(', ')} (e to upgrade)` : '  none available' });
    }
    if (store.supports(cluster, 'backups')) {
      out.push({ text: '' }, { text: 'Backups', bold: true });
      if (backups.error) out.push({ text: `  ${sanitize(backups.error)}`, color: 'red' });
      else if (!backups.value) out.push({ text: '  loading…', dim: true });
      else if (backups.value.length === 0) out.push({ text: '  none' });
      else for (const b of backups.value) out.push({ text: `  ${sanitize(b.id)}  ${b.earliestRecoveryTargetTime ? `from ${b.earliestRecoveryTargetTime}` : ''}${b.active ? '  active' : ''}${b.sizeMB !== undefined ? `  ${b.sizeMB} MB` : ''}` });
    }
    out.push({ text: '' }, { text: `${PROVIDER_LABELS[cluster.provider]} fields`, bold: true });
    for (const [k, v] of flatten(revealed ? cluster.raw : maskSecrets(cluster.raw))) {
      out.push({ text: `  ${sanitize(k)}: ${revealed ? sanitize(v) : isSecretPath(k) || v === MASK ? '••••••••' : sanitize(v)}` });
    }
    return out;
  }, [cluster, health, conn, revealed, timeline, store, upgrades, backups]);

  useEffect(() => {
    onLines?.(lines.length);
  }, [lines.length, onLines]);
  const body = Math.max(1, height - 1);
  const start = Math.max(0, Math.min(scroll, lines.length - body));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>{sanitize(cluster.name)}</Text>
        {'  '}
        <Text color={tint(PHASE_COLORS[cluster.phase])}>
          {cluster.phase} ({sanitize(cluster.state)})
        </Text>
        {health ? <Text color={tint(VERDICT_COLORS[health.verdict])}>  health {health.verdict.toUpperCase()}</Text> : null}
        {lines.length > body ? <Text dimColor>  lines {start + 1}–{Math.min(lines.length, start + body)} of {lines.length}</Text> : null}
      </Text>
      {/* An empty Text takes no row in Ink: blank separators are drawn as one space so the window holds `body` rows. */}
      {lines.slice(start, start + body).map((l, i) => (
        <Text key={start + i} wrap="truncate" bold={l.bold} dimColor={l.dim} color={l.color ? tint(l.color) : undefined}>
          {/* Every line is made safe here as well, so a field added above cannot reach the terminal raw. */}
          {displayText(l.text.slice(0, Math.max(0, width))) || ' '}
        </Text>
      ))}
    </Box>
  );
}
