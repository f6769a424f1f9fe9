// pgo 4.3 GET /backrest/{name} (ShowBackrestResponse): pgBackRest's own `info` per storage type, decoded into
// the normalised Backup (newest first).
import * as z from 'zod';
import { ApiError } from '../core/errors.js';
import type { Backup } from '../core/types.js';

const MAX = 10_000;
const backup = z.lazy(() => z.looseObject({
  label: z.string(),
  type: z.string().optional(),
  timestamp: z.looseObject({ start: z.number().optional(), stop: z.number().optional() }).optional(),
  info: z.looseObject({ size: z.number().optional(), delta: z.number().optional() }).optional(),
}));
const response = z.lazy(() => z.looseObject({
  Code: z.string(),
  Msg: z.string().optional(),
  Items: z.array(z.looseObject({
    Name: z.string().optional(),
    StorageType: z.string().optional(),
    Info: z.array(z.looseObject({ backup: z.array(z.unknown()).max(MAX).nullish(), db: z.array(z.looseObject({ version: z.string().optional() })).nullish() })).max(100).nullish(),
  })).max(MAX).nullish(),
}));

export function decodeBackrest(body: unknown, cluster: string): { status: { Code: string; Msg: string }; backups: Backup[] } {
  const r = response.safeParse(body);
  if (!r.success) throw new ApiError('backrest: unexpected answer from the apiserver', { kind: 'malformed', status: 200 });
  const out: Backup[] = [];
  for (const item of r.data.Items ?? []) {
    if (item.Name !== undefined && item.Name !== cluster) continue;
    for (const info of item.Info ?? []) {
      const version = info.db?.at(-1)?.version;
      for (const raw of info.backup ?? []) {
        const b = backup.safeParse(raw);
        if (!b.success) continue;
        const stop = b.data.timestamp?.stop;
        out.push({
          id: b.data.label,
          clusterId: cluster,
          createdAt: stop ? new Date(stop * 1000).toISOString() : undefined,
          version,
          sizeMB: b.data.info?.delta !== undefined ? Math.round(b.data.info.delta / 1_048_576) : undefined,
          location: item.StorageType,
          raw: b.data,
        });
      }
    }
  }
  // By start, as pgBackRest orders its labels: a long full backup can end after a short incremental began.
  const startOf = (b: Backup) => (b.raw as z.infer<typeof backup>).timestamp?.start ?? 0;
  out.sort((a, b) => startOf(b) - startOf(a));
  return { status: { Code: r.data.Code, Msg: r.data.Msg ?? '' }, backups: out };
}
