// The demo's profiles screen (issue 15, item 17): the URLs a profile really uses (the loopback fakes, not the
// IONOS v2 template), and the fakes' login shown for demo profiles only, as the add form asks for it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Profile } from '../../../src/api/profile.js';
import { Profiles } from '../../../src/ui/screens/Profiles.js';
import { profileFromValues } from '../../../src/ui/screens/profile-form/convert.js';
import { fakeProfilesApi, fakeStore } from './doubles.js';
import { press, waitForFrame } from './keys.js';
import { renderScreen } from '../render.js';
import { frameLines, renderSized } from '../sized.js';
import { StoreProvider } from '../../../src/ui/shell/context.js';

afterEach(() => cleanup());

const v2: Profile = {
  name: 'demo-ionos-v2', kind: 'ionos-v2', source: 'demo', username: 'demo@ionos.example', password: 'Demo-Pass-1!', contractNumber: '31415',
  endpoints: { 'de/txl': 'http://127.0.0.1:40001', 'de/fra': 'http://127.0.0.1:40002' },
};
const ch: Profile = { name: 'demo-clickhouse', kind: 'clickhouse', source: 'demo', apiUrl: 'http://127.0.0.1:40100', keyId: 'demo-key-id', keySecret: 'demo-key-secret' };
const mine: Profile = { name: 'mine', kind: 'clickhouse', source: 'file', keyId: 'REALKEY', keySecret: 'real-secret-never-shown' };

function setup() {
  const profiles = [v2, ch, mine];
  const store = fakeStore({ profiles });
  return renderScreen(<Profiles onBack={vi.fn()} />, store, fakeProfilesApi(profiles));
}

describe('demo profiles', () => {
  it('show the loopback URLs in use and the login the fakes take', async () => {
    const { lastFrame, stdin } = setup();
    const frame = await waitForFrame(lastFrame, 'URL http://127.0.0.1:40001');
    expect(frame).toContain('URL http://127.0.0.1:40001 (de/txl) and 1 more endpoints');
    expect(frame).not.toContain('ionos.com');
    expect(frame).toContain("The demo's fakes take this login");
    for (const text of ['demo@ionos.example', 'Demo-Pass-1!', '31415']) expect(frame).toContain(text);
    // A template cannot name a port per location: one location with its own URL reaches the same fake.
    expect(frame).toMatch(/Locations\s+de\/txl/);
    expect(frame).toMatch(/API URL\s+http:\/\/127\.0\.0\.1:40001/);

    await press(stdin, 'j');
    const chFrame = await waitForFrame(lastFrame, 'URL http://127.0.0.1:40100');
    expect(chFrame).toMatch(/demo-key-id/);
    expect(chFrame).toMatch(/demo-key-secret/);

    await press(stdin, 'j');
    const own = await waitForFrame(lastFrame, 'URL https://api.clickhouse.cloud');
    expect(own).not.toContain('real-secret-never-shown');
    expect(own).not.toContain("The demo's fakes");
  });

  it('editing the demo IONOS v2 profile shows its endpoints, not the template, and keeps them on save', async () => {
    const { lastFrame, stdin } = setup();
    await waitForFrame(lastFrame, 'demo-ionos-v2');
    await press(stdin, 'e');
    const form = await waitForFrame(lastFrame, 'Edit IONOS v2 profile');
    expect(form).toMatch(/API URL\s+http:\/\/127\.0\.0\.1:40001/);
    expect(form).not.toContain('ionos.com');
    const saved = profileFromValues('ionos-v2', { name: 'demo-ionos-v2', auth: 'password', username: 'demo@ionos.example', password: '', apiUrl: 'http://127.0.0.1:40001 (de/txl) and 1 more endpoints', locations: '' }, v2);
    expect(saved).toMatchObject({ endpoints: v2.kind === 'ionos-v2' ? v2.endpoints : {} });
    expect((saved as { apiUrl?: string }).apiUrl).toBeUndefined();
  });
});

describe('the profiles screen at 80x24 and 50x20', () => {
  const pgo: Profile = {
    name: 'demo-pgo', kind: 'pgo', source: 'demo', apiUrl: 'https://127.0.0.1:40200', namespace: 'pgo', username: 'admin', password: 'pgo-demo-pw',
    caCert: '/tmp/pgtui-demo-abc123/pgo-tls/ca.pem', clientCert: '/tmp/pgtui-demo-abc123/pgo-tls/client.pem', clientKey: '/tmp/pgtui-demo-abc123/pgo-tls/client-key.pem',
  };
  it.each([{ columns: 80, rows: 24 }, { columns: 50, rows: 20 }])('fits at $columns x $rows with a demo login shown', async (size) => {
    const profiles = [v2, ch, mine, pgo];
    const store = fakeStore({ profiles });
    const r = renderSized(
      <StoreProvider store={store} profiles={fakeProfilesApi(profiles)}>
        <Profiles onBack={vi.fn()} />
      </StoreProvider>,
      size,
    );
    try {
      await waitForFrame(r.lastFrame, 'demo-pgo');
      await press(r.stdin, 'j', 'j', 'j');
      const frame = await waitForFrame(r.lastFrame, 'Namespace');
      const lines = frameLines(frame);
      // The shell's header line comes on top of this screen.
      expect(lines.length).toBeLessThanOrEqual(size.rows - 2);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(size.columns);
      expect(frame).toContain('esc back');
      expect(frame).toContain('a add');
    } finally {
      r.unmount();
    }
  });
});
