// useInput with a handler that never changes identity, fed one keystroke at a time.
// Ink re-subscribes useInput whenever the handler changes (after each commit), so keys arriving before
// that — several keys in one read, fast typing over SSH — would reach a stale closure; handlers that need
// state between keys read it from refs. Ink also hands a run of plain keys read together ("jjj", "ab\r")
// to the handler as one string; single-key bindings would miss them, so they are split here.
import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';

const PLAIN: Omit<Key, 'return' | 'tab' | 'backspace' | 'delete' | 'ctrl' | 'shift'> = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, escape: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
} as Key;

/** One keystroke as Ink would have reported it had it arrived alone. */
export function keystroke(ch: string): [string, Key] {
  const key: Key = { ...(PLAIN as Key), return: false, tab: false, backspace: false, delete: false, ctrl: false, shift: false };
  if (ch === '\r' || ch === '\n') return ['', { ...key, return: true }];
  if (ch === '\t') return ['', { ...key, tab: true }];
  if (ch === '\b') return ['', { ...key, backspace: true }];
  if (ch === '\u007f') return ['', { ...key, delete: true }];
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return [String.fromCharCode(code + 96), { ...key, ctrl: true }];
  return [ch, { ...key, shift: ch !== ch.toLowerCase() }];
}

/** Splits a run of plain keys; anything with an escape sequence or modifiers is passed through whole. */
export function keystrokes(input: string, key: Key): Array<[string, Key]> {
  if ([...input].length <= 1 || key.escape || key.meta || input.includes('\u001b')) return [[input, key]];
  return [...input].map(keystroke);
}

export function useKeys(handler: (input: string, key: Key) => void, isActive = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => {
    for (const [i, k] of keystrokes(input, key)) latest.current(i, k);
  }, []);
  useInput(stable, { isActive });
}
