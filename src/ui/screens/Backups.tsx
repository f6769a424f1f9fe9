// `b`: the cluster's backups (where its API lists them) and restore — from the selected backup (`R`) or to a point
// in time (`T`), each confirmed by typing the cluster's name. Where the provider restores into a new cluster
// (ClickHouse), the status line names it and the list shows it at once (src/state/store-intents.ts restore).
import { Box, Text, type Key } from 'ink';
import { useEffect, useState } from 'react';
import type { Backup, RestoreRequest } from '../../api/core/types.js';
import { ConfirmTyped } from '../components/ConfirmTyped.js';
import { LineInput } from '../components/LineInput.js';
import { actionIn, back, ch, help, MOVES, quit, refresh, type Binding } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import { useStore } from '../shell/context.js';
import { errorText } from '../../present/errors.js';
import { displayText, oneLine } from '../../text/safe.js';
import type { InsideProps } from './inside-common.js';

/** The backups screen's keys (its scope in the screen registry, src/ui/registry/screens.ts). */
export const BACKUPS_KEYS: readonly Binding[] = [
  ...MOVES, back, refresh,
  { action: 'restore', keys: 'R', help: 'backups: restore from the selected backup (type the name to confirm)', writes: true, hint: 'restore', capability: 'restore', priority: 1, match: ch('R') },
  { action: 'restoreTime', keys: 'T', help: 'backups: restore to a point in time (RFC 3339)', writes: true, hint: 'restore to time', capability: 'restore', priority: 2, match: ch('T') },
  help, quit,
];

/** RFC 3339 with an offset or Z, as every provider's API takes it; the UTC form, or undefined when it is not one. */
function restoreTime(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(t) || Number.isNaN(Date.parse(t))) return undefined;
  return new Date(Date.parse(t)).toISOString().replace('.000Z', 'Z');
}

const describe = (req: RestoreRequest) => (req.backupId ? `from backup ${req.backupId}` : `to ${req.targetTime}`);

type Step = { kind: 'list' } | { kind: 'time'; text: string; error?: string } | { kind: 'confirm'; req: RestoreRequest };

