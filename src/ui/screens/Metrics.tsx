// `m` on a cluster's detail: a sparkline and the latest value per metric series the provider has (CPU, memory,
// connections, storage …). It refreshes every 30 s at the budget's watch priority, only while it is open.
import { Box, Text, type Key } from 'ink';
import { useEffect, useState } from 'react';
import type { MetricSeries } from '../../api/core/insight.js';
import { formatValue, sparkline } from '../../present/insight.js';
import { actionIn, back, help, MOVES, quit, range, refresh, type Binding } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import { useStore } from '../shell/context.js';
import { errorText } from '../../present/errors.js';
import { RANGES } from '../models/log-view.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { Unsupported, type InsideProps } from './inside-common.js';

/** The metrics screen's keys (its scope in the screen registry, src/ui/registry/screens.ts). */
export const METRICS_KEYS: readonly Binding[] = [...MOVES, back, refresh, range, help, quit];

/** The panel refreshes at most this often. */
export const METRICS_EVERY_MS = 30_000;

/** `refreshMs`: tests shorten it. */
export function Metrics(props: InsideProps & { refreshMs?: number }) {
  const store = useStore();
  return store.supports(props.cluster, 'metrics') ? <MetricsView {...props} /> : <Unsupported {...props} title="Metrics" capability="metrics" />;
}

function MetricsView({ cluster, height, width, readOnly, active, onBack, onHelp, onQuit, refreshMs = METRICS_EVERY_MS }: InsideProps & { refreshMs?: number }) {
  const store = useStore();
  const [range, setRange] = useState(1);
  const [series, setSeries] = useState<MetricSeries[]>();
  const [error, setError] = useState<string>();
  const [scroll, setScroll] = useState(0);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (poll: boolean) => {
      const to = Date.now();
      store.metrics(cluster, { from: new Date(to - RANGES[range]!.ms), to: new Date(to) }, { signal: ctrl.signal, poll }).then(
        (s) => {
          if (ctrl.signal.aborted) return;
          setSeries(s);
          setError(undefined);
        },
        (err: unknown) => !ctrl.signal.aborted && setError(errorText(err)),
      ).finally(() => {
        if (!ctrl.signal.aborted) timer = setTimeout(() => load(true), refreshMs);
      });
    };
    load(false);
    return () => {
      ctrl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [store, cluster.profile, cluster.id, range, reload, refreshMs]); // eslint-disable-line react-hooks/exhaustive-deps

  const rows = Math.max(1, height - 2);
  const all = series ?? [];
  useKeys((input: string, key: Key) => {
    switch (actionIn(METRICS_KEYS, input, key, readOnly)) {
      case 'down':
        return setScroll((s) => Math.min(s + 1, Math.max(0, all.length - rows)));
      case 'up':
        return setScroll((s) => Math.max(0, s - 1));
      case 'range':
        return setRange((r) => (r + 1) % RANGES.length);
      case 'refresh':
        return setReload((n) => n + 1);
      case 'back':
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
      default:
        return undefined;
    }
  }, active);

  const nameWidth = Math.min(28, all.reduce((w, s) => Math.max(w, oneLine(s.name, 40).length), 6));
  const sparkWidth = Math.max(8, Math.min(60, width - nameWidth - 16));
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Metrics · {forScreen(cluster.name)}</Text>
        <Text dimColor> · last {RANGES[range]!.label} · refreshes every {Math.round(refreshMs / 1000)} s while open</Text>
      </Text>
      {error ? <Text color="red" wrap="truncate">{oneLine(error)}</Text> : <Text dimColor>{series ? ' ' : 'loading…'}</Text>}
      {series && all.length === 0 ? <Text dimColor>no metrics in the last {RANGES[range]!.label}</Text> : null}
      {all.slice(scroll, scroll + rows).map((s) => {
        const values = s.points.map((p) => p.value);
        const last = values.length ? formatValue(values[values.length - 1]!, s.unit) : '-';
        return (
          <Text key={s.key} wrap="truncate">
            {oneLine(s.name, 40).padEnd(nameWidth).slice(0, nameWidth)}  <Text color="cyan">{sparkline(values, sparkWidth).padEnd(sparkWidth)}</Text>  {last}
          </Text>
        );
      })}
    </Box>
  );
}
