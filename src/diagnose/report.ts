// A diagnosis as text (a terminal or a pipe), as JSON (docs/diagnose.schema.json, versioned) and as a
// Markdown incident document. Every string from a provider or a database is made one safe line here.
import { paint, type ColorName } from '../present/format.js';
import { oneLine } from '../text/safe.js';
import { worst } from './health.js';
import type { Diagnosis } from './run.js';
import type { CheckResult, Verdict } from './types.js';

export const SCHEMA_ID = 'https://pgtui.dev/schemas/diagnose/v1.json';
export const SCHEMA_VERSION = 1;

const COLOR: Record<Verdict, ColorName> = { green: 'green', yellow: 'yellow', red: 'red', unknown: 'gray' };
const LABEL: Record<Verdict, string> = { green: 'GREEN', yellow: 'YELLOW', red: 'RED', unknown: 'UNKNOWN' };

export interface ReportJson {
  $schema: string;
  schemaVersion: number;
  generatedAt: string;
  verdict: Verdict;
  clusters: ClusterJson[];
}

interface ClusterJson {
  name: string;
  id: string;
  profile: string;
  provider: string;
  phase: string;
  verdict: Verdict;
  reason: string;
  postgres: { checked: boolean; skipped?: string };
  checks: Array<CheckResult>;
}

function cleanCheck(c: CheckResult): CheckResult {
  const values = c.values && Object.fromEntries(Object.entries(c.values).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'string' ? oneLine(v, 200) : v]));
  return { id: c.id, title: c.title, source: c.source, verdict: c.verdict, evidence: oneLine(c.evidence, 500), action: oneLine(c.action, 300), ...(values ? { values } : {}) };
}

export function reportJson(diagnoses: readonly Diagnosis[], now: Date): ReportJson {
  return {
    $schema: SCHEMA_ID,
    schemaVersion: SCHEMA_VERSION,
    generatedAt: now.toISOString(),
    verdict: diagnoses.length ? worst(diagnoses.map((d) => d.verdict)) : 'unknown',
    clusters: diagnoses.map((d) => ({
      name: oneLine(d.cluster.name, 200),
      id: oneLine(d.cluster.id, 200),
      profile: oneLine(d.cluster.profile, 200),
      provider: d.cluster.provider,
      phase: d.cluster.phase,
      verdict: d.verdict,
      reason: oneLine(d.reason, 500),
      postgres: d.postgresSkipped ? { checked: false, skipped: oneLine(d.postgresSkipped, 300) } : { checked: true },
      checks: d.checks.map(cleanCheck),
    })),
  };
}

/** For a terminal: one block per cluster, worst check first, the next actions of the non-green ones. */
export function reportText(diagnoses: readonly Diagnosis[], color: boolean): string {
  const blocks = diagnoses.map((d) => {
    const head = `${paint(LABEL[d.verdict], COLOR[d.verdict], color)}  ${oneLine(d.cluster.name, 120)} (${oneLine(d.cluster.profile, 60)}, ${d.cluster.provider}): ${oneLine(d.reason, 300)}`;
    const idW = d.checks.reduce((w, c) => Math.max(w, c.id.length), 5);
    const rows = d.checks.map((c) => `  ${paint(LABEL[c.verdict].padEnd(7), COLOR[c.verdict], color)}  ${c.id.padEnd(idW)}  ${oneLine(c.evidence, 300)}`);
    const actions = d.checks.filter((c) => (c.verdict === 'red' || c.verdict === 'yellow') && c.action).map((c) => `  → ${c.id}: ${oneLine(c.action, 300)}`);
    const skipped = d.postgresSkipped ? [`  Postgres checks not run: ${oneLine(d.postgresSkipped, 300)}`] : [];
    return [head, ...rows, ...skipped, ...(actions.length ? ['  next:', ...actions] : [])].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Markdown cells: no pipes or HTML from provider text. */
const md = (text: string, max = 300) => oneLine(text, max).replace(/[|<>`]/g, (c) => `\\${c}`);

/** An incident document: summary, findings worst first, evidence table, the next actions as a checklist. */
export function reportMarkdown(diagnoses: readonly Diagnosis[], now: Date): string {
  const out: string[] = [`# Health report — ${now.toISOString().replace(/\.\d+Z$/, 'Z')}`, ''];
  const overall = diagnoses.length ? worst(diagnoses.map((d) => d.verdict)) : 'unknown';
  out.push(`Overall: **${LABEL[overall]}** over ${diagnoses.length} cluster${diagnoses.length === 1 ? '' : 's'}.`, '');
  for (const d of diagnoses) {
    out.push(`## ${md(d.cluster.name, 120)} — ${LABEL[d.verdict]}`, '');
    out.push(`- Profile: ${md(d.cluster.profile)} (${d.cluster.provider}), id \`${oneLine(d.cluster.id, 120).replace(/`/g, "'")}\``);
    out.push(`- Phase: ${d.cluster.phase} (${md(d.cluster.state, 60)})${d.cluster.version ? `, PostgreSQL ${md(d.cluster.version, 40)}` : ''}`);
    out.push(`- Summary: ${md(d.reason, 500)}`);
    out.push(`- Checked at: ${d.at}${d.postgresSkipped ? `; Postgres checks not run: ${md(d.postgresSkipped)}` : ''}`, '');
    out.push('| Verdict | Check | Evidence |', '| --- | --- | --- |');
    for (const c of d.checks) out.push(`| ${LABEL[c.verdict]} | ${c.title} (\`${c.id}\`) | ${md(c.evidence, 500)} |`);
    const todo = d.checks.filter((c) => (c.verdict === 'red' || c.verdict === 'yellow') && c.action);
    if (todo.length) {
      out.push('', '### Next actions', '');
      for (const c of todo) out.push(`- [ ] ${LABEL[c.verdict]} ${c.id}: ${md(c.action)}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
