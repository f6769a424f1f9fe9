// What the activity screen and the lock tree do alike with the sessions they list (docs/postgres.md, "Screens"):
// a cursor over them, tags (space), the whole query (enter), the pid or the query copied (y, Y), cancel or
// terminate of the tagged sessions or the one under the cursor after a confirmation with the exact SQL (c, X;
// refused in one line on read-only profiles), pause (z) and refresh (r); esc clears the tags before it leaves.
import { useMemo, useRef, useState, type ReactElement } from 'react';
import { maskSqlSecrets } from '../../pg/format.js';
import { signalBackends, type SignalKind } from '../../pg/signal.js';
import { forScreen, oneLine } from '../../text/safe.js';
import { TextViewer } from '../components/TextViewer.js';
import type { KeyHandlers } from './inside-common.js';
import { SignalConfirm, signalSummary, type PgScreen, type PgScreenProps, type SignalTarget } from './pg-common.js';

/** A listed session: what a confirmation shows, and how much of its query the server sent. */
export interface ListedSession extends SignalTarget {
  queryLength?: number;
}

export interface SessionActions<S> {
  /** The cursor's index in the list. */
  at: number;
  tagged: ReadonlySet<number>;
  /** The keys of the shared actions, for the screen's `useScreenKeys` (esc only while sessions are tagged). */
  handlers: KeyHandlers;
  clearTags: () => void;
  /** The whole query or the confirmation, drawn instead of the list while it is open. */
  overlay?: ReactElement;
  /** The session under the cursor. */
  current: () => S | undefined;
}

export function useSessionActions<S extends ListedSession>(sessions: readonly S[], page: number, pg: PgScreen<unknown>, props: PgScreenProps & { copy: (text: string) => void }): SessionActions<S> {
  const { cluster, width, height, active, readOnly, say, copy } = props;
  const [cursor, setCursor] = useState(0);
  const cursorRef = useRef(0);
  const [tagged, setTagged] = useState<ReadonlySet<number>>(new Set());
  const [full, setFull] = useState<S>();
  const [confirm, setConfirm] = useState<{ kind: SignalKind; targets: SignalTarget[] }>();
  // A waiter with several blockers is listed under each of them in the lock tree: one entry per pid.
  const byPid = useMemo(() => new Map(sessions.map((s) => [s.pid, s])), [sessions]);

  const moveTo = (i: number) => {
    cursorRef.current = Math.max(0, Math.min(sessions.length - 1, i));
    setCursor(cursorRef.current);
  };
  const current = () => sessions[Math.min(cursorRef.current, sessions.length - 1)];
  const ask = (kind: SignalKind) => {
    if (readOnly) return say?.('read-only profile: cancel and terminate are off', true);
    // Tagged sessions that ended meanwhile are not listed any more: the confirmation names only live ones.
    const picked = tagged.size ? [...byPid.values()].filter((s) => tagged.has(s.pid)) : current() ? [current()!] : [];
    if (picked.length) setConfirm({ kind, targets: picked.map((s) => ({ pid: s.pid, user: s.user, app: s.app, query: s.query })) });
  };
  const clearTags = () => setTagged(new Set());

  const handlers: KeyHandlers = {
    down: () => moveTo(cursorRef.current + 1),
    up: () => moveTo(cursorRef.current - 1),
    pageDown: () => moveTo(cursorRef.current + page),
    pageUp: () => moveTo(cursorRef.current - page),
    top: () => moveTo(0),
    bottom: () => moveTo(sessions.length - 1),
    open: () => current() && setFull(current()),
    tag: () => {
      const s = current();
      if (!s) return;
      setTagged((t) => {
        const next = new Set(t);
        if (!next.delete(s.pid)) next.add(s.pid);
        return next;
      });
      moveTo(cursorRef.current + 1);
    },
    cancelQuery: () => ask('cancel'),
    terminate: () => ask('terminate'),
    pause: () => (pg.state.paused ? pg.view.resume() : pg.view.pause()),
    copy: () => {
      const s = current();
      if (!s) return;
      copy(String(s.pid));
      say?.(`sent pid ${s.pid} to the terminal clipboard`);
    },
    copyQuery: () => {
      const query = current()?.query;
      if (!query) return;
      copy(maskSqlSecrets(query));
      say?.('sent the query to the terminal clipboard');
    },
    refresh: () => void pg.view.refresh(),
    ...(tagged.size ? { back: clearTags } : {}),
  };

  let overlay: ReactElement | undefined;
  if (full) {
    const cut = full.queryLength !== undefined && full.query !== undefined && full.queryLength > full.query.length;
    const title = `Query of ${full.pid} · ${forScreen(cluster.name, 80)}${cut ? ` (first ${full.query!.length} of ${full.queryLength} characters)` : ''}`;
    overlay = <TextViewer title={title} text={oneLine(maskSqlSecrets(full.query ?? ''), 100_000)} height={height} width={width} active={active} onClose={() => setFull(undefined)} onCopy={() => copy(maskSqlSecrets(full.query ?? ''))} />;
  } else if (confirm) {
    const run = async (kind: SignalKind, pids: number[]) => {
      const session = pg.session();
      if (!session) throw new Error(`${cluster.name}: not connected`);
      return signalBackends(session, kind, pids);
    };
    const done = (results?: Awaited<ReturnType<typeof run>>) => {
      if (results) {
        const s = signalSummary(confirm.kind, results);
        say?.(s.text, s.error);
        clearTags();
        void pg.view.refresh();
      }
      setConfirm(undefined);
    };
    overlay = <SignalConfirm kind={confirm.kind} targets={confirm.targets} width={width} height={height} active={active} run={run} onDone={done} />;
  }
  return { at: Math.min(cursor, Math.max(0, sessions.length - 1)), tagged, handlers, clearTags, overlay, current };
}
