// useInput with a handler that never changes identity. Ink re-subscribes useInput whenever the handler
// changes (after each commit), so keys arriving before that — several keys in one read, fast typing
// over SSH — would reach a stale closure. Handlers that need state between keys read it from refs.
import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';

export function useKeys(handler: (input: string, key: Key) => void, isActive = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive });
}
