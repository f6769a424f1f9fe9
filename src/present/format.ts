// Formatting shared by the TUI and the one-shot commands (no Ink or React here: `pgtui ls` imports it).
import type { Phase } from '../api/core/types.js';
import { forScreen } from '../text/safe.js';

/** NO_COLOR (any non-empty value) and non-TTY output turn colour off; FORCE_COLOR turns it on. */
export function colorEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

export type ColorName = 'green' | 'yellow' | 'cyan' | 'red' | 'magenta' | 'gray' | 'blue' | 'white';

export const PHASE_COLORS: Record<Phase, ColorName> = {
  creating: 'cyan',
  ready: 'green',
  updating: 'yellow',
  degraded: 'magenta',
  stopped: 'gray',
  deleting: 'yellow',
  failed: 'red',
  unknown: 'gray',
};

const ANSI: Record<ColorName, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90 };

/** Wraps text in an ANSI colour, or returns it unchanged when colour is off. */
export function paint(text: string, color: ColorName | undefined, enabled: boolean): string {
  if (!enabled || !color) return text;
  return `\u001b[${ANSI[color]}m${text}\u001b[39m`;
}

/** "42s", "5m", "3h", "12d", "2y" — like kubectl's AGE column. */
export function formatAge(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '-';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '-';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 730) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

/** Cuts text to a display width with an ellipsis (ASCII-width approximation; names are mostly ASCII). */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}

/**
 * Replaces unsafe characters (text/safe.ts) so provider-supplied text cannot move the cursor or change colours,
 * and cuts it to what a screen can show (forScreen: nothing longer reaches Ink's layout).
 */
export const sanitize = (text: string): string => forScreen(text); // one argument: safe as a .map() callback
