// Editing a v2 cluster: PUT /clusters/{id} is a full replace ("Non present data will only be filled with
// defaults", docs/ionos.md §4.4), so the change is merged into the complete properties just read, and all of them go back.
import type { ChangePlan, FieldSpec, FormSpec, FormValues } from '../core/types.js';
import { DAYS, LIMITS, POOLERS, REPLICATION_MODES } from './catalog.js';
import { backupLocationOf, type V2Cluster, type V2Properties } from './mapping.js';
import { checkFields } from './rules.js';

type Props = Record<string, unknown>;

interface EditField {
  key: string;
  label: string;
  get(p: V2Properties): string | undefined;
  set(p: Props, v: string): void;
  int?: boolean;
}

function sub(p: Props, key: string): Props {
  const cur = p[key];
  const obj: Props = cur && typeof cur === 'object' ? { ...(cur as Props) } : {};
  p[key] = obj;
  return obj;
}

const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
const top = (key: keyof V2Properties & string, label: string, kind: 'str' | 'bool' = 'str'): EditField => ({
  key, label,
  get: (p) => str(p[key]),
  set: (p, v) => {
    if (kind === 'bool') p[key] = v === 'true';
    else if (v === '') delete p[key];
    else p[key] = v;
  },
});
const nested = (key: string, obj: string, prop: string, label: string, int = false): EditField => ({
  key, label, int,
  get: (p) => str((p as Props)[obj] && ((p as Props)[obj] as Props)[prop]),
  set: (p, v) => void (sub(p, obj)[prop] = int ? Number(v) : v.trim()),
});

export const EDIT_FIELDS: EditField[] = [
  top('name', 'Name'),
  top('description', 'Description'),
  top('version', 'PostgreSQL version'),
  nested('instances', 'instances', 'count', 'Instances', true),
  nested('cores', 'instances', 'cores', 'Cores per instance', true),
  nested('ram', 'instances', 'ram', 'RAM per instance (GB)', true),
  nested('storageSize', 'instances', 'storageSize', 'Storage per instance (GB)', true),
  top('replicationMode', 'Replication'),
  top('connectionPooler', 'Connection pooler'),
  nested('maintenanceDay', 'maintenanceWindow', 'dayOfTheWeek', 'Maintenance day'),
  nested('maintenanceTime', 'maintenanceWindow', 'time', 'Maintenance time'),
  // Only in the current shape (`backup {location, retentionDays}`); a cluster in the older shape (top-level
  // `backupLocation`) has no retention setting, and the form leaves it out (hasRetention).
  nested('retentionDays', 'backup', 'retentionDays', 'Backup retention (days)', true),
  top('logsEnabled', 'Logs', 'bool'),
  top('metricsEnabled', 'Metrics', 'bool'),
  nested('datacenterId', 'connection', 'datacenterId', 'Data center id'),
  nested('lanId', 'connection', 'lanId', 'LAN id'),
  nested('primaryInstanceAddress', 'connection', 'primaryInstanceAddress', 'Primary address'),
];

/** Whether the cluster came in the current backup shape, the only one with a retention to edit. */
function hasRetention(p: V2Properties): boolean {
  return !!p.backup && typeof p.backup === 'object';
}

/** The fields this cluster's shape has. */
function fieldsOf(p: V2Properties): EditField[] {
  return hasRetention(p) ? EDIT_FIELDS : EDIT_FIELDS.filter((f) => f.key !== 'retentionDays');
}

/** Only newer versions are upgrades, whatever a version's canUpgradeTo lists; newest last. */
export function newerThan(current: string, versions: readonly string[]): string[] {
  return [...new Set(versions)].filter((v) => Number(v) > Number(current)).sort((a, b) => Number(a) - Number(b));
}

