// Messages that belong to where they were said: a refusal about one cluster ("billing has no standby…"), the
// "unsaved input" warning of a form. Said through `sayHere`, such a message goes when the user leaves that
// place (another screen, another cluster, the list's cursor on another row), instead of outliving it.
import { useCallback, useEffect, useRef } from 'react';
import type { Status } from './status.js';

/** `place` names where the user is now (screen and cluster); `status` is the App's status line. */
export function useScopedMessage(place: string, status: Pick<Status, 'say' | 'clear' | 'message'>) {
  const { say, clear, message } = status;
  const placeRef = useRef(place);
  placeRef.current = place;
  const said = useRef<{ text: string; place: string } | undefined>(undefined);
  const sayHere = useCallback(
    (text: string, error = false) => {
      said.current = { text, place: placeRef.current };
      say(text, error);
    },
    [say],
  );
  const shown = message && !message.busy ? message.text : undefined;
  useEffect(() => {
    const last = said.current;
    if (!last || last.place === place) return;
    said.current = undefined;
    if (shown === last.text) clear();
  }, [place, shown, clear]);
  return sayHere;
}
