// What the Postgres screens share (docs/postgres.md, "Screens"): the view (one session, a refresh every 2 s,
// pause), the password asked once (masked, memory only), the status line (unreachable, missing right, paused),
// and the confirmation of cancel / terminate with the exact SQL and the result per pid.
import { Box, Text } from 'ink';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { useKeys } from '../input/use-keys.js';
import { formatAge, maskSqlSecrets } from '../../pg/format.js';
import type { PgSession } from '../../pg/session.js';
import { signalSql, type SignalKind, type SignalResult } from '../../pg/signal.js';
import { createPgView, type PgView, type PgViewState } from '../../pg/view.js';
import { oneLine, stripUnsafe } from '../../text/safe.js';
import { rememberPassword, typedPassword, usePgOpener } from '../shell/pg-context.js';

interface PgScreen<T> {
  state: PgViewState<T>;
  view: PgView<T>;
  /** The session of the last refresh (cancel/terminate run on it: one connection per screen). */
  session: () => PgSession | undefined;
  /** The prompt for the password is up. */
  asking: boolean;
  submitPassword: (password: string) => void;
  dismissPassword: () => void;
}

/** One view per open screen, closed with it. `load` runs one query per refresh. */
export function usePgScreen<T>(cluster: Cluster, load: (session: PgSession) => Promise<T>, intervalMs = 2_000): PgScreen<T> {
  const open = usePgOpener();
  const sessionRef = useRef<PgSession | undefined>(undefined);
  const [view] = useState(() =>
    createPgView(
      () => open(cluster, typedPassword(cluster)),
      (s) => {
        sessionRef.current = s;
        return load(s);
      },
      { intervalMs },
    ),
  );
  useEffect(() => {
    void view.refresh();
    return () => {
      sessionRef.current = undefined;
      void view.close();
    };
  }, [view]);
  const state = useSyncExternalStore(view.subscribe, view.getSnapshot);
  const [dismissed, setDismissed] = useState(false);
  return {
    state,
    view,
    session: () => sessionRef.current,
    asking: state.problem === 'password' && !dismissed,
    submitPassword: (password) => {
      rememberPassword(cluster, password);
      void view.refresh();
    },
    dismissPassword: () => setDismissed(true),
  };
}

/** The line under the title: why the last refresh failed (unreachable, no right: the GRANT), or when it ran. */
export function PgStatus({ state, width, extra }: { state: PgViewState<unknown>; width: number; extra?: string }) {
  const age = state.updatedAt === undefined ? undefined : Date.now() - state.updatedAt;
  const when = age === undefined ? (state.loading ? 'connecting…' : '') : age < 1_000 ? 'updated just now' : `updated ${formatAge(age)} ago`;
  const paused = state.paused ? 'PAUSED (z resumes) · ' : 'every 2 s · ';
  if (state.error) {
    return (
      <Text color="red" wrap="truncate">
        {oneLine(state.error, Math.max(20, width))}
      </Text>
    );
  }
  return (
    <Text dimColor={!state.paused} color={state.paused ? 'yellow' : undefined} wrap="truncate">
      {oneLine(`${paused}${when}${extra ? ` · ${extra}` : ''}`, Math.max(20, width))}
    </Text>
  );
}

/** The password, asked once per cluster and run: masked, kept in memory only (../tui/pg-context.tsx). */
export function PasswordPrompt({ user, active, onSubmit, onCancel }: { user?: string; active: boolean; onSubmit: (password: string) => void; onCancel: () => void }) {
  const value = useRef('');
  const [length, setLength] = useState(0);
  useKeys((input, key) => {
    if (key.escape) return onCancel();
    if (key.return) {
      if (value.current) onSubmit(value.current);
      return;
    }
    if (key.backspace || key.delete) value.current = value.current.slice(0, -1);
    else if (!key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) value.current += stripUnsafe(input);
    setLength(value.current.length);
  }, active);
  return (
    <Box flexDirection="column">
      <Text>
        Password for the login of {oneLine(user ?? "this cluster", 60)} (kept in memory for this run only): <Text>{'*'.repeat(Math.min(length, 40))}</Text>
      </Text>
      <Text dimColor>enter connects · esc cancels</Text>
    </Box>
  );
}

export interface SignalTarget {
  pid: number;
  user?: string;
  app?: string;
  query?: string;
}


/**
 * Asks before cancelling or ending sessions, showing the exact statements and the sessions affected; `y` runs
 * them, esc (or n) leaves. Then the result per pid until any key.
 */
export function SignalConfirm({ kind, targets, width, height, active, run, onDone }: {
  kind: SignalKind;
  targets: readonly SignalTarget[];
  width: number;
  height: number;
  active: boolean;
  run: (kind: SignalKind, pids: number[]) => Promise<SignalResult[]>;
  onDone: (results?: SignalResult[]) => void;
}) {
  const [results, setResults] = useState<SignalResult[]>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  useKeys((input, key) => {
    if (running) return;
    if (results || error) return onDone(results);
    if (key.escape || input === 'n') return onDone();
    if (input === 'y' || key.return) {
      setRunning(true);
      run(kind, targets.map((t) => t.pid)).then(
        (r) => {
          setRunning(false);
          setResults(r);
        },
        (err: unknown) => {
          setRunning(false);
          setError(oneLine(err instanceof Error ? err.message : String(err)));
        },
      );
    }
  }, active);
  const verb = kind === 'cancel' ? 'Cancel the query of' : 'End';
  const rows = Math.max(1, height - 5);
  const cut = (s: string) => oneLine(s, Math.max(10, width - 1));
  return (
    <Box flexDirection="column">
      <Text bold color="yellow" wrap="truncate">
        {verb} {targets.length} session{targets.length === 1 ? '' : 's'}? This runs:
      </Text>
      {targets.slice(0, rows).map((t) => {
        const r = results?.find((x) => x.pid === t.pid);
        return (
          <Text key={t.pid} wrap="truncate" color={r ? (r.ok ? 'green' : 'red') : undefined}>
            {cut(`  ${signalSql(kind, t.pid)};  -- ${t.user ?? '?'} ${t.app ?? ''} ${r ? (r.ok ? '· done' : `· ${r.message ?? 'failed'}`) : `· ${maskSqlSecrets((t.query ?? '').slice(0, 1_000))}`}`)}
          </Text>
        );
      })}
      {targets.length > rows ? <Text dimColor>  … and {targets.length - rows} more</Text> : null}
      {error ? <Text color="red" wrap="truncate">{cut(error)}</Text> : null}
      <Text dimColor wrap="truncate">{running ? 'running…' : results || error ? 'any key closes' : 'y runs it · esc / n leaves it'}</Text>
    </Box>
  );
}

/** "pid 123: done · pid 456: no such session" for the status line. */
export function signalSummary(kind: SignalKind, results: readonly SignalResult[]): { text: string; error: boolean } {
  const verb = kind === 'cancel' ? 'cancelled' : 'ended';
  const parts = results.map((r) => `${r.pid}: ${r.ok ? verb : oneLine(r.message ?? 'failed', 120)}`);
  return { text: oneLine(parts.join(' · '), 600), error: results.some((r) => !r.ok) };
}
