// When the AGE column's text next changes. The list schedules one timer for the soonest change among the rows
// on screen, so ages tick at the granularity they show (seconds under 2 minutes, then minutes, hours, days)
// and a screen of old clusters sleeps for hours: an idle screen writes nothing.
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
/** setTimeout's largest delay. */
export const MAX_DELAY = 2 ** 31 - 1;

/** Milliseconds until formatAge (../format.ts) of `iso` shows another text; Infinity when it never will. */
export function msUntilAgeChanges(iso: string | undefined, now: number): number {
  if (!iso) return Infinity;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return Infinity;
  const elapsed = now - t;
  if (elapsed < 0) return -elapsed + SECOND; // created "in the future" (clock skew): 0s until then
  // The unit formatAge uses at this age; its next boundary is the next change (thresholds fall on boundaries).
  const unit = elapsed < 2 * MINUTE ? SECOND : elapsed < 2 * HOUR ? MINUTE : elapsed < 2 * DAY ? HOUR : elapsed < 730 * DAY ? DAY : YEAR;
  return unit - (elapsed % unit);
}

/** The delay for a timer that fires at the soonest change among `isos`, or undefined when none will change. */
export function nextAgeTick(isos: Iterable<string | undefined>, now: number): number | undefined {
  let soonest = Infinity;
  for (const iso of isos) soonest = Math.min(soonest, msUntilAgeChanges(iso, now));
  // A few ms late rather than early: a timer that fires just before the boundary would change nothing.
  return Number.isFinite(soonest) ? Math.min(MAX_DELAY, soonest + 5) : undefined;
}

/** The header's freshness steps: 10 s under a minute, then minutes (one short line every 10 s at most while idle). */
const FRESH_STEP = 10 * SECOND;

/** "updated 15 s ago" / "updated 3 min ago": the age floored to the step shown, so it is never younger than the truth. */
export function freshnessText(lastRefresh: number, now: number): string {
  const elapsed = Math.max(0, now - lastRefresh);
  if (elapsed < FRESH_STEP) return 'updated just now';
  if (elapsed < MINUTE) return `updated ${Math.floor(elapsed / FRESH_STEP) * (FRESH_STEP / SECOND)} s ago`;
  return `updated ${Math.floor(elapsed / MINUTE)} min ago`;
}

/** Milliseconds until freshnessText of `lastRefresh` shows another text (a few ms late, never early). */
export function msUntilFreshnessChanges(lastRefresh: number, now: number): number {
  const elapsed = Math.max(0, now - lastRefresh);
  const unit = elapsed < MINUTE ? FRESH_STEP : MINUTE;
  return Math.min(MAX_DELAY, unit - (elapsed % unit) + 5);
}
