// pgtui replication NAME: on a primary its standbys with their lag, on a standby its WAL receiver; the slots.
import type { Replication } from '../pg/replication.js';
import { formatAge, formatBytes } from '../pg/format.js';
import { oneLine } from '../text/safe.js';
import { writeOut } from '../text/write.js';
import type { Context } from './context.js';
import { EXIT } from './exit-codes.js';
import { parseOutput, plainTable, structured, type OutputFlags, type Output } from './output.js';
import { pgTarget, withPgSession, type PgCommandOptions } from './pg-session.js';

export type ReplicationOptions = OutputFlags & PgCommandOptions;

const dash = (v: string | undefined, max = 60) => (v ? oneLine(v, max) : '-');

export function replicationText(r: Replication, out: Output): string {
  const parts: string[] = [];
  if (r.role === 'standby') {
    const w = r.receiver;
    parts.push(`standby: receiving from ${dash(w?.senderHost)}:${w?.senderPort ?? '-'} (${dash(w?.status, 30)}), replay lag ${formatBytes(r.replayLagBytes)}, ${formatAge(r.replayLagMs)} behind`);
  } else {
    parts.push(r.standbys.length ? 'primary, standbys:' : 'primary, no standby connected');
  }
  if (r.standbys.length) {
    parts.push(
      plainTable(r.standbys, [
        { title: 'PID', value: (s) => String(s.pid) },
        { title: 'APP', value: (s) => dash(s.app, 40) },
        { title: 'CLIENT', value: (s) => dash(s.client, 50) },
        { title: 'STATE', value: (s) => dash(s.state, 20) },
        { title: 'SYNC', value: (s) => dash(s.syncState, 20) },
        { title: 'WRITE_LAG', value: (s) => `${formatBytes(s.writeLagBytes)} ${formatAge(s.writeLagMs)}`, wide: true },
        { title: 'FLUSH_LAG', value: (s) => `${formatBytes(s.flushLagBytes)} ${formatAge(s.flushLagMs)}`, wide: true },
        { title: 'REPLAY_LAG', value: (s) => `${formatBytes(s.replayLagBytes)} ${formatAge(s.replayLagMs)}` },
      ], out),
    );
  }
  parts.push(r.slots.length ? 'slots:' : 'no replication slots');
  if (r.slots.length) {
    parts.push(
      plainTable(r.slots, [
        { title: 'SLOT', value: (s) => dash(s.name, 80) },
        { title: 'TYPE', value: (s) => dash(s.type, 20) },
        { title: 'ACTIVE', value: (s) => (s.active ? 'yes' : 'INACTIVE') },
        { title: 'RETAINED', value: (s) => formatBytes(s.retainedBytes) },
        { title: 'WAL_STATUS', value: (s) => dash(s.walStatus, 20) },
        { title: 'DATABASE', value: (s) => dash(s.database, 40), wide: true },
      ], out),
    );
  }
  return `${parts.join('\n')}\n`;
}

export async function replication(ctx: Context, query: string, opts: ReplicationOptions): Promise<number> {
  const out = parseOutput(opts);
  const t = await pgTarget(ctx, query);
  return withPgSession(ctx, t, opts, async (session) => {
    const { loadReplication } = await import('../pg/replication.js');
    const r = await loadReplication(session);
    writeOut(out.format === 'json' || out.format === 'yaml' ? await structured(out.format, r) : replicationText(r, out));
    return EXIT.ok;
  });
}
