// A screen's model over a real PostgreSQL: one session, one query per refresh on a timer, pause/resume, the
// statements baseline of "since the screen opened", and a failure kept as one line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivity, type Activity } from '../../src/pg/activity.js';
import { connectPg, type PgSession } from '../../src/pg/session.js';
import { createPgView, statementsSinceOpen, type PgView, type PgViewState } from '../../src/pg/view.js';
import { eventually, POSTGRES_BIN, startTestServer, type TestServer } from './helpers.js';

/** Resolves with the first snapshot that passes `check`, as the view publishes it. */
function until<T>(view: PgView<T>, check: (s: PgViewState<T>) => boolean): Promise<PgViewState<T>> {
  return new Promise((resolve) => {
    if (check(view.getSnapshot())) return resolve(view.getSnapshot());
    const off = view.subscribe(() => {
      if (check(view.getSnapshot())) {
        off();
        resolve(view.getSnapshot());
      }
    });
  });
}

describe.skipIf(!POSTGRES_BIN)('createPgView', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await server?.pg.stop();
  });

  it('refreshes on its timer with one session and one query per refresh; pause, resume, close', async () => {
    let opened = 0;
    let refreshes = 0;
    const view = createPgView(
      async () => (opened++, server.admin()),
      async (s) => (refreshes++, loadActivity(s)),
      { intervalMs: 20 },
    );
    await view.refresh();
    const later = await until(view, (s) => (s.updatedAt ?? 0) > 0 && refreshes >= 4);
    expect(opened).toBe(1);
    expect(later.data?.sessions).toBeDefined();
    expect(view.getSnapshot().queries).toBeLessThanOrEqual(refreshes);
    expect(view.getSnapshot().queries).toBeGreaterThanOrEqual(refreshes - 1);
    view.pause();
    expect(view.getSnapshot().paused).toBe(true);
    view.resume();
    await until(view, (s) => !s.paused && !s.loading);
    // pgtui hides its own sessions from itself: psql counts them.
    const ours = async () => Number((await server.pg.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgtui'")).trim());
    expect(await ours()).toBe(1);
    await view.close();
    await eventually(async () => ((await ours()) === 0 ? true : undefined), 'the view closed its session');
  });

  it('keeps the first statements sample as the baseline: since open counts only what ran after', async () => {
    const view = createPgView(() => server.admin(), statementsSinceOpen(), { paused: true });
    await view.refresh();
    const admin = await server.admin();
    await admin.query('SELECT 31337 AS after_open');
    await admin.close();
    const seen = await (async () => {
      for (let i = 0; i < 50; i++) {
        await view.refresh();
        const d = view.getSnapshot().data!;
        if (d.sinceOpen.some((s) => s.query.includes('after_open'))) return d;
      }
      return view.getSnapshot().data!;
    })();
    expect(seen.sinceOpen.find((s) => s.query.includes('after_open'))?.calls).toBe(1);
    expect(seen.sinceReset.length).toBeGreaterThanOrEqual(seen.sinceOpen.length);
    await view.close();
  });

  it('says why in one line when it cannot connect, and keeps trying on the next refresh', async () => {
    let tries = 0;
    const view = createPgView<Activity>(async () => (tries++, connectPg(server.conn(server.pg.superuser, 'wrong-password'))), loadActivity, { paused: true });
    await view.refresh();
    expect(view.getSnapshot()).toMatchObject({ problem: 'password', loading: false });
    expect(view.getSnapshot().error).toMatch(/password authentication failed/);
    await view.refresh();
    expect(tries).toBe(2);
    await view.close();
  });
});

describe('createPgView without a server', () => {
  it('tells the screen once per refresh once data is shown: "connecting…" only before the first answer', async () => {
    let n = 0;
    const session = { pid: 1, user: 'u', serverVersion: 150000, query: async () => [], close: async () => {} } as unknown as PgSession;
    const view = createPgView(async () => session, async () => ++n, { paused: true });
    const seen: Array<PgViewState<number>> = [];
    view.subscribe(() => seen.push(view.getSnapshot()));
    await view.refresh();
    expect(seen.map((s) => [s.loading, s.data])).toEqual([[true, undefined], [false, 1]]);
    seen.length = 0;
    await view.refresh();
    await view.refresh();
    // Each later refresh draws one frame, with the new data (not one more for "loading" that shows nothing new).
    expect(seen.map((s) => [s.loading, s.data])).toEqual([[false, 2], [false, 3]]);
    await view.close();
  });
});
