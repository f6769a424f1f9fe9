// The fake's /config endpoints: user-set pgConfig and pgBouncerConfig, replaced (POST) or merged (PATCH).
import type { FakePgService } from './model.js';

/** Parameters PostgreSQL only reads at start-up; the real API says so in `message`. */
const NEEDS_RESTART = ['max_connections', 'max_worker_processes', 'autovacuum_max_workers'];

export function applyConfig(s: FakePgService, body: Record<string, unknown>, replace: boolean): Record<string, unknown> {
  const pg = (body.pgConfig ?? {}) as FakePgService['pgConfig'];
  const bouncer = (body.pgBouncerConfig ?? {}) as FakePgService['pgBouncerConfig'];
  s.pgConfig = replace ? { ...pg } : { ...s.pgConfig, ...pg };
  s.pgBouncerConfig = replace ? { ...bouncer } : { ...s.pgBouncerConfig, ...bouncer };
  const restart = NEEDS_RESTART.filter((k) => k in pg);
  const result: Record<string, unknown> = { pgConfig: s.pgConfig, pgBouncerConfig: s.pgBouncerConfig };
  if (restart.length) {
    result.message = `The changes in the following parameters require a database restart to take effect: ${restart.join(', ')}. You can restart the database by using the restart endpoint.`;
  }
  return result;
}
