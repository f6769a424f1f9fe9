// The moving keys (`MOVES` of ../input/keymap.ts: j/k, ctrl-f/ctrl-b, g/G) over a screen's rows or lines: one position
// from 0 to the last, a row's cursor or the first line shown, moved the same way on every screen that has them.
import { useRef, useState } from 'react';
import type { Action } from '../input/keymap.js';

type Move = 'down' | 'up' | 'pageDown' | 'pageUp' | 'top' | 'bottom';

/** Where a moving key takes the position `at` (0 … `last`, a page being `page` rows), or undefined for a key that does not move. */
export function scrollTo(action: Action | undefined, at: number, last: number, page: number): number | undefined {
  const step = Math.max(1, page);
  const to: Record<Move, number> = { down: at + 1, up: at - 1, pageDown: at + step, pageUp: at - step, top: 0, bottom: last };
  const next = action !== undefined && Object.hasOwn(to, action) ? to[action as Move] : undefined;
  return next === undefined ? undefined : Math.max(0, Math.min(last, next));
}

export interface Scroll {
  /** The position to draw, within 0 … last as the rows come and go. */
  at: number;
  /** The position keys act on: ahead of `at` while several keys of one read are handled before the next frame. */
  current: () => number;
  /** Puts the position at `n` (within 0 … last). */
  to: (n: number) => void;
  /** The moving keys' actions, for a screen's key handlers (../screens/inside-common.tsx useScreenKeys). */
  moves: Record<Move, () => void>;
}

/** A position over rows or lines, `last` the highest it may take and `page` the rows ctrl-f / ctrl-b move. */
export function useScroll(last: number, page: number): Scroll {
  const [at, setAt] = useState(0);
  const latest = useRef(0);
  const current = () => Math.min(latest.current, last);
  const to = (n: number) => {
    latest.current = Math.max(0, Math.min(last, n));
    setAt(latest.current);
  };
  const move = (action: Move) => () => to(scrollTo(action, current(), last, page)!);
  return {
    at: Math.min(at, last),
    current,
    to,
    moves: { down: move('down'), up: move('up'), pageDown: move('pageDown'), pageUp: move('pageUp'), top: move('top'), bottom: move('bottom') },
  };
}