export function Backups({ cluster, height, width, readOnly, active, onBack, onHelp, onQuit, say, busy }: InsideProps) {
  const store = useStore();
  const listed = store.supports(cluster, 'backups');
  const [backups, setBackups] = useState<{ value?: Backup[]; error?: string }>({});
  const [reload, setReload] = useState(0);
  const [cursor, setCursor] = useState(0);
  const [step, setStep] = useState<Step>({ kind: 'list' });
  useEffect(() => {
    if (!listed) return;
    const ctrl = new AbortController();
    setBackups({});
    store.backups(cluster, ctrl.signal).then(
      (all) => !ctrl.signal.aborted && setBackups({ value: [...all].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')) }),
      (err: unknown) => !ctrl.signal.aborted && setBackups({ error: errorText(err) }),
    );
    return () => ctrl.abort();
    // The cluster object changes on every poll; its id is what the list belongs to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, cluster.id, listed, reload]);

  const rows = backups.value ?? [];
  const selected = rows[Math.min(cursor, rows.length - 1)];
  /** Asks for the typed name, unless the provider cannot restore this cluster (said in one line instead). */
  const ask = (req: RestoreRequest) => (store.supports(cluster, 'restore') ? setStep({ kind: 'confirm', req }) : say?.(store.unsupportedReason(cluster, 'restore'), true));
  const run = (req: RestoreRequest) => {
    const done = store.restore(cluster, req).then((c) =>
      c.id === cluster.id ? `${cluster.name}: restore ${describe(req)} sent; it is ${c.phase}` : `${cluster.name}: restore ${describe(req)} sent, into the new cluster ${c.name}`,
    );
    if (busy) busy(`restoring ${cluster.name} ${describe(req)}…`, done);
    else done.then((text) => say?.(text), (err: unknown) => say?.(errorText(err), true));
    onBack();
  };

  useKeys((input: string, key: Key) => {
    switch (actionIn(BACKUPS_KEYS, input, key, readOnly)) {
      case 'down':
        return setCursor((c) => Math.min(c + 1, Math.max(0, rows.length - 1)));
      case 'up':
        return setCursor((c) => Math.max(0, c - 1));
      case 'top':
        return setCursor(0);
      case 'bottom':
        return setCursor(Math.max(0, rows.length - 1));
      case 'refresh':
        return setReload((n) => n + 1);
      case 'restore':
        return selected ? ask({ backupId: selected.id }) : say?.(listed ? `${cluster.name} has no backup to restore from` : 'no backup list here: T restores to a point in time', true);
      case 'restoreTime':
        return store.supports(cluster, 'restore') ? setStep({ kind: 'time', text: '' }) : say?.(store.unsupportedReason(cluster, 'restore'), true);
      case 'back':
        return onBack();
      case 'help':
        return onHelp();
      case 'quit':
        return onQuit();
    }
  }, active && step.kind === 'list');

  const title = (
    <Text bold wrap="truncate">
      Backups · {displayText(cluster.name)}
    </Text>
  );
  if (step.kind === 'confirm') {
    return (
      <Box flexDirection="column">
        {title}
        <ConfirmTyped title={`Restore ${cluster.name} ${describe(step.req)}? Where the provider restores in place, the data written since is lost.`} expected={cluster.name}
          untouched="nothing was restored" onConfirm={() => run(step.req)} onCancel={() => setStep({ kind: 'list' })} />
      </Box>
    );
  }
  const body = Math.max(1, height - 4);
  const idWidth = Math.min(38, Math.max(2, ...rows.map((b) => oneLine(b.id, 38).length)));
  const first = Math.max(0, Math.min(cursor - body + 1, rows.length - body));
  return (
    <Box flexDirection="column">
      {title}
      {!listed ? <Text color="yellow" wrap="truncate">{oneLine(store.unsupportedReason(cluster, 'backups'))}</Text> : null}
      {listed && backups.error ? <Text color="red" wrap="truncate">{oneLine(backups.error)}</Text> : null}
      {listed && !backups.value && !backups.error ? <Text dimColor>loading…</Text> : null}
      {listed && backups.value?.length === 0 ? <Text>no backups</Text> : null}
      {rows.length > 0 ? <Text dimColor wrap="truncate">{'  '}{'ID'.padEnd(idWidth)} {'CREATED'.padEnd(20)} {'RECOVERABLE FROM'.padEnd(20)} SIZE</Text> : null}
      {rows.slice(first, first + body).map((b, i) => (
        <Text key={b.id} wrap="truncate" inverse={first + i === cursor}>
          {displayText(`${first + i === cursor ? '❯ ' : '  '}${oneLine(b.id, 38).padEnd(idWidth)} ${oneLine(b.createdAt ?? '-', 20).padEnd(20)} ${oneLine(b.earliestRecoveryTargetTime ?? '-', 20).padEnd(20)} ${b.sizeMB === undefined ? '-' : `${b.sizeMB} MB`}`).slice(0, Math.max(1, width))}
        </Text>
      ))}
      {step.kind === 'time' ? (
        <Box flexDirection="column">
          <Text>Restore {displayText(cluster.name)} to a point in time (RFC 3339, e.g. {new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z')}):</Text>
          <LineInput prompt="› " value={step.text} onChange={(text) => setStep({ kind: 'time', text })} onCancel={() => setStep({ kind: 'list' })}
            onSubmit={(text) => {
              const at = restoreTime(text);
              setStep(at ? { kind: 'confirm', req: { targetTime: at } } : { kind: 'time', text, error: `${oneLine(text, 60)} is not an RFC 3339 time such as 2026-11-30T08:00:00Z` });
            }} />
          {step.error ? <Text color="red" wrap="truncate">{step.error}</Text> : null}
        </Box>
      ) : null}
    </Box>
  );
}
