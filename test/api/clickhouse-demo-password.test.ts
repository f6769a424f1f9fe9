// The demo hands every ClickHouse service one password (its local PostgreSQL's `postgres` role); `P` (password
// reset) must still give a new one each time, as the real API does.
import { afterEach, describe, expect, it } from 'vitest';
import { rig, type Rig } from './clickhouse-helpers.js';

let r: Rig | undefined;
afterEach(async () => r?.close());

describe('ClickHouse fake with the demo’s shared password', () => {
  it('creates services with the shared password, and a reset gives a fresh one every time', async () => {
    r = await rig({ password: () => 'Demo-Shared-Passw0rd' });
    const service = r.fake.addService({ name: 'billing' });
    expect(r.fake.service(service.id)!.password).toBe('Demo-Shared-Passw0rd');
    const first = await r.provider.resetPassword(service.id);
    const second = await r.provider.resetPassword(service.id);
    expect(first).not.toBe('Demo-Shared-Passw0rd');
    expect(second).not.toBe(first);
    expect(r.fake.service(service.id)!.password).toBe(second);
  });
});
