// How a cluster's health verdict looks in the list and the detail screen (docs/diagnose.md "In the TUI").
import type { ColorName } from './format.js';
import { VERDICT_COLORS } from './verdict.js';
import { clockTime } from '../state/store-health.js';
import type { ClusterHealth } from '../state/types.js';

interface HealthLine {
  text: string;
  color?: ColorName;
  bold?: boolean;
  dim?: boolean;
}


/**
 * The detail screen's Health section: the verdict with its reason, then each check that is not green with its
 * evidence and the next action (unknown ones last, in one line each), and why Postgres was not checked.
 */
export function healthDetailLines(h: ClusterHealth | undefined): HealthLine[] {
  const out: HealthLine[] = [{ text: 'Health', bold: true }];
  if (!h) return [...out, { text: '  not judged yet', dim: true }];
  out.push({ text: `  ${h.verdict.toUpperCase()}  ${h.reason}`, color: VERDICT_COLORS[h.verdict] });
  out.push({ text: `  since ${clockTime(h.since)}`, dim: true });
  const faults = h.checks.filter((c) => c.verdict === 'red' || c.verdict === 'yellow');
  for (const c of faults) {
    out.push({ text: `  ${c.verdict.toUpperCase().padEnd(7)} ${c.title} (${c.id}): ${c.evidence}`, color: VERDICT_COLORS[c.verdict] });
    if (c.action) out.push({ text: `          → ${c.action}` });
  }
  const unknown = h.checks.filter((c) => c.verdict === 'unknown');
  for (const c of unknown) out.push({ text: `  ${'UNKNOWN'.padEnd(7)} ${c.title} (${c.id}): ${c.evidence}`, dim: true });
  if (faults.length === 0 && h.verdict === 'green') out.push({ text: `  every check passed (${h.checks.length - unknown.length} judged)`, dim: true });
  if (h.postgresSkipped) out.push({ text: `  Postgres not checked: ${h.postgresSkipped}`, dim: true });
  return out;
}
