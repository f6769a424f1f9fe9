// The one bound on every delay a server asks for (Retry-After, X-RateLimit-Reset) and every pause the request
// budget takes (docs/polling-store.md "Request budget"). A server may ask pgtui to wait, never to stop: a
// sensible value is waited for at most MAX_SERVER_DELAY_MS, and nonsense (negative, not a number, 1e308, a date
// a year away) is ignored, so the 429 is treated as a plain one with pgtui's own backoff.

/** The longest any server-given delay is waited. */
export const MAX_SERVER_DELAY_MS = 120_000;
/** A delay longer than this is a broken header, not a rate limit. */
const NONSENSE_MS = 24 * 3_600_000;
/** X-RateLimit-Reset values above this are Unix times (seconds), not a number of seconds. */
const EPOCH_SECONDS = 1_000_000_000;
/** RFC 9110 delay-seconds (digits), with a fraction tolerated. */
const SECONDS = /^\s*\d{1,15}(\.\d+)?\s*$/;

/** A server-given delay in ms, capped; undefined when it is nonsense (the caller then uses its own backoff). */
export function boundedDelay(ms: number): number | undefined {
  if (!Number.isFinite(ms) || ms < 0 || ms > NONSENSE_MS) return undefined;
  return Math.min(Math.ceil(ms), MAX_SERVER_DELAY_MS);
}

/** A pause the budget may take: finite, at least 0, at most the cap, whatever it was given. */
export function clampPause(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_SERVER_DELAY_MS) : ms === Infinity ? MAX_SERVER_DELAY_MS : 0;
}

/** Retry-After (seconds or an HTTP date) or X-RateLimit-Reset (seconds, or a Unix time), in ms, bounded. */
export function serverDelayMs(headers: Record<string, string | string[] | undefined>, now = Date.now()): number | undefined {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 100);
  const ra = first(headers['retry-after']);
  if (ra !== undefined) {
    if (SECONDS.test(ra)) return boundedDelay(Number(ra) * 1000);
    // An HTTP date: one in the past means "now"; one further away than a day is nonsense.
    const date = /[a-z]/i.test(ra) ? Date.parse(ra) : NaN;
    if (!Number.isNaN(date) && Math.abs(date - now) <= NONSENSE_MS) return boundedDelay(Math.max(0, date - now));
    return undefined;
  }
  const reset = first(headers['x-ratelimit-reset']);
  if (reset !== undefined && SECONDS.test(reset)) {
    const n = Number(reset);
    // ClickHouse sends seconds and its own client waits reset + 1; other APIs send the Unix time of the reset.
    return n >= EPOCH_SECONDS ? (Math.abs(n * 1000 - now) <= NONSENSE_MS ? boundedDelay(Math.max(0, n * 1000 - now)) : undefined) : boundedDelay((n + 1) * 1000);
  }
  return undefined;
}

/** The largest delay setTimeout takes before it warns (TimeoutOverflowWarning) and fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
