// `H`: what `pgtui df`, `test` and `failover` print, inside the TUI: each volume and how full it is, whether each
// instance and endpoint answers, and the replicas a failover could promote. Each part is read only where the
// provider has it (Crunchy PGO); elsewhere one line says why.
import { Box, Text, type Key } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { Capability } from '../../api/core/capabilities.js';
import type { DiskUsage, FailoverTarget, ReachCheck } from '../../api/core/insight.js';
import type { Cluster } from '../../api/core/types.js';
import { actionIn, back, help, MOVES, quit, refresh, type Binding } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import { useStore } from '../shell/context.js';
import { errorText } from '../../present/errors.js';
import type { ClusterStore } from '../../state/types.js';
import { displayText, oneLine } from '../../text/safe.js';
import type { InsideProps } from './inside-common.js';

/** The health screen's keys (its scope in the screen registry, src/ui/registry/screens.ts). */
export const HEALTH_KEYS: readonly Binding[] = [...MOVES, back, refresh, help, quit];

type Line = { text: string; color?: 'red' | 'green' | 'yellow'; bold?: boolean; dim?: boolean };
type Loaded<T> = { value?: T; error?: string };

const GIB = 1024 ** 3;
const bytes = (n: number) => (n >= GIB ? `${(n / GIB).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`);

/** One read per part the provider has; `reload` reads them again. */
function usePart<T>(store: ClusterStore, cluster: Cluster, capability: Capability, read: (signal: AbortSignal) => Promise<T>, reload: number): Loaded<T> | undefined {
  const has = store.supports(cluster, capability);
  const [state, setState] = useState<Loaded<T>>({});
  useEffect(() => {
    if (!has) return;
    const ctrl = new AbortController();
    setState({});
    read(ctrl.signal).then(
      (value) => !ctrl.signal.aborted && setState({ value }),
      (err: unknown) => !ctrl.signal.aborted && setState({ error: errorText(err) }),
    );
    return () => ctrl.abort();
    // The cluster object changes on every poll; the part belongs to its id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [has, store, cluster.id, reload]);
  return has ? state : undefined;
}

function healthLines(cluster: Cluster, store: ClusterStore, disk?: Loaded<DiskUsage[]>, reach?: Loaded<ReachCheck[]>, failover?: Loaded<FailoverTarget[]>): Line[] {
  const out: Line[] = [];
  const part = <T,>(title: string, capability: Capability, loaded: Loaded<T[]> | undefined, none: string, each: (v: T) => Line) => {
    if (out.length) out.push({ text: ' ' });
    out.push({ text: title, bold: true });
    if (!loaded) out.push({ text: `  ${oneLine(store.unsupportedReason(cluster, capability))}`, color: 'yellow' });
    else if (loaded.error) out.push({ text: `  ${oneLine(loaded.error)}`, color: 'red' });
    else if (!loaded.value) out.push({ text: '  loading…', dim: true });
    else if (loaded.value.length === 0) out.push({ text: `  ${none}`, dim: true });
    else for (const v of loaded.value) out.push(each(v));
  };
  part('Disk use (pgtui df)', 'diskUsage', disk, 'no volumes reported (a cluster that is shut down has none mounted)', (d) => {
    const pct = d.capacityBytes > 0 ? Math.round((d.usedBytes / d.capacityBytes) * 100) : undefined;
    return { text: `  ${oneLine(d.volume, 40).padEnd(32)} ${d.kind.padEnd(10)} ${bytes(d.usedBytes).padStart(10)} of ${bytes(d.capacityBytes).padEnd(10)} ${pct === undefined ? '-' : `${pct}%`}`, color: pct !== undefined && pct >= 90 ? 'red' : undefined };
  });
  part('Reachability (pgtui test)', 'reachability', reach, 'nothing to test', (c) => ({
    text: `  ${(c.available ? 'UP' : 'DOWN').padEnd(5)} ${c.what.padEnd(9)} ${oneLine(c.role, 20).padEnd(10)} ${oneLine(c.name, 120)}`,
    color: c.available ? 'green' : 'red',
  }));
  part('Failover targets (pgtui failover)', 'failover', failover, 'no replica to fail over to', (t) => ({
    text: `  ${oneLine(t.name, 60).padEnd(32)} ${oneLine(t.status, 20).padEnd(12)} lag ${t.lagMB === undefined ? '-' : `${t.lagMB} MB`}  timeline ${t.timeline ?? '-'}  ${oneLine(t.node ?? '', 60)}`,
  }));
  return out;
}

export function Health({ cluster, height, width, active, onBack, onHelp, onQuit }: InsideProps) {
  const store = useStore();
  const [reload, setReload] = useState(0);
  const [scroll, setScroll] = useState(0);
  const disk = usePart(store, cluster, 'diskUsage', (s) => store.diskUsage(cluster, s), reload);
  const reach = usePart(store, cluster, 'reachability', (s) => store.reachability(cluster, s), reload);
  const failover = usePart(store, cluster, 'failover', (s) => store.failoverTargets(cluster, s), reload);
  const lines = useMemo(() => healthLines(cluster, store, disk, reach, failover), [cluster, store, disk, reach, failover]);
  const body = Math.max(1, height - 1);
  const last = Math.max(0, lines.length - body);
  const at = Math.min(scroll, last);
  useKeys((input: string, key: Key) => {
    const move = (to: number) => setScroll(Math.max(0, Math.min(last, to)));
    switch (actionIn(HEALTH_KEYS, input, key, true)) {
      case 'down':
        return move(at + 1);
      case 'up':
        return move(at - 1);
      case 'pageDown':
        return move(at + body - 1);
      case 'pageUp':
        return move(at - body + 1);
      case 'top':
        return move(0);
      case 'bottom':
        return move(last);
      case 'refresh':
        return setReload((n) => n + 1);
      case 'back':
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
    }
  }, active);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        Health · {displayText(cluster.name)}
      </Text>
      {lines.slice(at, at + body).map((l, i) => (
        <Text key={at + i} wrap="truncate" bold={l.bold} dimColor={l.dim} color={l.color}>
          {displayText(l.text.slice(0, Math.max(1, width)))}
        </Text>
      ))}
    </Box>
  );
}
