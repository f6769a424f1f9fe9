// The demo's four profiles: one per fake provider, pointing at the running fakes, marked `source: 'demo'`.
import type { Profile } from '../api/profile.js';
import type { TestPkiPaths } from '../fake/certs.js';
import type { DemoFakes } from '../fake/demo-seed.js';

export function demoProfiles(fakes: Omit<DemoFakes, 'scale'>, pkiPaths: TestPkiPaths, connect: Profile['connect']): Profile[] {
  const { clickhouse, pgo, ionosV2, ionosV1 } = fakes;
  // ClickHouse keeps its own sslmode: a profile's explicit one is never upgraded (an SSH tunnel), and the demo's
  // fake CA signs the local PostgreSQL, so its clusters are reached with verify-full as the real ones are.
  const clickhouseConnect = connect && { host: connect.host, port: connect.port };
  return [
    {
      name: 'demo-ionos', kind: 'ionos-v1', source: 'demo', apiUrl: ionosV1.url, username: ionosV1.credentials.username,
      password: ionosV1.credentials.password, contractNumber: ionosV1.contractNumber, connect,
    },
    {
      name: 'demo-ionos-v2', kind: 'ionos-v2', source: 'demo', endpoints: ionosV2.endpoints, username: ionosV2.credentials.username,
      password: ionosV2.credentials.password, contractNumber: ionosV2.contractNumber, connect,
    },
    { name: 'demo-clickhouse', kind: 'clickhouse', source: 'demo', apiUrl: clickhouse.url, keyId: clickhouse.keyId, keySecret: clickhouse.keySecret, connect: clickhouseConnect },
    {
      name: 'demo-pgo', kind: 'pgo', source: 'demo', apiUrl: pgo.url, namespace: pgo.namespace, username: pgo.username, password: pgo.password,
      caCert: pkiPaths.caCert, clientCert: pkiPaths.clientCert, clientKey: pkiPaths.clientKey, connect,
    },
  ];
}
