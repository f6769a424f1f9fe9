// The daily hour in the TUI: confirmations that speak of their own action, cluster keys on the list's row,
// hints from what the cluster supports, the filter's esc keeping the cursor, sorting by the columns on screen,
// tag keys shown as names, and the detail screen's rows and sslmode as psql runs it.
import { afterEach, describe, expect, it } from 'vitest';
import { cluster } from '../forms/doubles.js';
import { KEY, press, waitForFrame as until } from '../forms/keys.js';
import { footer, startApp } from './app-setup.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const cursorOn = (name: string) => new RegExp(`❯ ${name}`);

describe('confirmations', () => {
  it('a wrong name on restart says nothing was restarted, not deleted', async () => {
    const { app, store } = startApp();
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('alpha'));
    await press(app.stdin, 'j', 'j', '\r');
    await until(app.lastFrame, /charlie\s+ready/);
    await press(app.stdin, 'R');
    await until(app.lastFrame, 'Restart charlie?');
    await press(app.stdin, 'x', KEY.enter);
    const frame = await until(app.lastFrame, 'That is not the name');
    expect(frame).toContain('That is not the name; nothing was restarted.');
    expect(frame).not.toContain('deleted');
    expect(store.restart).not.toHaveBeenCalled();
  });
});

describe("the detail screen's keys on the list", () => {
  it('R, l and e act on the highlighted row; esc from a screen opened there returns to the list', async () => {
    const { app, store } = startApp({ editForm: async (c) => ({ title: `Edit ${c.name}`, fields: [], validate: () => ({}) }) });
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('alpha'));
    await press(app.stdin, 'j', 'j');
    await until(app.lastFrame, cursorOn('charlie'));
    await press(app.stdin, 'R');
    await until(app.lastFrame, 'Restart charlie? Connections will drop.');
    await press(app.stdin, KEY.esc);
    await until(app.lastFrame, (f) => !f.includes('Restart charlie?'));
    await press(app.stdin, 'l');
    expect(await until(app.lastFrame, 'Logs · charlie')).toContain('Logs · charlie');
    await press(app.stdin, KEY.esc);
    expect(await until(app.lastFrame, cursorOn('charlie'))).not.toContain('Logs ·');
    await press(app.stdin, 'e');
    await until(app.lastFrame, 'Edit charlie');
    expect(store.editForm.mock.calls[0]![0].name).toBe('charlie');
  });
});

describe('detail hints from what the cluster supports', () => {
  const wide = { columns: 220, rows: 30 };
  it('shows R and P where the provider has them and hides l m Q C where it has none', async () => {
    const { app } = startApp({ size: wide, supports: (c, cap) => c.provider === 'clickhouse' && ['restart', 'resetPassword', 'switchover', 'logs'].includes(cap) });
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('alpha'));
    await press(app.stdin, 'j', 'j', '\r');
    const ch = footer(await until(app.lastFrame, /charlie\s+ready/));
    for (const hint of ['R restart', 'P password', 'O switchover', 'l logs', 'y copy']) expect(ch).toContain(hint);
    for (const hint of ['m metrics', 'Q slow', 'C settings', 'M promote']) expect(ch).not.toContain(hint);
    await press(app.stdin, KEY.esc, 'g', '\r');
    const v2 = footer(await until(app.lastFrame, /alpha\s+ready/));
    for (const hint of ['R restart', 'P password', 'l logs', 'O switchover']) expect(v2).not.toContain(hint);
    expect(v2).toContain('y copy');
  });
});

describe('detail hints at 80 columns', () => {
  it('a ClickHouse cluster with everything keeps restart and logs in the footer; the password field says x reveals', async () => {
    const all = ['restart', 'resetPassword', 'switchover', 'logs', 'metrics', 'slowQueries', 'settings', 'edit', 'restore'];
    const { app } = startApp({ size: { columns: 80, rows: 24 }, supports: (c, cap) => c.provider === 'clickhouse' && all.includes(cap) });
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('alpha'));
    await press(app.stdin, 'j', 'j', '\r');
    const frame = await until(app.lastFrame, /charlie\s+ready/);
    const hints = footer(frame);
    expect(hints.length).toBeLessThanOrEqual(80);
    for (const hint of ['R restart', 'l logs', 'p psql', '? help', 'q quit']) expect(hints).toContain(hint);
    expect(frame).toContain('(x reveals)');
  });
});

