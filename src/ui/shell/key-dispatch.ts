// The list and detail screens' keys: their registry rows (./screens.ts) turn a key into a binding, and each
// becomes a navigation event, a list move, or a store intent; refusals come from the binding's `disabled`. Also the `:` commands, which lead to the same places.
import type { Key } from 'ink';
import type { Dispatch, MutableRefObject } from 'react';
import type { Cluster } from '../../api/core/types.js';
import { clusterKey, type ClusterStore } from '../../state/types.js';
import { bindingIn, type Binding } from '../input/keymap.js';
import { useKeys } from '../input/use-keys.js';
import { parseCommand } from '../registry/commands.js';
import { isConfirm } from '../registry/confirms.js';
import { isInside, isScreen, rowOf } from '../registry/screens.js';
import { errorText } from '../../present/errors.js';
import type { Layout } from '../models/layout.js';
import type { ListState } from '../hooks/list-state.js';
import type { Column } from '../../present/cluster-fields.js';
import type { NavEvent, NavState } from './navigation.js';
import { copyToClipboard, connectionUrl } from '../terminal/osc52.js';
import type { Status } from '../hooks/status.js';

export interface KeyDispatchContext {
  store: ClusterStore;
  nav: NavState;
  dispatch: Dispatch<NavEvent>;
  list: ListState;
  /** The cluster on the detail screen, while there is one. */
  detail?: Cluster;
  layout: Layout;
  /** How many lines the detail screen has (it reports them as it draws). */
  detailLines: MutableRefObject<number>;
  readOnly: boolean;
  isReadOnly: (c?: Cluster) => boolean;
  /** Refusals and errors about where the user is: they go when the user leaves (./scoped-message.ts). */
  say: (text: string, error?: boolean) => void;
  /** What was done, kept on the status line wherever the user goes next. */
  tell: (text: string) => void;
  busy: Status['busy'];
  clearMessage: () => void;
  handoff: { active: boolean; open: (c: Cluster) => void };
  /** The list's columns at this width: `s` sorts only by these. */
  columns: readonly Column[];
  /** A box (the reset password) has the keys. */
  modal: boolean;
  quit: () => void;
}

