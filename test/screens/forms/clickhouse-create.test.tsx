// The create screen driven with the ClickHouse provider's real form spec (nested showWhen, zod validation).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Profile } from '../../../src/api/profile.js';
import { createFormSpec } from '../../../src/api/clickhouse/forms.js';
import { CreateCluster } from '../../../src/ui/screens/CreateCluster.js';
import { cluster, fakeStore } from './doubles.js';
import { KEY, lineWith, press, waitForFrame } from './keys.js';
import { renderScreen } from '../render.js';

afterEach(() => cleanup());

const ch: Profile = { name: 'ch', kind: 'clickhouse', keyId: 'k', keySecret: 's' };
const source = cluster({ profile: 'ch', provider: 'clickhouse', id: 'pg-1', name: 'orders', location: 'us-east-1', state: 'running' });

describe('CreateCluster with the ClickHouse form', () => {
  it('hides fields whose controlling field is hidden, and sends only what is shown', async () => {
    const created = cluster({ profile: 'ch', provider: 'clickhouse', id: 'pg-2', name: 'orders copy', phase: 'creating' });
    const store = fakeStore({ profiles: [ch], createForm: async () => createFormSpec([source]), create: async () => created });
    const onDone = vi.fn();
    const { lastFrame, stdin } = renderScreen(<CreateCluster profiles={['ch']} onDone={onDone} onCancel={() => {}} />, store);
    const first = await waitForFrame(lastFrame, /New ClickHouse Managed Postgres service/);
    expect(first).toMatch(/Region\s+‹ us-east-1 ›/);
    await press(stdin, KEY.right);
    const replica = lastFrame()!;
    expect(lineWith(replica, 'Start from')).toContain('point-in-time restore');
    expect(replica).not.toMatch(/Region|VM size|Cloud/);
    await press(stdin, KEY.right, KEY.tab, 'orders copy', KEY.tab, KEY.right, KEY.ctrlS);
    const review = await waitForFrame(lastFrame, /Review/);
    expect(review).toMatch(/Source service\s+orders/);
    await press(stdin, KEY.enter);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(created));
    expect(store.create).toHaveBeenCalledWith('ch', { mode: 'replica', name: 'orders copy', source: 'pg-1', tags: '' });
  });
});
