// show: a plan as lines for a terminal and as JSON for scripts (docs/plans.md). Every value that came from a
// provider or a person goes through the caller's safe writer; these functions only lay it out.
import { bodyLines } from '../forms/mask-body.js';
import type { ImpactKind, Plan } from './types.js';

const IMPACT_LABELS: Readonly<Record<ImpactKind, string>> = {
  'restart-required': 'RESTART REQUIRED',
  downtime: 'DOWNTIME',
  irreversible: 'IRREVERSIBLE',
  'replaces-object': 'REPLACES THE WHOLE OBJECT',
  refused: 'REFUSED BY THE PROVIDER',
};

export function planLines(plan: Plan): string[] {
  const lines = [`plan ${plan.hash}: ${plan.summary}`, `  profile ${plan.profile} (${plan.provider}, ${plan.protection})`];
  if (plan.changes.length) {
    const width = plan.changes.reduce((w, c) => Math.max(w, c.label.length), 0);
    lines.push('  changes:', ...plan.changes.map((c) => `    ${c.label.padEnd(width)}  ${c.from} → ${c.to}`));
  }
  if (plan.request) {
    lines.push(`  request: ${plan.request.method} ${plan.request.url}`);
    if (plan.request.body !== undefined) lines.push('  body (secrets masked):', ...bodyLines(plan.request.body, new Set()).map((l) => `    ${l}`));
  }
  if (plan.equivalent?.tool) lines.push(`  same with the provider's tool: ${plan.equivalent.tool}`);
  if (plan.equivalent?.curl) lines.push(`  same with curl: ${plan.equivalent.curl}`);
  if (plan.impacts.length) lines.push('  impact:', ...plan.impacts.map((i) => `    ${IMPACT_LABELS[i.kind]}: ${i.reason}`));
  else lines.push('  impact: none known');
  return lines;
}
