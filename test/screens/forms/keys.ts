// Key sequences and waiting helpers for driving Ink screens through ink-testing-library.
import { act } from 'react';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  ctrlS: '\u0013',
  ctrlR: '\u0012',
  ctrlU: '\u0015',
} as const;

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs fn in React's act(): when it resolves, the renders fn caused and their effects have all run. */
async function inAct(fn: () => Promise<void>): Promise<void> {
  const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  env.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    await act(fn);
  } finally {
    // Only inside press: renders the tests do not drive (a store update) would otherwise warn.
    env.IS_REACT_ACT_ENVIRONMENT = false;
  }
}

/**
 * Sends each key once the previous one is fully handled. Ink (re)subscribes useInput handlers in passive
 * effects, after the frame is on screen (docs/ink-patches.md, "Input handlers"), so a key sent as soon as a frame
 * shows could reach no handler or a stale one. Waits for events, not for time: no fixed delays.
 */
export async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  // The effects of a render the test did not drive (the first frame, a loaded list) run one macrotask later.
  await inAct(nextMacrotask);
  for (const k of keys) {
    await inAct(async () => {
      stdin.write(k);
      // Ink holds a lone ESC for one macrotask, to tell it from the start of an escape sequence.
      await nextMacrotask();
    });
  }
}

export type FramePredicate = RegExp | string | ((frame: string) => boolean);

function matches(frame: string, want: FramePredicate): boolean {
  if (typeof want === 'string') return frame.includes(want);
  if (want instanceof RegExp) return want.test(frame);
  return want(frame);
}

/** Polls lastFrame() until it matches; throws with the last frame after timeoutMs. */
export async function waitForFrame(lastFrame: () => string | undefined, want: FramePredicate, timeoutMs = 5000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (matches(frame, want)) return frame;
    if (Date.now() > end) throw new Error(`no ${String(want)} in frame after ${timeoutMs} ms:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The frame line that contains `text` (for asserting what shows beside a field). */
export function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((l) => l.includes(text)) ?? '';
}
