// Where the user is, as a pure reducer: the screen (list → detail → create/edit/profiles), the overlay on top of
// it, and the detail screen's own view state (which cluster, scroll, password revealed). The App dispatches
// events; it keeps only the list cursor outside (see app.tsx: keys arriving several per read need refs).

import { isInside, rowOf, type InsideScreen, type Screen } from '../registry/screens.js';
import { isConfirm, type ConfirmKind } from '../registry/confirms.js';

// The screens are rows of the screen registry (./screens.ts); the typed confirmations are rows of ./confirms.ts.
export { isConfirm, isInside, type ConfirmKind, type InsideScreen, type Screen };
export type Overlay = 'none' | 'help' | 'filter' | 'command' | ConfirmKind;
export type ScrollMove = 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp';

export interface NavState {
  screen: Screen;
  overlay: Overlay;
  /** clusterKey of the cluster the detail (and edit) screen shows. */
  detailKey?: string;
  scroll: number;
  revealed: boolean;
  /** A screen inside a cluster opened from the list's row: esc returns to the list. */
  fromList?: boolean;
}

export type NavEvent =
  | { type: 'open'; key: string } // a cluster's detail screen, from the top, password hidden
  | { type: 'show'; screen: 'list' | 'detail' | 'create' | 'profiles' | 'journal' }
  | { type: 'edit'; key: string } // the edit form of a cluster; leaving it returns to that cluster's detail
  | { type: 'inside'; screen: InsideScreen; key?: string } // into a cluster: logs, metrics … (with `key`: from the list's row)
  | { type: 'back' } // detail → list, a screen inside a cluster → its detail; elsewhere nothing (the App clears its filter or message instead)
  | { type: 'gone' } // the cluster on the detail screen disappeared
  | { type: 'overlay'; overlay: Overlay }
  | { type: 'close' } // the overlay
  | { type: 'scroll'; move: ScrollMove; lines: number; page: number }
  | { type: 'reveal' };

export const INITIAL_NAV: NavState = { screen: 'list', overlay: 'none', scroll: 0, revealed: false };


/** The detail screen's scroll after a move, clamped to its `lines` (a page is `page` lines). */
export function scrolled(from: number, move: ScrollMove, lines: number, page: number): number {
  switch (move) {
    case 'down':
      return Math.min(from + 1, Math.max(0, lines - 1));
    case 'up':
      return Math.max(0, from - 1);
    case 'top':
      return 0;
    case 'bottom':
      return Math.max(0, lines - page);
    case 'pageDown':
      return Math.min(from + page, Math.max(0, lines - page));
    case 'pageUp':
      return Math.max(0, from - page);
  }
}

export function navigate(state: NavState, event: NavEvent): NavState {
  switch (event.type) {
    case 'open':
      return { ...state, screen: 'detail', overlay: 'none', detailKey: event.key, scroll: 0, revealed: false, fromList: undefined };
    case 'show':
      return state.screen === event.screen && state.overlay === 'none' ? state : { ...state, screen: event.screen, overlay: 'none' };
    case 'edit':
      return { ...state, screen: 'edit', overlay: 'none', detailKey: event.key, fromList: undefined };
    case 'inside':
      if (event.key && state.screen === 'list') return { ...state, screen: event.screen, overlay: 'none', detailKey: event.key, scroll: 0, revealed: false, fromList: true };
      return state.screen === 'detail' || isInside(state.screen) ? { ...state, screen: event.screen, overlay: 'none' } : state;
    case 'back':
      if (isInside(state.screen) && state.fromList) return { ...state, screen: 'list', overlay: 'none', fromList: undefined };
      return rowOf(state.screen).kind === 'form' || !rowOf(state.screen).parent ? state : { ...state, screen: rowOf(state.screen).parent as Screen, overlay: isInside(state.screen) ? 'none' : state.overlay };
    case 'gone':
      return state.screen === 'detail' || state.screen === 'edit' || isInside(state.screen) ? { ...state, screen: 'list', overlay: 'none', detailKey: undefined } : state;
    case 'overlay':
      return state.overlay === event.overlay ? state : { ...state, overlay: event.overlay };
    case 'close':
      return state.overlay === 'none' ? state : { ...state, overlay: 'none' };
    case 'scroll': {
      const scroll = scrolled(state.scroll, event.move, event.lines, event.page);
      return scroll === state.scroll ? state : { ...state, scroll };
    }
    case 'reveal':
      return { ...state, revealed: !state.revealed };
  }
}
