// pg_settings, read-only: what `pgtui config` shows where the provider's API has no settings (docs/postgres.md).
import { capText } from './limits.js';
import type { PgSession } from './session.js';

export interface PgSetting {
  name: string;
  value: string;
  unit?: string;
  source?: string;
  pendingRestart: boolean;
  context?: string;
}

export const SETTINGS_SQL = `SELECT left(name, 200) AS name, left(setting, 2000) AS setting, unit, source, pending_restart, context
FROM pg_settings ORDER BY name LIMIT 2000`;

interface Raw {
  name: string;
  setting: string | null;
  unit: string | null;
  source: string | null;
  pending_restart: boolean;
  context: string | null;
}

export function parseSettings(rows: readonly Raw[]): PgSetting[] {
  return rows.map((r) => ({
    name: capText(r.name) ?? '',
    value: capText(r.setting, 2000) ?? '',
    unit: capText(r.unit, 20),
    source: capText(r.source, 60),
    pendingRestart: r.pending_restart === true,
    context: capText(r.context, 40),
  }));
}

export async function loadSettings(session: Pick<PgSession, 'query'>): Promise<PgSetting[]> {
  return parseSettings(await session.query<Raw>(SETTINGS_SQL));
}
