import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ApiError } from '../../../src/api/core/errors.js';
import type { Profile } from '../../../src/api/profile.js';
import type { FormSpec } from '../../../src/api/core/types.js';
import { CreateCluster } from '../../../src/ui/screens/CreateCluster.js';
import { cluster, fakeStore } from './doubles.js';
import { KEY, lineWith, press, waitForFrame } from './keys.js';
import { renderScreen } from '../render.js';

afterEach(() => cleanup());

const prod: Profile = { name: 'prod', kind: 'ionos-v2', username: 'u', password: 'p' };
const stage: Profile = { name: 'stage', kind: 'clickhouse', keyId: 'k', keySecret: 's' };
const audit: Profile = { name: 'audit', kind: 'pgo', apiUrl: 'https://x', namespace: 'pgo', username: 'u', password: 'p', readOnly: true };

const spec: FormSpec = {
  title: 'New IONOS v2 cluster',
  fields: [
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'version', label: 'PostgreSQL version', kind: 'choice', default: '16', choices: [{ value: '15' }, { value: '16' }] },
    { key: 'instances', label: 'Instances', kind: 'int', default: '1' },
    { key: 'password', label: 'Admin password', kind: 'secret', required: true },
  ],
  validate: (v) => ({
    ...(v.name ? {} : { name: 'a name is required' }),
    ...(v.password && v.password.length < 8 ? { password: 'at least 8 characters' } : {}),
    ...(!v.password ? { password: 'a password is required' } : {}),
  }),
};

function setup(opts: Parameters<typeof fakeStore>[0] = {}, profiles = ['prod']) {
  const store = fakeStore({ profiles: [prod, stage, audit], createForm: async () => spec, ...opts });
  const onDone = vi.fn();
  const onCancel = vi.fn();
  const r = renderScreen(<CreateCluster profiles={profiles} onDone={onDone} onCancel={onCancel} />, store);
  return { ...r, store, onDone, onCancel };
}

async function fillForm(stdin: { write(d: string): void }) {
  await press(stdin, 'shop-db', KEY.tab, KEY.left, KEY.tab, KEY.backspace, '3', KEY.tab, 'hunter2hunter2');
}

describe('CreateCluster', () => {
  it('offers only writable profiles, then loads the chosen profile form with defaults', async () => {
    const { lastFrame, stdin, store } = setup({}, ['prod', 'stage', 'audit']);
    const picker = await waitForFrame(lastFrame, /Which profile/);
    expect(picker).toContain('prod');
    expect(picker).toContain('stage');
    expect(picker).not.toContain('audit');
    await press(stdin, KEY.down, KEY.enter);
    await waitForFrame(lastFrame, /PostgreSQL version/);
    expect(store.createForm).toHaveBeenCalledWith('stage', expect.anything());
    expect(lineWith(lastFrame()!, 'Instances')).toMatch(/Instances\s+1/);
  });

  it('skips the profile step when one profile is writable', async () => {
    const { lastFrame, store } = setup({}, ['prod', 'audit']);
    await waitForFrame(lastFrame, /New IONOS v2 cluster/);
    expect(lastFrame()).toContain('profile prod (IONOS v2)');
    expect(store.createForm).toHaveBeenCalledWith('prod', expect.anything());
  });

  it('shows a load error on one line and retries with r', async () => {
    let calls = 0;
    const { lastFrame, stdin } = setup({
      createForm: async () => {
        calls++;
        if (calls === 1) throw new ApiError('503 Service Unavailable', { kind: 'server', status: 503 });
        return spec;
      },
    });
    await waitForFrame(lastFrame, /Could not load the create form: 503 Service Unavailable/);
    expect(lastFrame()).toContain('r retry');
    await press(stdin, 'r');
    await waitForFrame(lastFrame, /New IONOS v2 cluster/);
  });

  it('blocks review while a field is invalid and shows why beside it', async () => {
    const { lastFrame, stdin } = setup();
    await waitForFrame(lastFrame, /New IONOS v2 cluster/);
    await press(stdin, 'db', KEY.tab, KEY.tab, KEY.tab, 'short', KEY.enter);
    expect(lastFrame()).not.toContain('Review');
    expect(lineWith(lastFrame()!, 'Admin password')).toContain('✗ at least 8 characters');
  });

  it('reviews every value with the secret masked, then creates with exactly the typed values', async () => {
    const created = cluster({ name: 'shop-db', phase: 'creating', state: 'PROVISIONING' });
    const { lastFrame, stdin, store, onDone } = setup({ create: async () => created });
    await waitForFrame(lastFrame, /New IONOS v2 cluster/);
    await fillForm(stdin);
    await press(stdin, KEY.ctrlS);
    const review = await waitForFrame(lastFrame, /Review/);
    expect(review).toMatch(/Name\s+shop-db/);
    expect(review).toMatch(/PostgreSQL version\s+15/);
    expect(review).toMatch(/Instances\s+3/);
    expect(review).toMatch(/Admin password\s+••••••••/);
    expect(review).not.toContain('hunter2');
    await press(stdin, KEY.enter);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(created));
    expect(store.create).toHaveBeenCalledWith('prod', { name: 'shop-db', version: '15', instances: '3', password: 'hunter2hunter2' });
  });

  it('keeps every typed value after an API error and shows the provider message and field errors', async () => {
    const rejection = new ApiError('422 Unprocessable Entity: name already in use', {
      kind: 'validation',
      status: 422,
      providerMessage: 'name already in use',
      fieldErrors: { region: 'not offered', instances: 'at most 2 in this contract' },
    });
    const { lastFrame, stdin, onDone, store } = setup({ create: async () => Promise.reject(rejection) });
    await waitForFrame(lastFrame, /New IONOS v2 cluster/);
    await fillForm(stdin);
    await press(stdin, KEY.ctrlS, KEY.enter);
    // The cursor moves to the first field the provider rejected, in the render after the message appears.
    const frame = await waitForFrame(lastFrame, /^(?=[\s\S]*name already in use)(?=[\s\S]*❯ Instances)/);
    expect(onDone).not.toHaveBeenCalled();
    expect(lineWith(frame, 'Name')).toMatch(/Name\s+shop-db/);
    expect(lineWith(frame, 'Instances')).toMatch(/❯ Instances\s+3\s+✗ at most 2 in this contract/);
    expect(frame).toContain('region: not offered');
    expect(lineWith(frame, 'PostgreSQL version')).toContain('15');
    // The secret is still there (masked): submitting again sends it unchanged.
    await press(stdin, KEY.ctrlS, KEY.enter);
    await vi.waitFor(() => expect(store.create).toHaveBeenCalledTimes(2));
    expect(store.create.mock.calls[1]![1]).toEqual({ name: 'shop-db', version: '15', instances: '3', password: 'hunter2hunter2' });
  });

  it('esc from review goes back to the form, esc from the form cancels', async () => {
    const { lastFrame, stdin, onCancel } = setup();
    await waitForFrame(lastFrame, /New IONOS v2 cluster/);
    await fillForm(stdin);
    await press(stdin, KEY.ctrlS);
    await waitForFrame(lastFrame, /Review/);
    await press(stdin, KEY.esc);
    await waitForFrame(lastFrame, /ctrl-s review/);
    expect(lastFrame()).toContain('shop-db');
    await press(stdin, KEY.esc);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('says so when every profile is read-only', async () => {
    const { lastFrame, stdin, onCancel } = setup({}, ['audit']);
    await waitForFrame(lastFrame, /every profile is read-only/);
    await press(stdin, KEY.esc);
    expect(onCancel).toHaveBeenCalled();
  });
});
