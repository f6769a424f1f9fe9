// `--json --raw` and the edit body review mask secret-named fields and passwords inside URIs/DSNs, and the
// JSON carries no unsafe character raw.
import { describe, expect, it } from 'vitest';
import { jsonClusters } from '../../src/commands/table.js';
import { bodyLines } from '../../src/forms/mask-body.js';
import type { Cluster } from '../../src/api/core/types.js';
import { safeJson } from '../../src/text/safe.js';

const raw = {
  id: 'c1',
  properties: { displayName: 'n\u009b\u202e', credentials: { username: 'admin', password: 'hunter2' }, connectionString: 'postgresql://admin:s3cret@db.example:5432/app' },
  dsn: "host=db user=admin password='p w' sslmode=require",
  nested: [{ accessToken: 'tok-123', privateKey: '-----BEGIN KEY', keyId: 'k-1' }],
};
const cluster: Cluster = { profile: 'p', provider: 'ionos-v2', id: 'c1', name: 'n', phase: 'ready', state: 'AVAILABLE', raw };

describe('--json --raw', () => {
  it('masks every secret and keeps the rest', () => {
    const text = safeJson(jsonClusters([cluster], true));
    for (const s of ['hunter2', 's3cret', "'p w'", 'tok-123', 'BEGIN KEY']) expect(text).not.toContain(s);
    const [out] = JSON.parse(text) as Array<{ raw: typeof raw }>;
    expect(out!.raw.properties.credentials.username).toBe('admin');
    expect(out!.raw.properties.connectionString).toBe('postgresql://admin:***@db.example:5432/app');
    expect(out!.raw.dsn).toBe('host=db user=admin password=*** sslmode=require');
    expect(out!.raw.nested[0]!.keyId).toBe('k-1');
    expect(out!.raw.properties.displayName).toBe('n\u009b\u202e');
    expect(text).toContain('\\u009b');
    // The cluster itself is untouched.
    expect(raw.properties.credentials.password).toBe('hunter2');
  });
  it('without --raw there is no raw object', () => {
    expect(jsonClusters([cluster], false)[0]).not.toHaveProperty('raw');
  });
  it('the edit body review masks URI passwords too', () => {
    const lines = bodyLines({ properties: { restore: 'postgres://u:pw1@h/d', adminPassword: 'pw2', apiKey: 'pw3' } }).join('\n');
    for (const s of ['pw1', 'pw2', 'pw3']) expect(lines).not.toContain(s);
  });
});
