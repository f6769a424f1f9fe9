// The parts of a plan (docs/plans.md): impact labels, redaction, the curl line, and the journal file's rules
// (append-only 0600, rotated by size, a planted symlink refused, torn lines skipped).
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planOf } from '../../src/plan/build.js';
import { impactsOf } from '../../src/plan/impacts.js';
import { entryOf, JOURNAL_MAX_BYTES, openJournal, stateDir } from '../../src/plan/journal.js';
import { POSTMASTER_SETTINGS } from '../../src/plan/postmaster-settings.js';
import { MASK, redactBody, redactUrl } from '../../src/plan/redact.js';

const change = (key: string, from: string, to: string) => ({ key, label: key, from, to });
const kinds = (i: Array<{ kind: string }>) => i.map((x) => x.kind);

describe('impact labels', () => {
  it('knows at least 30 postmaster settings and labels them restart-required', () => {
    expect(POSTMASTER_SETTINGS.size).toBeGreaterThanOrEqual(30);
    for (const k of ['shared_buffers', 'max_connections', 'wal_level', 'max_wal_senders', 'shared_preload_libraries']) expect(POSTMASTER_SETTINGS.has(k), k).toBe(true);
    expect(kinds(impactsOf({ operation: 'updateSettings', changes: [change('work_mem', '4MB', '64MB')] }))).toEqual([]);
    expect(kinds(impactsOf({ operation: 'updateSettings', changes: [change('wal_level', 'replica', 'logical')] }))).toEqual(['restart-required']);
  });

  it('downtime for one instance, a version upgrade or a storage type; a storage shrink is refused; PUT replaces', () => {
    expect(kinds(impactsOf({ operation: 'update', changes: [change('instances', '3', '1')] }))).toEqual(['downtime']);
    expect(kinds(impactsOf({ operation: 'update', changes: [change('replicas', '2', '0')] }))).toEqual(['downtime']);
    expect(kinds(impactsOf({ operation: 'update', changes: [change('instances', '1', '3')] }))).toEqual([]);
    expect(kinds(impactsOf({ operation: 'update', changes: [change('version', '16', '17')] }))).toEqual(['downtime']);
    expect(kinds(impactsOf({ operation: 'update', changes: [change('storageType', 'HDD', 'SSD')] }))).toEqual(['downtime']);
    expect(kinds(impactsOf({ operation: 'update', changes: [change('storageSize', '100 GB', '50 GB')] }))).toEqual(['refused']);
    expect(kinds(impactsOf({ operation: 'update', changes: [change('pvcSize', '1Gi', '2Gi')] }))).toEqual([]);
    expect(kinds(impactsOf({ operation: 'update', changes: [], request: { method: 'PUT', url: 'https://x/clusters/1' } }))).toEqual(['replaces-object']);
  });

  it('delete, promote and reset are irreversible; restore in place too, into a new cluster not', () => {
    expect(kinds(impactsOf({ operation: 'remove', changes: [] }))).toEqual(['irreversible']);
    expect(kinds(impactsOf({ operation: 'restore', changes: [], request: { method: 'POST', url: 'https://x/clusters/1/restore' } }))).toEqual(['irreversible', 'downtime']);
    expect(kinds(impactsOf({ operation: 'restore', changes: [], request: { method: 'POST', url: 'https://x/postgres/1/restoredService' } }))).toEqual([]);
  });
});

describe('redaction', () => {
  it('masks secret keys at any depth, credentials in URLs, and secret fields in the changes', () => {
    const body = { properties: { name: 'a', credentials: { username: 'u', password: 'hunter2' } }, keySecret: 'k', token: 't', list: [{ apiKey: 'x' }] };
    const text = JSON.stringify(redactBody(body));
    for (const s of ['hunter2', '"k"', '"t"', '"x"']) expect(text).not.toContain(s);
    expect(text).toContain('"name":"a"');
    expect(redactUrl('https://me:pw@api.example.com/x?token=abc&page=2')).toBe(`https://api.example.com/x?token=${encodeURIComponent(MASK)}&page=2`);
    const plan = planOf({ operation: 'update', profile: { name: 'p', kind: 'k' }, cluster: { name: 'c' }, changes: [change('password', 'old-pw', 'new-pw')] }, { method: 'PATCH', url: 'https://u:pw@h/c', body: { password: 'new-pw' }, auth: 'basic' });
    expect(JSON.stringify(plan)).not.toMatch(/old-pw|new-pw|u:pw/);
    expect(plan.equivalent?.curl).toBe(`curl -X PATCH 'https://h/c' -u "$USERNAME:$PASSWORD" -H 'Content-Type: application/json' --data-raw '{"password":"${MASK}"}'`);
  });
});

describe('the plan', () => {
  it('keeps only the id and name of the cluster it is given (never its raw object), and the module\'s tool line', () => {
    const cluster = { id: 'c1', name: 'hippo', raw: { Users: [{ Password: 'raw-secret' }] }, location: 'pgo' };
    const plan = planOf({ operation: 'remove', profile: { name: 'lab', kind: 'pgo', namespace: 'pgo' } as never, cluster });
    expect(plan.cluster).toEqual({ id: 'c1', name: 'hippo' });
    expect(JSON.stringify(plan)).not.toContain('raw-secret');
    expect(plan.equivalent?.tool).toBe('pgo delete cluster c1 -n pgo --no-prompt');
  });
});

describe('the journal file', () => {
  const plan = planOf({ operation: 'restart', profile: { name: 'p', kind: 'k' }, cluster: { id: '1', name: 'c' } });

  it('lives in $XDG_STATE_HOME/pgtui when absolute, else ~/.local/state/pgtui', () => {
    expect(stateDir({ XDG_STATE_HOME: '/s', HOME: '/h' })).toBe('/s/pgtui');
    expect(stateDir({ XDG_STATE_HOME: 'rel', HOME: '/h' })).toBe('/h/.local/state/pgtui');
  });

  it('appends 0600 lines, rotates by size into one old file, and skips a torn line', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pgtui-journal-')), 'pgtui');
    const j = openJournal(dir);
    j.record(entryOf(plan, { ok: true }, { status: 200, requestId: 'req-1' }));
    expect(statSync(j.path).mode & 0o777).toBe(0o600);
    writeFileSync(j.path, readFileSync(j.path, 'utf8') + '{"torn', { mode: 0o600 });
    j.record(entryOf(plan, { ok: false, error: 'boom\nsecond line' }));
    expect(j.read().map((e) => [e.outcome, e.requestId, e.error])).toEqual([['ok', 'req-1', undefined], ['error', undefined, 'boom�second line']]);
    const big = { ...entryOf(plan, { ok: true }), summary: 'x'.repeat(4000) };
    for (let i = 0; i < (JOURNAL_MAX_BYTES / 4000) * 1.5; i++) j.record(big);
    expect(statSync(j.path).size).toBeLessThanOrEqual(JOURNAL_MAX_BYTES);
    expect(statSync(join(dir, 'journal.1.jsonl')).size).toBeLessThanOrEqual(JOURNAL_MAX_BYTES);
  });

  it('refuses a planted symlink instead of writing through it', () => {
    const root = mkdtempSync(join(tmpdir(), 'pgtui-journal-'));
    const dir = join(root, 'pgtui');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(root, 'elsewhere'), '');
    symlinkSync(join(root, 'elsewhere'), join(dir, 'journal.jsonl'));
    expect(() => openJournal(dir).record(entryOf(plan, { ok: true }))).toThrow(/symbolic link/);
    expect(readFileSync(join(root, 'elsewhere'), 'utf8')).toBe('');
  });
});
