// The keys every screen shares, and what a list of bindings does with a key. Which screen takes which key is
// the screen registry's (src/ui/registry/screens.ts): it drives input handling, the footer hints and the help overlay.
import type { Key } from 'ink';
import type { Capability } from '../../api/core/capabilities.js';
import type { Cluster } from '../../api/core/types.js';

/** What a key asks for; each screen handles the actions of its own bindings. */
export type Action = string;

/** What the gating of a cluster's keys asks (read-only, capability, busy), for one cluster. */
export interface Gate {
  readOnly: boolean;
  supports: (capability: Capability) => boolean;
  unsupportedReason: (capability: Capability) => string;
}

export interface Binding {
  action: Action;
  /** How the key is written in hints and help. */
  keys: string;
  help: string;
  /** Hidden in read-only mode (the key does nothing there). */
  writes?: boolean;
  /** The footer's short label (bindings without one are only in `?`). */
  hint?: string;
  /** Which hints the footer keeps when the width runs short: 0 always shows, higher goes first. */
  priority?: number;
  /** Shown in the footer only for a cluster whose provider has it, or one of them (src/api/core/capabilities.ts). */
  capability?: Capability | readonly Capability[];
  /**
   * Why the key is refused for this cluster now (said in one line instead of acting), or undefined: the one
   * place where capability and busy gating of a key live (read-only hides `writes` keys before this is asked).
   */
  disabled?: (target: Cluster, gate: Gate) => string | undefined;
  match: (input: string, key: Key) => boolean;
}

export const ch = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;

export const down: Binding = { action: 'down', keys: 'j/↓', help: 'move down', match: (i, k) => k.downArrow || ch('j')(i, k) };
export const up: Binding = { action: 'up', keys: 'k/↑', help: 'move up', match: (i, k) => k.upArrow || ch('k')(i, k) };
const top: Binding = { action: 'top', keys: 'g', help: 'first row', match: (i, k) => k.home || ch('g')(i, k) };
const bottom: Binding = { action: 'bottom', keys: 'G', help: 'last row / follow', match: (i, k) => k.end || ch('G')(i, k) };
const pageDown: Binding = { action: 'pageDown', keys: 'ctrl-f/pgdn', help: 'page down', match: (i, k) => k.pageDown || (k.ctrl && i === 'f') };
const pageUp: Binding = { action: 'pageUp', keys: 'ctrl-b/pgup', help: 'page up', match: (i, k) => k.pageUp || (k.ctrl && i === 'b') };
/** j/k, g/G and paging: every screen with rows or lines to move through. */
export const MOVES: readonly Binding[] = [down, up, top, bottom, pageDown, pageUp];
export const back: Binding = { action: 'back', keys: 'esc', help: 'back', hint: 'back', priority: 2, match: (_i, k) => k.escape };
export const refresh: Binding = { action: 'refresh', keys: 'r', help: 'refresh now', match: ch('r') };
export const range: Binding = { action: 'range', keys: 't', help: 'time range', hint: 'range', priority: 2, match: ch('t') };
export const help: Binding = { action: 'help', keys: '?', help: 'this help', hint: 'help', priority: 0, match: ch('?') };
export const quit: Binding = { action: 'quit', keys: 'q', help: 'quit', hint: 'quit', priority: 0, match: ch('q') };

/** The binding a key matches among a screen's, read-only mode hiding those that write. */
export const bindingIn = (bindings: readonly Binding[], input: string, key: Key, readOnly: boolean): Binding | undefined =>
  bindings.find((b) => !(readOnly && b.writes) && b.match(input, key));

export const actionIn = (bindings: readonly Binding[], input: string, key: Key, readOnly: boolean): Action | undefined =>
  bindingIn(bindings, input, key, readOnly)?.action;

/** Whether the cluster the keys act on has what a binding needs; absent: no cluster to ask about, every key shows. */
export type Supports = (capability: Capability) => boolean;

const hinted = (b: Binding, readOnly: boolean, supports?: Supports) =>
  Boolean(b.hint) && !(readOnly && b.writes) && !(b.capability && supports && ![b.capability].flat().some(supports));

/** Width of hints as the footer draws them: "k label" joined by two spaces. */
export const hintsWidth = (hints: ReadonlyArray<readonly [string, string]>): number =>
  hints.reduce((n, [k, label], i) => n + (i > 0 ? 2 : 0) + k.length + 1 + label.length, 0);

/** The hints that fit `width`, dropped by priority (the highest number first) but kept in the screen's order. */
export function fitHints(bindings: readonly Binding[], readOnly: boolean, width: number, supports?: Supports): Array<[string, string]> {
  const all = bindings.filter((b) => hinted(b, readOnly, supports));
  const keep = new Set(all);
  const byDropOrder = [...all].filter((b) => (b.priority ?? 9) > 0).sort((a, b) => (b.priority ?? 9) - (a.priority ?? 9));
  const shown = () => all.filter((b) => keep.has(b)).map((b): [string, string] => [b.keys, b.hint!]);
  for (const b of byDropOrder) {
    if (hintsWidth(shown()) <= width) break;
    keep.delete(b);
  }
  return shown();
}
