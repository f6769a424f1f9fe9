// The IONOS DBaaS v1 profile as the client and the module read it (the module's schema checks config.json against it).
import type { ProfileCommon } from '../core/profile-common.js';
import type { IonosAuthFields } from '../ionos-shared/module-kit.js';

export interface IonosV1Profile extends ProfileCommon, IonosAuthFields {
  kind: 'ionos-v1';
  /** Default https://api.ionos.com/databases/postgresql (IONOS_API_URL). */
  apiUrl?: string;
}
