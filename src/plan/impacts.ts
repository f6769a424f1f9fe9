// The impact labels of a plan (docs/plans.md): restart required, downtime, irreversible, replaces the whole
// object, and changes the provider refuses. Read from the operation, the field-by-field changes and the request,
// never from the provider's name: the field keys every provider uses for instances, versions and storage are
// matched by pattern.
import { POSTMASTER_SETTINGS } from './postmaster-settings.js';
import type { Impact, PlanChange } from './types.js';

/** "100", "100 GB", "20Gi", "2048 MB" → a number in one unit per family (bytes), or undefined. */
function size(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B?|[KMGT])?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? '').toUpperCase().replace(/I?B$/, '').replace('I', '');
  const pow = { '': 0, K: 1, M: 2, G: 3, T: 4 }[unit] ?? 0;
  return Number(m[1]) * 1024 ** pow;
}

const num = (text: string): number | undefined => (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

function editImpacts(changes: readonly PlanChange[]): Impact[] {
  const out: Impact[] = [];
  for (const c of changes) {
    const key = `${c.key} ${c.label}`;
    if (/replica/i.test(key) && num(c.to) === 0 && num(c.from) !== 0) {
      out.push({ kind: 'downtime', reason: `${c.label} ${c.from} → 0: a single instance, no standby to fail over to` });
    } else if (/instance|node.?count|\bcount\b/i.test(key) && num(c.to) === 1 && (num(c.from) ?? 0) > 1) {
      out.push({ kind: 'downtime', reason: `${c.label} ${c.from} → 1: a single instance, no standby to fail over to` });
    }
    if (/version|image.?tag/i.test(key) && c.from !== c.to) out.push({ kind: 'downtime', reason: `${c.label} ${c.from} → ${c.to}: a version upgrade restarts every instance` });
    if (/storage.?type|disk.?type|storage.?class/i.test(key) && c.from !== c.to) out.push({ kind: 'downtime', reason: `${c.label} ${c.from} → ${c.to}: the data is copied to new storage` });
    else if (/storage|disk|pvc/i.test(key)) {
      const [from, to] = [size(c.from), size(c.to)];
      if (from !== undefined && to !== undefined && to < from) out.push({ kind: 'refused', reason: `${c.label} ${c.from} → ${c.to}: storage cannot shrink; the provider refuses a smaller size` });
    }
  }
  return out;
}

export interface ImpactInput {
  operation: string;
  changes: readonly PlanChange[];
  /** The request's method and URL, when the plan has one. */
  request?: { method: string; url: string };
}

export function impactsOf({ operation, changes, request }: ImpactInput): Impact[] {
  const out: Impact[] = [];
  switch (operation) {
    case 'remove':
      out.push({ kind: 'irreversible', reason: 'deletes the cluster and its data' });
      break;
    case 'restore':
      // An API that restores into a new cluster posts to a path naming the new object ("…/restoredService").
      if (request && /restored|clone|\/clusters$/i.test(new URL(request.url).pathname)) break;
      out.push({ kind: 'irreversible', reason: 'restores in place: the current data is replaced by the backup' });
      out.push({ kind: 'downtime', reason: 'the cluster is unavailable while it restores' });
      break;
    case 'promote':
      out.push({ kind: 'irreversible', reason: 'the replica stops following its source for good' });
      break;
    case 'resetPassword':
      out.push({ kind: 'irreversible', reason: 'the old password stops working at once' });
      break;
    case 'restart':
      out.push({ kind: 'downtime', reason: 'connections drop while it restarts' });
      break;
    case 'terminate':
      out.push({ kind: 'irreversible', reason: 'each session ends; its open transaction rolls back' });
      break;
    case 'switchover':
      out.push({ kind: 'downtime', reason: 'connections drop while the primary changes' });
      break;
    case 'updateSettings': {
      const restart = changes.filter((c) => POSTMASTER_SETTINGS.has(c.key)).map((c) => c.key);
      if (restart.length) out.push({ kind: 'restart-required', reason: `${restart.join(', ')}: PostgreSQL reads ${restart.length > 1 ? 'these' : 'this'} only at start` });
      break;
    }
    case 'update':
      out.push(...editImpacts(changes));
      break;
  }
  if (request?.method === 'PUT') out.push({ kind: 'replaces-object', reason: 'PUT sends the whole object and replaces the old one' });
  return out;
}
