// The status line's message: flashes that time out (k9s-style) and work in flight, drawn with a spinner until it
// ends with what happened ("refreshed 3 profiles", "ux-v1 is ready"). Pure model + one hook; the header draws it
// (components/StatusLine.tsx, the spinner in components/Spinner.tsx).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { TRANSITIONAL_PHASES } from '../../api/core/types.js';
import { clusterKey } from '../../state/types.js';
import { errorText } from '../../present/errors.js';
import type { StatusMessage } from '../components/StatusLine.js';


/** How long a flash stays: errors a little longer, a start-up notice longer still. */
export const FLASH_MS = { info: 5_000, error: 8_000, notice: 15_000 } as const;
/** Work watched for longer than this stops spinning and says so (the list keeps showing its phase). */
export const WATCH_MS = 15 * 60_000;
export const QUIET_MS = 30_000;

export interface Outcome {
  text: string;
  error?: boolean;
}

/**
 * Looks at the clusters after each store update, and once more when the list has been quiet for QUIET_MS
 * (`quiet`: a provider that applies a change without ever showing it in flight); an outcome ends the work.
 */
export type Watch = (clusters: readonly Cluster[], quiet?: boolean) => Outcome | undefined;


export interface Status {
  message?: StatusMessage;
  /** A flash that times out. */
  say(text: string, error?: boolean): void;
  /** Work in flight until `done` settles (to its outcome, or the error's text) and then, if given, until `watch` says. */
  busy(text: string, done: Promise<Outcome | string | void> | undefined, watch?: Watch): void;
  clear(): void;
}

/**
 * Watches one cluster until it is out of its transitional phases (creating, updating, deleting). With
 * `busyFirst` (a restart, an edit: the cluster may still look ready before the provider reports the work), it
 * must have shown a transitional phase first, or shown the change (`changed`: an edit's new size or version,
 * which a provider may apply between two lists without ever listing it in flight), or the list must have stayed
 * quiet for QUIET_MS.
 */
export function untilSettled(from: Cluster, outcome: (c: Cluster) => Outcome, busyFirst = true, changed?: (c: Cluster) => boolean): Watch {
  const key = clusterKey(from);
  let sawBusy = false;
  // A cluster just created reaches the list a render after its create answered: only one that was listed can be gone.
  let seen = false;
  return (clusters, quiet = false) => {
    const now = clusters.find((c) => clusterKey(c) === key);
    if (!now) return seen ? { text: `${from.name} is gone`, error: true } : undefined;
    seen = true;
    if (TRANSITIONAL_PHASES.has(now.phase)) {
      sawBusy = true;
      return undefined;
    }
    return !busyFirst || sawBusy || quiet || changed?.(now) ? outcome(now) : undefined;
  };
}

/** What an edit can change that the list shows: a cluster whose list entry differs in these has taken the change. */
const shape = (c: Cluster) => JSON.stringify([c.size, c.storage, c.version, c.instances, c.location]);
export const differsFrom = (before: Cluster) => (now: Cluster): boolean => shape(now) !== shape(before);

/** Watches a cluster until the list no longer has it. */
export function untilGone(from: Cluster, text: string): Watch {
  const key = clusterKey(from);
  return (clusters) => (clusters.some((c) => clusterKey(c) === key) ? undefined : { text });
}

interface Task {
  id: number;
  text: string;
  watch?: Watch;
  /** Still waiting for the intent's promise. */
  waiting: boolean;
}

export function useStatus(clusters: readonly Cluster[], notice?: string): Status {
  const [flash, setFlash] = useState<{ text: string; error: boolean; id: number } | undefined>(notice ? { text: notice, error: false, id: 0 } : undefined);
  const [tasks, setTasks] = useState<readonly Task[]>([]);
  const ids = useRef(1);
  const live = useRef(new Set<number>());
  const mounted = useRef(true);
  const clustersRef = useRef(clusters);
  clustersRef.current = clusters;
  useEffect(() => () => void (mounted.current = false), []);

  // Each flash clears itself; a newer one replaces it (and its timer).
  useEffect(() => {
    if (!flash) return;
    const ms = flash.id === 0 ? FLASH_MS.notice : flash.error ? FLASH_MS.error : FLASH_MS.info;
    const timer = setTimeout(() => setFlash((f) => (f === flash ? undefined : f)), ms);
    return () => clearTimeout(timer);
  }, [flash]);

  const say = useCallback((text: string, error = false) => {
    if (mounted.current) setFlash({ text, error, id: ids.current++ });
  }, []);

  const finish = useCallback(
    (id: number, outcome: Outcome) => {
      if (!mounted.current || !live.current.delete(id)) return;
      setTasks((all) => all.filter((t) => t.id !== id));
      say(outcome.text, Boolean(outcome.error));
    },
    [say],
  );

  const busy = useCallback(
    (text: string, done: Promise<Outcome | string | void> | undefined, watch?: Watch) => {
      const id = ids.current++;
      live.current.add(id);
      setFlash(undefined);
      if (watch) {
        const quiet = setTimeout(() => {
          const outcome = live.current.has(id) ? watch(clustersRef.current, true) : undefined;
          if (outcome) finish(id, outcome);
        }, QUIET_MS);
        const cap = setTimeout(() => finish(id, { text: `${text.replace(/…$/, '')}: still going after ${WATCH_MS / 60_000} min; the list shows where it is` }), WATCH_MS);
        quiet.unref?.();
        cap.unref?.();
      }
      setTasks((all) => [...all, { id, text, watch, waiting: Boolean(done) }]);
      const afterPromise = (outcome?: Outcome) => {
        if (outcome?.error) return finish(id, outcome);
        if (!mounted.current) return;
        const ended = watch?.(clustersRef.current);
        if (!watch || ended) return finish(id, ended ?? outcome ?? { text: `${text.replace(/…$/, '')}: done` });
        // The provider took it; the spinner stays until the clusters show the outcome.
        setTasks((all) => all.map((t) => (t.id === id ? { ...t, waiting: false } : t)));
      };
      if (!done) return afterPromise();
      done.then(
        (r) => afterPromise(typeof r === 'string' ? { text: r } : r ?? undefined),
        (err: unknown) => finish(id, { text: errorText(err), error: true }),
      );
    },
    [finish],
  );

  // Work that watches the clusters ends on the store update that shows its outcome.
  useEffect(() => {
    for (const t of tasks) {
      if (t.waiting || !t.watch) continue;
      const outcome = t.watch(clusters);
      if (outcome) finish(t.id, outcome);
    }
  }, [clusters, tasks, finish]);

  const clear = useCallback(() => setFlash(undefined), []);

  const newest = tasks[tasks.length - 1];
  const message: StatusMessage | undefined = flash
    ? { text: flash.text, error: flash.error, busy: false }
    : newest
      ? { text: tasks.length > 1 ? `${newest.text} (+${tasks.length - 1} more)` : newest.text, error: false, busy: true }
      : undefined;
  return { message, say, busy, clear };
}
