// The ClickHouse Cloud profile as the client and the module read it (the module's schema checks config.json against it).
import type { ProfileCommon } from '../core/profile-common.js';

export interface ClickHouseProfile extends ProfileCommon {
  kind: 'clickhouse';
  /** Default https://api.clickhouse.cloud (CLICKHOUSE_API_URL). */
  apiUrl?: string;
  keyId: string;
  keySecret: string;
  /** Discovered from GET /v1/organizations when absent. */
  organizationId?: string;
}
