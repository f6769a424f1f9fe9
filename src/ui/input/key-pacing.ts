// Ink reads stdin and hands every run of plain keys read together ("jjj", "/hippo", "ab\r" typed fast or over
// a slow SSH link) to every useInput handler as ONE string. Single-key bindings would miss them, and a key that
// switches mode ("/" opens the filter) would see the rest of the run go to the old screen ("hippo" → … p →
// psql). So runs are split into single keys, and a key is delivered only once the previous one has been
// rendered and its effects have run: React renders Ink's updates later, and Ink (re)subscribes useInput
// handlers in passive effects, later still. The root's effect after a render that began after the previous
// key marks the app settled; a key arriving while it is not settled is held, and a no-op update of the root
// forces that render. A key arriving when the app is settled (the usual case: a person typing) goes through
// at once, so it costs one render, not two.
import { useStdin } from 'ink';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { EventEmitter } from 'node:events';

const ESC = '\u001b';
/** Never hold a key longer than this, whatever React does. */
const MAX_HOLD_MS = 1000;

/** Splits one Ink input event into the keys it holds (escape sequences are already separate events). */
export function splitKeys(input: string): string[] {
  if (input.startsWith(ESC)) return [input];
  const keys = [...input];
  return keys.length > 1 ? keys : [input];
}

interface Pacer {
  queue: string[];
  waiting: boolean;
  /** Renders of the root so far, and how many there had been when the current key was held back. */
  renders: number;
  heldAt: number;
  /** A key was delivered and no root render that began after it has finished its effects yet. */
  unsettled: boolean;
  deliveredAt: number;
  timer?: NodeJS.Timeout;
  release?: () => void;
}

export function useKeyPacing(): void {
  const { internal_eventEmitter: emitter } = useStdin() as unknown as { internal_eventEmitter?: EventEmitter };
  const [, settle] = useReducer((n: number) => n + 1, 0);
  const pacer = useRef<Pacer>({ queue: [], waiting: false, renders: 0, heldAt: 0, unsettled: false, deliveredAt: 0 });
  pacer.current.renders++;

  useLayoutEffect(() => {
    if (!emitter) return;
    const p = pacer.current;
    const original = emitter.emit.bind(emitter);
    const hold = () => {
      if (disposed) return;
      p.waiting = true;
      p.heldAt = p.renders;
      settle();
      p.timer = setTimeout(release, MAX_HOLD_MS);
    };
    let disposed = false;
    const release = () => {
      if (disposed) return; // the app has quit: keys still queued go nowhere
      if (p.timer) clearTimeout(p.timer);
      p.timer = undefined;
      p.waiting = false;
      const key = p.queue.shift();
      if (key === undefined) return;
      p.unsettled = true;
      p.deliveredAt = p.renders;
      original('input', key);
      if (p.queue.length > 0) hold();
    };
    p.release = () => setImmediate(release);
    emitter.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event !== 'input' || typeof args[0] !== 'string') return original(event, ...args);
      for (const key of splitKeys(args[0])) p.queue.push(key); // a huge paste must not be spread into push's arguments
      if (p.waiting) return true;
      // The previous key's render and subscriptions may still be pending (a slow machine): wait for them.
      if (p.unsettled) hold();
      else release();
      return true;
    }) as EventEmitter['emit'];
    return () => {
      disposed = true;
      p.queue.length = 0;
      if (p.timer) clearTimeout(p.timer);
      p.release = undefined;
      emitter.emit = original as EventEmitter['emit'];
    };
  }, [emitter]);

  // Runs after every render of the root, once all of that render's effects (subscriptions) have run. Only a
  // render that started after the key was held counts: an earlier one's effects may still be on their way.
  useEffect(() => {
    const p = pacer.current;
    if (p.unsettled && p.renders > p.deliveredAt) p.unsettled = false;
    if (p.waiting && p.renders > p.heldAt) p.release?.();
  });
}
