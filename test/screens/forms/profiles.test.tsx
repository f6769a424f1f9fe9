import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ApiError } from '../../../src/api/core/errors.js';
import type { Profile } from '../../../src/api/profile.js';
import { Profiles } from '../../../src/ui/screens/Profiles.js';
import { openConfig } from '../../../src/state/config.js';
import { fakeProfilesApi, fakeStore, health } from './doubles.js';
import { KEY, lineWith, press, waitForFrame } from './keys.js';
import { renderScreen } from '../render.js';

afterEach(() => cleanup());

const prod: Profile = { name: 'prod', kind: 'ionos-v2', username: 'ops@example.com', password: 'old-pw', source: 'file' };
const envCh: Profile = { name: 'env-clickhouse', kind: 'clickhouse', keyId: 'KID', keySecret: 'S', source: 'env' };
const lab: Profile = { name: 'lab', kind: 'pgo', apiUrl: 'https://127.0.0.1:8443', namespace: 'pgo', username: 'admin', password: 'pw', insecure: true, readOnly: true, source: 'demo' };

function setup(opts: { verify?: (p: Profile) => Promise<void> } = {}) {
  const profiles = [prod, envCh, lab];
  const store = fakeStore({
    profiles,
    health: [
      health(prod, { clusterCount: 3 }),
      health(envCh, { status: 'error', error: '401 Unauthorized: Invalid API key' }),
      health(lab, { clusterCount: 1 }),
    ],
  });
  const api = fakeProfilesApi(profiles, opts);
  const onBack = vi.fn();
  const r = renderScreen(<Profiles onBack={onBack} />, store, api);
  return { ...r, store, api, onBack };
}

/** Picks "ClickHouse" in the provider list and fills the form. */
async function addClickHouse(stdin: { write(d: string): void }, lastFrame: () => string | undefined) {
  await press(stdin, 'a');
  await waitForFrame(lastFrame, /which provider/);
  await press(stdin, KEY.down, KEY.down, KEY.enter);
  await waitForFrame(lastFrame, /New ClickHouse profile/);
  await press(stdin, 'ch-main', KEY.tab, 'AKIA1', KEY.tab, 'sekrit-value');
}