/** Registers the list's and the detail screen's keys (the help overlay has its own: ../screens/Help.tsx); returns what runs a typed `:` command. */
export function useKeyDispatch(ctx: KeyDispatchContext): { runCommand: (typed: string) => void } {
  const { store, nav, dispatch, list, layout, say } = ctx;
  const exit = ctx.quit;
  /** `c` and :create: a list with no writable profile says why instead of opening an empty form. */
  const create = () => {
    if (ctx.readOnly) return say('read-only mode: create is disabled', true);
    const profiles = store.getSnapshot().profiles;
    if (profiles.length === 0) return say('no profiles yet: add one with :profiles (or try pgtui --demo)', true);
    if (profiles.every((p) => p.readOnly || store.profileOf(p.profile)?.readOnly)) return say('every profile is read-only: add a writable one with :profiles', true);
    return dispatch({ type: 'show', screen: 'create' });
  };
  const onDetail = nav.screen === 'detail';
  const current = (): Cluster | undefined => (onDetail ? ctx.detail : list.current());

  const runCommand = (typed: string) => {
    const command = parseCommand(typed);
    switch (command.type) {
      case 'quit':
        return exit();
      case 'profiles':
        return dispatch({ type: 'show', screen: 'profiles' });
      case 'journal':
        return dispatch({ type: 'show', screen: 'journal' });
      case 'create':
        return create();
      case 'help':
        return dispatch({ type: 'overlay', overlay: 'help' });
      case 'unknown':
        return say(command.text, true);
      case 'none':
        return;
    }
  };

  const copy = (target: Cluster) => {
    try {
      const conn = store.provider(target.profile)?.connection(target);
      if (!conn?.host) return say(`${target.name} has no host yet`, true);
      copyToClipboard(connectionUrl(conn));
      // OSC 52: the terminal may or may not take it, and never says; this is what pgtui knows.
      ctx.tell(`sent the connection string of ${target.name} to the terminal clipboard (without the password)`);
    } catch (err) {
      say(errorText(err), true);
    }
  };

  const act = (binding: Binding) => {
    const { action } = binding;
    const target = current();
    // Refused in one line where the cluster's provider lacks it or the cluster is busy (the binding's `disabled`).
    const refused = target && binding.disabled?.(target, { readOnly: ctx.isReadOnly(target), supports: (cap) => store.supports(target, cap), unsupportedReason: (cap) => store.unsupportedReason(target, cap) });
    if (refused) return say(refused, true);
    // Inside the cluster (from the detail screen, or the list's highlighted row): the screen opens either way and
    // says in one line when the provider has none of it.
    if (isScreen(action) && isInside(action)) {
      if (!target) return;
      return dispatch(onDetail ? { type: 'inside', screen: action } : { type: 'inside', screen: action, key: clusterKey(target) });
    }
    // A typed confirmation: the overlay asks for the name.
    if (isConfirm(action)) return target ? dispatch({ type: 'overlay', overlay: action }) : undefined;
    const page = Math.max(1, (onDetail ? layout.bodyHeight - 1 : layout.listHeight) - 1);
    const scroll = (move: 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp') =>
      dispatch({ type: 'scroll', move, lines: ctx.detailLines.current, page });
    switch (action) {
      case 'down':
        return onDetail ? scroll('down') : list.move((i) => i + 1);
      case 'up':
        return onDetail ? scroll('up') : list.move((i) => i - 1);
      case 'top':
        return onDetail ? scroll('top') : list.move(() => 0);
      case 'bottom':
        return onDetail ? scroll('bottom') : list.move(() => Infinity);
      case 'pageDown':
        return onDetail ? scroll('pageDown') : list.move((i) => i + page);
      case 'pageUp':
        return onDetail ? scroll('pageUp') : list.move((i) => i - page);
      case 'open':
        return target ? dispatch({ type: 'open', key: clusterKey(target) }) : undefined;
      case 'back':
        if (onDetail) return dispatch({ type: 'back' });
        if (list.filter) return list.clearFilter();
        return ctx.clearMessage();
      case 'filter':
      case 'command':
      case 'help':
        return dispatch({ type: 'overlay', overlay: action });
      case 'refresh': {
        const count = store.getSnapshot().profiles.length;
        const done = Promise.resolve(store.refresh()).then(() => {
          const failing = store.getSnapshot().profiles.filter((p) => p.status === 'error').length;
          const plural = (n: number) => `${n} profile${n === 1 ? '' : 's'}`;
          return failing ? { text: `refreshed ${plural(count)}; ${failing} failing (see above)`, error: true } : { text: `refreshed ${plural(count)}` };
        });
        return ctx.busy('refreshing…', done);
      }
      case 'sort':
        return list.nextSort(ctx.columns.map((c) => c.key));
      case 'sortReverse':
        return list.toggleReverse();
      case 'faults':
        return list.toggleFaults();
      case 'create':
        return create();
      case 'profiles':
        return dispatch({ type: 'show', screen: 'profiles' });
      case 'edit':
        return target && !ctx.isReadOnly(target) ? dispatch({ type: 'edit', key: clusterKey(target) }) : undefined;
      case 'psql':
        return target ? ctx.handoff.open(target) : undefined;
      case 'copy':
        return target ? copy(target) : undefined;
      case 'reveal':
        return dispatch({ type: 'reveal' });
      case 'quit':
        return exit();
    }
  };

  // ctrl-c is the App's, on every screen (app.tsx useQuit).
  const screenKeys = (nav.screen === 'list' || onDetail) && nav.overlay === 'none' && !ctx.handoff.active && !ctx.modal;
  useKeys((input: string, key: Key) => {
    const binding = bindingIn(rowOf(onDetail ? 'detail' : 'list').keys, input, key, ctx.isReadOnly(current()));
    if (binding) act(binding);
  }, screenKeys);

  return { runCommand };
}
