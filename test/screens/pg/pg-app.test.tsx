// The Postgres screens inside the App: A, L and I open from the list's row and from the detail screen, esc goes
// back, `?` lists each screen's own keys, the footer hides cancel/terminate on a read-only profile (and the key
// says why), and an unreachable cluster says why in one line. The sessions are refused here: no server needed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/ui/app.js';
import { PgSessionError } from '../../../src/pg/errors.js';
import { DEFAULT_SETTINGS } from '../../../src/state/types.js';
import { PgProvider, type PgOpener } from '../../../src/ui/shell/pg-context.js';
import { CLUSTERS, PROFILES, footer } from '../first/app-setup.js';
import { fakeProfilesApi, fakeStore } from '../forms/doubles.js';
import { press, waitForFrame } from '../forms/keys.js';
import { helpText } from '../help-text.js';
import { frameLines, renderSized } from '../sized.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start(readOnly = false) {
  const store = fakeStore({ profiles: PROFILES });
  store.setClusters(CLUSTERS);
  const open = vi.fn<PgOpener>(async (c) => {
    throw new PgSessionError(`${c.name}: the cluster is in a private LAN; connect through a host in it (the profile's "connect")`, 'unreachable');
  });
  const sized = renderSized(
    <PgProvider open={open}>
      <App store={store} profiles={fakeProfilesApi(PROFILES)} settings={DEFAULT_SETTINGS} readOnly={readOnly} launchPsql={vi.fn(async () => 0)} />
    </PgProvider>,
    { columns: 120, rows: 40 },
  );
  const app = { ...sized, lastFrame: () => { const f = sized.lastFrame(); return f === undefined ? undefined : frameLines(f).join('\n'); } };
  cleanup = app.unmount;
  return { app, open };
}

describe('Postgres screens in the App', () => {
  it('A, L and I open from the list row, say why an unreachable cluster has none in one line, and esc returns', async () => {
    const { app, open } = start();
    await waitForFrame(app.lastFrame, /❯ alpha/);
    for (const [key, title] of [['A', 'Activity · alpha'], ['L', 'Lock tree · alpha'], ['I', 'Postgres · alpha']] as const) {
      await press(app.stdin, key);
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes(title) && f.includes('alpha: the cluster is in a private LAN'));
      expect(frame.split('\n').filter((l) => l.includes('private LAN'))).toHaveLength(1);
      await press(app.stdin, '\u001b');
      await waitForFrame(app.lastFrame, (f) => f.includes('❯ alpha') && !f.includes(title));
    }
    expect(open).toHaveBeenCalled();
  });

  it('? on the activity screen lists its keys (cancel, terminate, tag, pause), not the logs screen\'s', async () => {
    const { app } = start();
    await waitForFrame(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'A');
    await waitForFrame(app.lastFrame, 'Activity · alpha');
    expect(footer(app.lastFrame()!)).toMatch(/c cancel.*X terminate/);
    await press(app.stdin, '?');
    const help = await helpText(app);
    for (const text of ['pg_cancel_backend', 'pg_terminate_backend', 'tag / untag', 'pause / resume', 'the full query']) expect(help).toContain(text);
    expect(help).not.toContain('logs: search');
  });

  it('read-only: the footer has no cancel or terminate, and the key says why', async () => {
    const { app } = start(true);
    await waitForFrame(app.lastFrame, /❯ alpha/);
    await press(app.stdin, 'L');
    await waitForFrame(app.lastFrame, 'Lock tree · alpha');
    expect(footer(app.lastFrame()!)).not.toMatch(/cancel|terminate/);
    await press(app.stdin, 'X');
    await waitForFrame(app.lastFrame, 'read-only profile: cancel and terminate are off');
  });
});
