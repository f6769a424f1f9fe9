// Numbers in evidence lines: durations, bytes, percentages.
import { binaryBytes } from '../text/bytes.js';

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(s < 36_000 ? 1 : 0)} h`;
  return `${Math.round(s / 86_400)} days`;
}

export const bytes = binaryBytes;

export const pct = (v: number) => `${v.toFixed(v >= 99.95 || v < 10 ? 1 : v >= 99 ? 2 : 0)}%`;

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
