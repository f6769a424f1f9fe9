// The reset-password box with a password holding control characters (a provider may generate or echo anything):
// it is shown with visible escapes and a red line saying so, and `y` copies the exact bytes. Before, the box
// showed U+FFFD in their place and the copy had them removed: neither was the real password.
import { render } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/app.js';
import type { Profile } from '../../src/api/profile.js';
import type { Cluster } from '../../src/api/core/types.js';
import { DEFAULT_SETTINGS } from '../../src/state/types.js';
import { visibleEscapes } from '../../src/text/safe.js';
import { clipboardSequence } from '../../src/ui/terminal/osc52.js';
import { cluster, fakeProfilesApi, fakeStore } from '../screens/forms/doubles.js';
import { waitForFrame as until } from '../screens/forms/keys.js';
import { firstUnsafe } from './hostile.js';
import { Tally } from './rigs.js';

const tally = new Tally();
afterAll(() => console.log(tally.line('reliability/secret-box')));

const PROFILES: Profile[] = [{ kind: 'clickhouse', name: 'ch', keyId: 'k', keySecret: 's' }];
const CLUSTERS: Cluster[] = [cluster({ id: 'c', name: 'charlie', profile: 'ch', provider: 'clickhouse', state: 'running' })];
/** BEL, a backslash, a right-to-left override, DEL and a C1 CSI inside an otherwise ordinary password. */
const PASSWORD = 'Ab\u00071\\x07z\u202eQ\u007fw\u009b9';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('escapes', () => {
  it('each control character visible and unambiguous (backslashes doubled); plain passwords unchanged', () => {
    tally.try('escapes');
    expect(visibleEscapes(PASSWORD)).toBe('Ab\\x071\\\\x07z\\u202eQ\\x7fw\\x9b9');
    expect(visibleEscapes('plain\\pw')).toBe('plain\\pw');
    expect(clipboardSequence(PASSWORD, 'plain', true)).toBe(`\u001b]52;c;${Buffer.from(PASSWORD).toString('base64')}\u0007`);
    tally.ok('escapes');
  });
});

describe('the reset-password box in the App', () => {
  it('shows the escapes and says so in red; y copies exactly the password', async () => {
    tally.try('box');
    const store = fakeStore({ profiles: PROFILES });
    store.setClusters(CLUSTERS);
    store.resetPassword.mockResolvedValueOnce(PASSWORD);
    const app = render(<App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={false} launchPsql={vi.fn(async () => 0)} />);
    cleanup = app.unmount;
    await until(app.lastFrame, /❯ charlie/);
    app.stdin.write('\r');
    await until(app.lastFrame, /charlie\s+ready/);
    app.stdin.write('P');
    await until(app.lastFrame, 'Reset the password of charlie?');
    app.stdin.write('charlie\r');
    const box = await until(app.lastFrame, 'New password for charlie');
    expect(box).toContain('Ab\\x071\\\\x07z\\u202eQ\\x7fw\\x9b9');
    expect(box).toMatch(/contains 4 control\s+characters/);
    expect(box).not.toContain('\ufffd');
    expect(firstUnsafe(box)).toBeUndefined();
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      app.stdin.write('y');
      await until(app.lastFrame, 'sent the password to the terminal clipboard');
    } finally {
      write.mockRestore();
    }
    const copied = /\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(written.join(''));
    expect(copied).not.toBeNull();
    expect(Buffer.from(copied![1]!, 'base64').toString('utf8')).toBe(PASSWORD);
    tally.ok('box');
  });
});
