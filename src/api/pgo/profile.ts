// The Crunchy PGO 4.3 profile as the client and the module read it (the module's schema checks config.json against it).
import type { ProfileCommon } from '../core/profile-common.js';

export interface PgoProfile extends ProfileCommon {
  kind: 'pgo';
  /** e.g. https://127.0.0.1:8443 (PGO_APISERVER_URL). */
  apiUrl: string;
  namespace: string;
  /** Paths to PEM files (PGO_CA_CERT, PGO_CLIENT_CERT, PGO_CLIENT_KEY). */
  caCert?: string;
  clientCert?: string;
  clientKey?: string;
  username: string;
  password: string;
  /** Skip server certificate verification. Explicit, and marked in red in the UI. */
  insecure?: boolean;
}
