// The right a least-privileged pgtui login needs (docs/postgres.md, "Least privilege"): pg_monitor to see
// every session, statement and replication figure; pg_signal_backend to cancel or end sessions. When one is
// missing, the exact GRANT goes in one line.
import { oneLine } from '../text/safe.js';

export type PredefinedRole = 'pg_monitor' | 'pg_signal_backend';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** "run as an admin: GRANT pg_monitor TO "app";" */
export function missingGrant(role: PredefinedRole, user: string | undefined): string {
  const who = user ? quoteIdent(oneLine(user, 63)) : 'CURRENT_USER';
  const what = role === 'pg_monitor' ? 'to see every session and statement' : 'to cancel or end sessions of other users';
  return `${what}, run as an admin: GRANT ${role} TO ${who};`;
}
