// The pgo line for a planned change (docs/plans.md): pgo 4.3's own commands (/work/shared/reference/crunchy-pgo.md),
// in the profile's namespace. Undefined where a changed field has no flag.
import { shellArg, type ToolChange } from '../core/provider-module.js';

const FLAGS: Readonly<Record<string, (v: string) => string>> = {
  cpu: (v) => `--cpu ${shellArg(v)}`,
  memory: (v) => `--memory ${shellArg(v)}`,
  autofail: (v) => (v === 'true' ? '--enable-autofail' : '--disable-autofail'),
  power: (v) => (v === 'shutdown' ? '--shutdown' : '--startup'),
};

export function pgoTool({ operation, cluster, changes, profile }: ToolChange): string | undefined {
  const ns = (profile as { namespace?: string }).namespace;
  const n = ns ? ` -n ${shellArg(ns)}` : '';
  const name = shellArg(cluster.id ?? cluster.name);
  if (operation === 'remove') return `pgo delete cluster ${name}${n} --no-prompt`;
  if (operation === 'update') {
    const flags = changes.map((c) => FLAGS[c.key]?.(c.to));
    return flags.every(Boolean) && flags.length ? `pgo update cluster ${name}${n} ${flags.join(' ')} --no-prompt` : undefined;
  }
  return undefined;
}