describe('the list', () => {
  it('esc on the filter keeps the cursor on the cluster it was on', async () => {
    const { app } = startApp();
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('alpha'));
    await press(app.stdin, '/', 'c', 'h', 'a', 'r');
    await until(app.lastFrame, (f) => f.includes('❯ charlie') && !f.includes('bravo'));
    await press(app.stdin, KEY.esc);
    const frame = await until(app.lastFrame, 'bravo');
    expect(frame).toMatch(cursorOn('charlie'));
  });

  it('s steps through the columns on screen, SIZE and INST included, sizes in numeric order', async () => {
    const clusters = [
      cluster({ id: 'a', name: 'alpha', size: '16 cores, 64 GB RAM', instances: 1 }),
      cluster({ id: 'b', name: 'bravo', size: '2 cores, 4 GB RAM', instances: 3 }),
    ];
    const { app } = startApp({ clusters, size: { columns: 130, rows: 20 } });
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('alpha'));
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await press(app.stdin, 's');
      const frame = await until(app.lastFrame, (f) => !seen.includes(/(\w+)▲/.exec(f)?.[1] ?? ''));
      const key = /(\w+)▲/.exec(frame)![1]!;
      seen.push(key);
      if (key === 'SIZE') expect(frame.indexOf('bravo')).toBeLessThan(frame.indexOf('alpha'));
      if (key === 'NAME') break;
    }
    expect(seen).toEqual(['PHASE', 'PROFILE', 'VER', 'AGE', 'LOCATION', 'SIZE', 'INST', 'NAME']);
  });
});

describe('the detail screen', () => {
  it("shows ClickHouse tag keys as names and masks only a secret-named tag's value", async () => {
    const raw = { tags: [{ key: 'env', value: 'production' }, { key: 'api_token', value: 'tok-s3cr3t' }], password: 'pw-s3cr3t' };
    const { app } = startApp({ clusters: [cluster({ id: 'c', name: 'charlie', profile: 'ch', provider: 'clickhouse', raw })], size: { columns: 100, rows: 50 } });
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('charlie'));
    await press(app.stdin, '\r');
    const frame = await until(app.lastFrame, 'tags[1]');
    expect(frame).toContain('tags[0].key: env');
    expect(frame).toContain('tags[0].value: production');
    expect(frame).toContain('tags[1].key: api_token');
    expect(frame).toContain('tags[1].value: ••••••••');
    expect(frame).not.toContain('s3cr3t');
  });

  it('fills its window: blank separators take their row, no blank rows under a scrolled window', async () => {
    const raw = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field${i}`, `value${i}`]));
    const { app } = startApp({ clusters: [cluster({ id: 'a', name: 'alpha', raw })], size: { columns: 100, rows: 24 } });
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('alpha'));
    await press(app.stdin, '\r');
    const frame = await until(app.lastFrame, /lines 1–\d+ of \d+/);
    const [, last] = /lines 1–(\d+) of/.exec(frame)!;
    const lines = frame.trimEnd().split('\n');
    // Header, title, the window, the footer: the window's last row is the line it says it shows.
    const window = lines.slice(2, -1);
    expect(window).toHaveLength(Number(last));
    expect(window.at(-1)!.trim()).not.toBe('');
    expect(window).toContain('');
  });

  it('shows sslmode as psql runs it: verify-full where the provider publishes its CA', async () => {
    const { app } = startApp({ supports: (c, cap) => cap === 'verifiedTls' && c.provider === 'clickhouse', size: { columns: 120, rows: 40 } });
    cleanup = app.unmount;
    await until(app.lastFrame, cursorOn('alpha'));
    await press(app.stdin, '\r');
    expect(await until(app.lastFrame, 'sslmode')).toMatch(/sslmode\s+require$/m);
    await press(app.stdin, KEY.esc, 'j', 'j', '\r');
    expect(await until(app.lastFrame, /charlie\s+ready/)).toMatch(/sslmode\s+verify-full \(the provider's CA/);
  });
});