export function editFormSpec(raw: V2Cluster, location: string, upgrades: string[]): FormSpec {
  const p = raw.properties;
  const value = (key: string) => EDIT_FIELDS.find((f) => f.key === key)!.get(p);
  const current = value('version') ?? '';
  const fields: FieldSpec[] = [
    { key: 'location', label: 'Location', kind: 'text', default: location, immutable: true },
    { key: 'backupLocation', label: 'Backup location', kind: 'text', default: backupLocationOf(p) ?? '', immutable: true },
    { key: 'username', label: 'Database user', kind: 'text', default: p.credentials?.username ?? '', immutable: true },
  ];
  // Sent only when given: some servers want the credentials back with every PUT (the GET never returns the password).
  const password: FieldSpec = { key: 'password', label: 'Database password', kind: 'secret', help: 'only if IONOS asks for it: sent with this change, never stored' };
  for (const f of fieldsOf(p)) {
    const spec: FieldSpec = { key: f.key, label: f.label, kind: f.int ? 'int' : 'text', default: value(f.key) ?? '' };
    if (f.key === 'version') Object.assign(spec, { kind: 'choice', choices: [current, ...newerThan(current, upgrades)].filter(Boolean).map((v) => ({ value: v })), help: 'upgrades only' });
    if (f.key === 'instances') spec.help = `${LIMITS.count[0]}–${LIMITS.count[1]}`;
    if (f.key === 'replicationMode') Object.assign(spec, { kind: 'choice', choices: REPLICATION_MODES.map((v) => ({ value: v })) });
    if (f.key === 'connectionPooler') Object.assign(spec, { kind: 'choice', choices: POOLERS.map((v) => ({ value: v })) });
    if (f.key === 'maintenanceDay') Object.assign(spec, { kind: 'choice', choices: DAYS.map((v) => ({ value: v })) });
    if (f.key === 'logsEnabled' || f.key === 'metricsEnabled') Object.assign(spec, { kind: 'bool', default: value(f.key) ?? 'false' });
    fields.push(spec);
  }
  fields.push(password);
  return { title: `Edit ${p.name ?? raw.id}`, fields, validate: (values) => validateEdit(raw, values) };
}

/** Checks the edited keys; cross-field rules see the merged result (3 instances for STRICTLY_SYNCHRONOUS). */
export function validateEdit(raw: V2Cluster, values: FormValues): Record<string, string> {
  const merged: FormValues = {};
  const fields = fieldsOf(raw.properties);
  for (const f of fields) merged[f.key] = values[f.key] ?? f.get(raw.properties) ?? '';
  // A key that is empty now and was empty before is no change (the form's blank default), not a value to check.
  const keys = fields.map((f) => f.key).filter((k) => values[k] !== undefined && !(values[k]!.trim() === '' && !EDIT_FIELDS.find((f) => f.key === k)!.get(raw.properties)));
  const errors = checkFields(merged, keys, keys.filter((k) => ['name', 'version', 'instances', 'cores', 'ram', 'storageSize', 'retentionDays'].includes(k)));
  // A volume only grows: IONOS refuses a smaller storageSize (v1 says so, docs/ionos.md §4.4; the v2 fake too).
  const storageNow = Number(raw.properties.instances?.storageSize ?? 0);
  if (values.storageSize !== undefined && !errors.storageSize && Number(merged.storageSize) < storageNow) {
    errors.storageSize = `storage can only grow: at least ${storageNow} GB (IONOS cannot shrink a volume)`;
  }
  const versionNow = Number(raw.properties.version);
  if (values.version !== undefined && !errors.version && Number(merged.version) < versionNow) errors.version = 'a version can only be upgraded';
  if (merged.replicationMode === 'STRICTLY_SYNCHRONOUS' && Number(merged.instances) < 3 && values.instances !== undefined) {
    errors.instances ??= 'STRICTLY_SYNCHRONOUS needs at least 3 instances';
  }
  return errors;
}

/**
 * The PUT body: every property just read (unknown ones too, and the backup settings in whichever shape the GET
 * had), with the edited values merged in; what the user did not change goes back exactly as read. `credentials`
 * are write-only (the password is never returned) and `restoreFromBackup` is a one-shot order, so neither is resent
 * unless the API asks for credentials (docs/ionos.md, "Editing a v2 cluster").
 */
export function planPut(raw: V2Cluster, values: FormValues, path: string): ChangePlan {
  const props = structuredClone(raw.properties) as Props;
  delete props.credentials;
  delete props.restoreFromBackup;
  const diff: ChangePlan['diff'] = [];
  for (const f of fieldsOf(raw.properties)) {
    const next = values[f.key];
    if (next === undefined) continue;
    const from = f.get(raw.properties) ?? '';
    // A blank number is no value: never Number('') = 0.
    if (f.int && next.trim() === '') continue;
    const to = f.int ? String(Number(next)) : next.trim();
    if (to === from) continue;
    f.set(props, to);
    diff.push({ key: f.key, label: f.label, from, to });
  }
  // The password goes only with a real change, with the user and database the GET showed; it is never stored.
  const pw = values.password;
  if (pw && diff.length > 0) props.credentials = { username: raw.properties.credentials?.username, database: raw.properties.credentials?.database, password: pw };
  return { diff, body: { id: raw.id, properties: props }, method: 'PUT', path };
}

/** Whether a refused PUT says the credentials were missing (a server that wants them with every PUT). */
export function asksForCredentials(messages: string | undefined): boolean {
  return !!messages && /properties\.credentials\b[^;]*required/i.test(messages);
}
