// The one duration grammar of the command line (--since, --interval, --timeout): a number and a unit (ms, s, m,
// h, d, w), or plain seconds. "90s", "15m", "1h", "7d", "2w", "1500ms", "5" → milliseconds.
import { CommandError, EXIT } from './exit-codes.js';

const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)?$/;

/** Whether the text is a duration with its unit, as opposed to a time (--from 2h vs --from 2026-11-30). */
export const isDuration = (text: string): boolean => /^\d+(?:\.\d+)?(ms|s|m|h|d|w)$/.test(text.trim());

/** The duration in ms (0 allowed: a timeout of 0s); a usage error otherwise. */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text.trim());
  if (!m) throw new CommandError(`not a duration: ${text} (try 30s, 15m, 1h, 7d)`, EXIT.usage);
  return Math.round(Number(m[1]) * UNITS[(m[2] ?? 's') as keyof typeof UNITS]);
}

/** A duration that must be more than nothing (a window, a poll interval). */
export function parsePositiveDuration(text: string): number {
  const ms = parseDuration(text);
  if (!(ms > 0)) throw new CommandError(`not a duration: ${text} (try 30s, 15m, 1h, 7d)`, EXIT.usage);
  return ms;
}
