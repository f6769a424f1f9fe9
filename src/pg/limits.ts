// How much of the server's answer pgtui keeps (docs/postgres.md, "Bounds"): every text column is cut in SQL
// (left(...)) and again here, and every list has a LIMIT.
export const QUERY_TEXT_MAX = 4_096;
export const SHORT_TEXT_MAX = 200;
export const SESSIONS_MAX = 2_000;

/** A server string cut to `max` characters (null stays undefined). Made safe where it is shown (src/text/safe.ts). */
export function capText(value: unknown, max = SHORT_TEXT_MAX): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A number from a numeric/bigint column (strings in node-postgres), or undefined. */
export function num(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
