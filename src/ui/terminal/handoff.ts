// Handing the terminal to psql and taking it back (Ink 6 has no suspendTerminal): every key handler goes
// inactive so Ink drops raw mode and stops reading stdin; the store pauses; pgtui leaves its alternate
// screen for psql; afterwards it re-enters, clears, and Ink repaints the whole frame.
import { useStdin, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { errorText } from '../../present/errors.js';
import type { ClusterStore } from '../../state/types.js';
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN } from './terminal.js';
import { resumeReading, stopReading } from './stdin-handoff.js';
import { lendTerminal } from './suspend.js';

const CONNECTABLE = new Set(['ready', 'degraded']);

export function usePsqlHandoff(store: ClusterStore, launchPsql: (c: Cluster) => Promise<number>, say: (text: string, error?: boolean) => void) {
  const [cluster, setCluster] = useState<Cluster>();
  const { stdin } = useStdin();
  const { stdout } = useStdout();
  const busy = useRef(false);

  useEffect(() => {
    if (!cluster) return;
    let cancelled = false;
    // Runs after the blank frame is committed and every useInput went inactive (raw mode is off).
    const run = async () => {
      const resume = store.pause();
      stopReading(stdin);
      stdout.write(`${LEAVE_ALT_SCREEN}\u001b[?25h`);
      const takeBack = lendTerminal();
      let result: { text: string; error: boolean } | undefined;
      try {
        const code = await launchPsql(cluster);
        if (code !== 0) result = { text: `psql exited with ${code}`, error: true };
      } catch (err) {
        result = { text: errorText(err), error: true };
      } finally {
        takeBack();
        stdout.write(`${ENTER_ALT_SCREEN}\u001b[2J\u001b[H`);
        resumeReading(stdin);
        resume();
        busy.current = false;
        if (!cancelled) {
          if (result) say(result.text, result.error);
          else say(`back from psql on ${cluster.name}`);
          setCluster(undefined);
        }
      }
    };
    void run();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cluster]);

  return {
    active: cluster !== undefined,
    open(c: Cluster) {
      if (busy.current) return;
      if (!CONNECTABLE.has(c.phase)) return say(`${c.name} is ${c.phase}; psql needs a ready cluster`, true);
      busy.current = true;
      setCluster(c);
    },
  };
}
