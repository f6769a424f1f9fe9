// Quitting: ctrl-c from every screen, `q` where the screen passes it on (list, detail, the profiles list).
import { useApp, type Key } from 'ink';
import { useCallback, useEffect, useRef } from 'react';
import { useKeys } from '../input/use-keys.js';
import { rowOf } from '../registry/screens.js';
import type { NavState } from './navigation.js';

/**
 * ctrl-c quits from every screen; on a form with typed input it asks first (ctrl-c again quits, any other key
 * keeps editing). What counts as typed input: a printable key or a deletion on the create or edit form, or on
 * a form of the profiles screen (which says when one is open).
 */
export function useQuit(nav: NavState, say: (text: string, error?: boolean) => void, active: boolean) {
  const { exit } = useApp();
  const dirty = useRef(false);
  const armed = useRef(false);
  const profilesEditing = useRef(false);
  // The settings screen is a form too (inside a cluster); like the profiles screen it says when its form is open.
  const editing = rowOf(nav.screen).editing;
  const onForm = Boolean(editing);
  useEffect(() => {
    dirty.current = false;
    armed.current = false;
  }, [nav.screen]);
  const setEditing = useCallback((editing: boolean) => {
    profilesEditing.current = editing;
    if (!editing) dirty.current = false;
  }, []);
  // Off while psql has the terminal (`active`): an active input handler keeps Ink reading the keys meant for psql.
  useKeys((input: string, key: Key) => {
    if (key.ctrl && input === 'c') {
      if (onForm && dirty.current && !armed.current) {
        armed.current = true;
        return say('unsaved input in this form: ctrl-c again quits pgtui, any other key keeps editing', true);
      }
      return exit();
    }
    armed.current = false;
    // A screen whose forms open inside it (profiles, settings) says when one is open; create and edit are forms throughout.
    const typing = editing === 'always' || (editing === 'reported' && profilesEditing.current);
    if (typing && (key.backspace || key.delete || (!key.ctrl && !key.meta && !key.return && !key.escape && !key.tab && input.length > 0 && input.charCodeAt(0) >= 0x20))) dirty.current = true;
  }, active);
  return { now: exit, setEditing };
}