describe('Profiles', () => {
  it('lists profiles with health, cluster counts, source and badges', async () => {
    const { lastFrame } = setup();
    const frame = await waitForFrame(lastFrame, /Profiles/);
    expect(lineWith(frame, 'prod')).toMatch(/prod\s+IONOS v2\s+● ok\s+3 clusters\s+file/);
    expect(lineWith(frame, 'env-clickhouse')).toMatch(/ClickHouse\s+● error\s+0 clusters\s+env/);
    expect(frame).toContain('401 Unauthorized: Invalid API key');
    expect(lineWith(frame, 'lab')).toMatch(/1 cluster\s+demo\s+\[read-only\]\s+\[insecure\]/);
  });

  it('shows the provider message when verification fails and saves nothing', async () => {
    const verify = async () => {
      throw new ApiError('401 Unauthorized: Invalid API key or secret', { kind: 'auth', status: 401, providerMessage: 'Invalid API key or secret' });
    };
    const { lastFrame, stdin, api, store } = setup({ verify });
    await waitForFrame(lastFrame, /Profiles/);
    await addClickHouse(stdin, lastFrame);
    expect(lineWith(lastFrame()!, 'Organization ID')).toContain('optional: discovered from the key when empty');
    await press(stdin, KEY.ctrlS);
    const frame = await waitForFrame(lastFrame, /Invalid API key or secret/);
    expect(lineWith(frame, 'Invalid API key')).toBe('Not saved — the API said: Invalid API key or secret');
    expect(lineWith(frame, 'API key ID')).toContain('AKIA1');
    expect(api.list()).toHaveLength(3);
    expect(store.setProfiles).not.toHaveBeenCalled();
  });

  it('saves a verified profile and hands the new list to the store at once', async () => {
    const { lastFrame, stdin, api, store } = setup();
    await waitForFrame(lastFrame, /Profiles/);
    await addClickHouse(stdin, lastFrame);
    await press(stdin, KEY.ctrlS);
    await waitForFrame(lastFrame, /Saved ch-main/);
    expect(api.save).toHaveBeenCalledWith({ name: 'ch-main', kind: 'clickhouse', keyId: 'AKIA1', keySecret: 'sekrit-value' });
    expect(store.setProfiles).toHaveBeenCalledTimes(1);
    expect(store.setProfiles.mock.calls[0]![0].map((p: Profile) => p.name)).toEqual(['prod', 'env-clickhouse', 'lab', 'ch-main']);
    expect(lineWith(lastFrame()!, 'ch-main')).toMatch(/❯ ch-main/);
    expect(lastFrame()).not.toContain('sekrit-value');
  });

  it('validates the form (zod) beside the fields before anything is sent', async () => {
    const { lastFrame, stdin, api } = setup();
    await waitForFrame(lastFrame, /Profiles/);
    await press(stdin, 'a', KEY.enter);
    await waitForFrame(lastFrame, /New IONOS v1 profile/);
    await press(stdin, 'prod', KEY.ctrlS);
    const frame = lastFrame()!;
    expect(lineWith(frame, 'Profile name')).toContain('✗ a profile with this name exists');
    expect(lineWith(frame, 'Username')).toContain('✗ a username is required');
    expect(api.save).not.toHaveBeenCalled();
    await press(stdin, KEY.tab, KEY.right);
    expect(lastFrame()).toMatch(/Token/);
    expect(lastFrame()).not.toMatch(/Username/);
  });

  it('marks the PGO insecure flag in red with a warning', async () => {
    const { lastFrame, stdin } = setup();
    await waitForFrame(lastFrame, /Profiles/);
    await press(stdin, 'a', KEY.up, KEY.down, KEY.down, KEY.down, KEY.enter);
    await waitForFrame(lastFrame, /New Crunchy PGO profile/);
    await press(stdin, KEY.up, KEY.up, ' ');
    expect(lastFrame()).toMatch(/Insecure TLS\s+\[x\] yes\s+! skips server certificate checks/);
  });

  it('refuses a PGO profile over plain http:// until Insecure TLS is on (the real config: nothing is written before)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgtui-form-http-'));
    try {
      const config = openConfig({ dir, env: {} });
      const store = fakeStore({ profiles: [] });
      const { lastFrame, stdin } = renderScreen(<Profiles onBack={vi.fn()} />, store, config);
      await waitForFrame(lastFrame, /Profiles/);
      await press(stdin, 'a', KEY.up, KEY.down, KEY.down, KEY.down, KEY.enter);
      await waitForFrame(lastFrame, /New Crunchy PGO profile/);
      await press(stdin, 'kube', KEY.tab, 'http://127.0.0.1:8080', KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.tab, 'admin', KEY.tab, 'pw', KEY.ctrlS);
      await waitForFrame(lastFrame, /Not saved — .*plain http:\/\/ would send the PGO login in clear/);
      expect(existsSync(join(dir, 'config.json'))).toBe(false);
      await press(stdin, KEY.tab, ' ', KEY.ctrlS);
      await waitForFrame(lastFrame, /Saved kube/);
      expect(config.list()).toEqual([expect.objectContaining({ name: 'kube', apiUrl: 'http://127.0.0.1:8080', insecure: true })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('edits with secrets blank and keeps the saved secret when left blank', async () => {
    const { lastFrame, stdin, api } = setup();
    await waitForFrame(lastFrame, /Profiles/);
    await press(stdin, 'e');
    const frame = await waitForFrame(lastFrame, /Edit IONOS v2 profile/);
    expect(lineWith(frame, 'Profile name')).toContain('fixed; to rename, add a new profile');
    expect(lineWith(frame, 'Password')).toMatch(/Password\s+•••••••• saved\s+blank keeps the saved one/);
    expect(frame).not.toContain('old-pw');
    await press(stdin, KEY.down, 'x', KEY.tab, KEY.tab, '42', KEY.ctrlS);
    await waitForFrame(lastFrame, /Saved prod/);
    expect(api.save).toHaveBeenCalledWith({
      name: 'prod',
      kind: 'ionos-v2',
      source: 'file',
      username: 'ops@example.comx',
      password: 'old-pw',
      contractNumber: '42',
    });
  });

  it('refuses to remove or edit an environment profile and says why', async () => {
    const { lastFrame, stdin, api } = setup();
    await waitForFrame(lastFrame, /Profiles/);
    await press(stdin, KEY.down, 'd');
    expect(lastFrame()).toContain('env-clickhouse cannot be removed: it comes from environment variables');
    await press(stdin, 'e');
    expect(lastFrame()).toContain('env-clickhouse cannot be edited here');
    expect(api.remove).not.toHaveBeenCalled();
  });

  it('removes a profile only after its name is typed', async () => {
    const { lastFrame, stdin, api, store } = setup();
    await waitForFrame(lastFrame, /Profiles/);
    await press(stdin, KEY.down, KEY.down, 'd');
    await waitForFrame(lastFrame, /Remove profile lab\?/);
    await press(stdin, 'la', KEY.enter);
    expect(lineWith(lastFrame()!, 'Type its name')).toContain('✗ type lab exactly');
    expect(api.remove).not.toHaveBeenCalled();
    await press(stdin, 'b', KEY.enter);
    await waitForFrame(lastFrame, /Removed lab/);
    expect(api.remove).toHaveBeenCalledWith('lab');
    expect(store.setProfiles.mock.calls[0]![0].map((p: Profile) => p.name)).toEqual(['prod', 'env-clickhouse']);
  });

  it('esc backs out of a form to the list, and out of the list to the caller', async () => {
    const { lastFrame, stdin, onBack } = setup();
    await waitForFrame(lastFrame, /Profiles/);
    await press(stdin, 'a');
    await waitForFrame(lastFrame, /which provider/);
    await press(stdin, KEY.enter);
    await waitForFrame(lastFrame, /New IONOS v1 profile/);
    await press(stdin, 'q', KEY.esc);
    await waitForFrame(lastFrame, /a add · e edit/);
    expect(onBack).not.toHaveBeenCalled();
    await press(stdin, KEY.esc);
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
