// On a protected profile (docs/plans.md) the TUI's edit wants the cluster's exact name typed after the review:
// a wrong name sends nothing, the right one applies the change.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { FormSpec } from '../../../src/api/core/types.js';
import { EditCluster } from '../../../src/ui/screens/EditCluster.js';
import { CreateCluster } from '../../../src/ui/screens/CreateCluster.js';
import { cluster, fakeStore } from './doubles.js';
import { KEY, press, waitForFrame } from './keys.js';
import { renderScreen } from '../render.js';

afterEach(() => cleanup());

const target = cluster({ name: 'orders', profile: 'prod' });
const spec: FormSpec = { title: 'Edit orders', fields: [{ key: 'instances', label: 'Instances', kind: 'int', default: '1' }], validate: () => ({}) };

function setup(protection: 'protected' | 'normal') {
  const store = fakeStore({
    health: [{ profile: 'prod', kind: 'ionos-v2', readOnly: false, protection, insecure: false, status: 'ok', clusterCount: 1 }],
    editForm: async () => spec,
    planUpdate: async (_c, v) => ({ diff: [{ key: 'instances', label: 'Instances', from: '1', to: v.instances! }], method: 'PATCH', path: '/clusters/c1' }),
    update: async () => ({ ...target, phase: 'updating' }),
  });
  return { ...renderScreen(<EditCluster cluster={target} onDone={vi.fn()} onCancel={vi.fn()} />, store), store };
}

describe('a protected profile in the TUI', () => {
  it('asks for the typed name after the review; a wrong one sends nothing, the right one applies', async () => {
    const { lastFrame, stdin, store } = setup('protected');
    await waitForFrame(lastFrame, /Edit orders/);
    await press(stdin, KEY.backspace, '3', KEY.enter);
    await waitForFrame(lastFrame, /Review changes/);
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, /Profile prod is protected/);
    await press(stdin, 'order', KEY.enter);
    await waitForFrame(lastFrame, /That is not the name; nothing was sent/);
    expect(store.update).not.toHaveBeenCalled();
    await press(stdin, 's', KEY.enter);
    await vi.waitFor(() => expect(store.update).toHaveBeenCalledWith(target, { instances: '3' }));
  });

  it('a normal profile applies on the review\'s enter, as before', async () => {
    const { lastFrame, stdin, store } = setup('normal');
    await waitForFrame(lastFrame, /Edit orders/);
    await press(stdin, KEY.backspace, '3', KEY.enter);
    await waitForFrame(lastFrame, /Review changes/);
    await press(stdin, KEY.enter);
    await vi.waitFor(() => expect(store.update).toHaveBeenCalled());
  });
});

describe('create on a protected profile', () => {
  it("asks for the new cluster's name after the review before creating", async () => {
    const createSpec: FormSpec = { title: 'New cluster', fields: [{ key: 'name', label: 'Name', kind: 'text', required: true }], validate: () => ({}) };
    const store = fakeStore({
      profiles: [{ name: 'prod', kind: 'ionos-v2', username: 'u', password: 'p' }],
      health: [{ profile: 'prod', kind: 'ionos-v2', readOnly: false, protection: 'protected', insecure: false, status: 'ok', clusterCount: 0 }],
      createForm: async () => createSpec,
      create: async () => cluster({ name: 'fresh' }),
    });
    const { lastFrame, stdin } = renderScreen(<CreateCluster profiles={['prod']} onDone={vi.fn()} onCancel={vi.fn()} />, store);
    await waitForFrame(lastFrame, /New cluster/);
    await press(stdin, 'fresh', KEY.ctrlS);
    await waitForFrame(lastFrame, /Review/);
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, /Profile prod is protected: create fresh/);
    expect(store.create).not.toHaveBeenCalled();
    await press(stdin, 'fresh', KEY.enter);
    await vi.waitFor(() => expect(store.create).toHaveBeenCalledWith('prod', { name: 'fresh' }));
  });
});
