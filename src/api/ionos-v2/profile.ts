// The IONOS DBaaS v2 profile as the client and the module read it (the module's schema checks config.json against it).
import type { ProfileCommon } from '../core/profile-common.js';
import type { IonosAuthFields } from '../ionos-shared/module-kit.js';

export interface IonosV2Profile extends ProfileCommon, IonosAuthFields {
  kind: 'ionos-v2';
  /** Regional URL template with %s for the location ("de-txl"); default https://postgresql.%s.ionos.com. */
  apiUrl?: string;
  /** Per-location base URLs, overriding the template (location "de/txl" → URL). */
  endpoints?: Record<string, string>;
  /** Only these locations (default: all nine). */
  locations?: string[];
}
