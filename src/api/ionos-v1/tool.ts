// The ionosctl line for a planned change (docs/plans.md): `ionosctl dbaas postgres cluster …` (ionosctl's v1
// commands, /work/shared/reference/ionos.md §8). Undefined where a changed field has no flag.
import { shellArg, type ToolChange } from '../core/provider-module.js';

const FLAGS: Readonly<Record<string, (v: string) => string>> = {
  displayName: (v) => `--name ${shellArg(v)}`,
  postgresVersion: (v) => `--version ${shellArg(v)}`,
  instances: (v) => `--instances ${shellArg(v)}`,
  cores: (v) => `--cores ${shellArg(v)}`,
  ram: (v) => `--ram ${shellArg(`${v}MB`)}`,
  storageSize: (v) => `--storage-size ${shellArg(`${v}MB`)}`,
  maintenanceDay: (v) => `--maintenance-day ${shellArg(v)}`,
  maintenanceTime: (v) => `--maintenance-time ${shellArg(v)}`,
};

export function ionosV1Tool({ operation, cluster, changes }: ToolChange): string | undefined {
  if (!cluster.id) return undefined;
  const base = `ionosctl dbaas postgres cluster`;
  const id = `--cluster-id ${shellArg(cluster.id)}`;
  if (operation === 'remove') return `${base} delete ${id} --force`;
  if (operation === 'restore') {
    const backup = changes.find((c) => c.key === 'backup')?.to;
    const time = changes.find((c) => c.key === 'targetTime')?.to;
    return backup ? `${base} restore ${id} --backup-id ${shellArg(backup)}${time ? ` --recovery-time ${shellArg(time)}` : ''} --force` : undefined;
  }
  if (operation === 'update') {
    const flags = changes.map((c) => FLAGS[c.key]?.(c.to));
    return flags.every(Boolean) && flags.length ? `${base} update ${id} ${flags.join(' ')}` : undefined;
  }
  return undefined;
}
