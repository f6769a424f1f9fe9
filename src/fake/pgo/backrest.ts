// The PGO fake's pgBackRest routes: POST /backrestbackup (CreateBackrestBackupRequest) and GET /backrest/{name}
// (ShowBackrestResponse with pgBackRest's own `info` JSON), shapes from the pgo 4.3.2 apiservermsgs
// backrestmsgs.go. A cluster starts with a full backup from its creation and a daily incremental since.
import type { FakeRequest, FakeResponse } from '../kit.js';
import type { PgoWorld, Route, RouteContext } from './routes.js';
import { goDecode } from './decode.js';
import type { FakePgCluster } from './model.js';
import { VERSION_MISMATCH_MSG } from './spec.js';

const CREATE = { Namespace: 'string', Args: 'string[]', Selector: 'string', BackupOpts: 'string', BackrestStorageType: 'string', ClientVersion: 'string' } as const;
const DAY = 86_400_000;
/** Seeded incrementals at most this many (one per day since creation). */
const SEEDED_MAX = 14;

interface FakeBackup {
  type: 'full' | 'incr' | 'diff';
  start: number;
  stop: number;
  size: number;
  label: string;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export function backrestRoutes(fake: PgoWorld): Route[] {
  const backups = new WeakMap<FakePgCluster, FakeBackup[]>();
  const listOf = (c: FakePgCluster): FakeBackup[] => {
    let list = backups.get(c);
    if (!list) {
      const created = Date.parse(c.createdAt);
      const fullStart = created; // the stanza and its first full backup come with the cluster
      const full: FakeBackup = { type: 'full', start: fullStart, stop: fullStart + 95_000, size: 31_000_000, label: `${stamp(fullStart)}F` };
      list = [full];
      const now = fake.clock.now();
      const days = Math.max(0, Math.min(SEEDED_MAX, Math.floor((now - fullStart) / DAY)));
      for (let d = days; d >= Math.max(1, c.backupsStoppedDaysAgo ?? 1); d--) {
        const start = now - d * DAY;
        list.push({ type: 'incr', start, stop: start + 12_000, size: 2_000_000 + d * 10_000, label: `${full.label}_${stamp(start)}I` });
      }
      backups.set(c, list);
    }
    return list;
  };
  const fail = (msg: string, key = 'Results') => fake.json({ [key]: [], Code: 'error', Msg: msg });

  function info(c: FakePgCluster) {
    const version = /-(\d+)\.\d+-/.exec(c.imageTag)?.[1] ?? '12';
    const db = { id: 1, 'system-id': 6800000000000000000 + (c.uid.charCodeAt(0) % 100), version };
    return {
      archive: [{ db, id: `${version}-1`, max: '000000010000000000000012', min: '000000010000000000000001' }],
      backup: listOf(c).map((b, i, all) => ({
        archive: { start: `0000000100000000000000${String(i * 2 + 1).padStart(2, '0')}`, stop: `0000000100000000000000${String(i * 2 + 2).padStart(2, '0')}` },
        backrest: { format: 5, version: '2.25' },
        database: { id: 1 },
        info: { delta: b.size, repository: { delta: Math.round(b.size / 4), size: Math.round(all[0]!.size / 4) }, size: all[0]!.size },
        label: b.label,
        prior: i === 0 ? '' : all[i - 1]!.label,
        reference: i === 0 ? [] : [all[0]!.label],
        timestamp: { start: Math.floor(b.start / 1000), stop: Math.floor(b.stop / 1000) },
        type: b.type,
      })),
      cipher: 'none',
      db: [db],
      name: 'db',
      status: { code: 0, message: 'ok' },
    };
  }

  function show(_ctx: RouteContext, req: FakeRequest): FakeResponse {
    const name = decodeURIComponent(req.path.split('/')[2] ?? '');
    const ns = req.query.get('namespace') ?? '';
    if (req.query.get('version') !== fake.serverVersion) return fail(VERSION_MISMATCH_MSG, 'Items');
    const nsErr = fake.namespaceError(ns);
    if (nsErr) return fail(nsErr, 'Items');
    const selector = req.query.get('selector') ?? '';
    const clusters = [...fake.clusters.values()].filter((c) => c.namespace === ns && (selector === '' ? name === 'all' || c.name === name : selector === `name=${c.name}`));
    return fake.json({ Items: clusters.map((c) => ({ Name: c.name, Info: [info(c)], StorageType: 'local' })), Code: 'ok', Msg: '' });
  }

  function create({ body }: RouteContext): FakeResponse {
    const r = goDecode(body, CREATE);
    if (r.ClientVersion !== fake.serverVersion) return fail(VERSION_MISMATCH_MSG);
    const nsErr = fake.namespaceError(r.Namespace);
    if (nsErr) return fail(nsErr);
    const names = r.Selector ? [...fake.clusters.values()].filter((c) => r.Selector === `name=${c.name}`).map((c) => c.name) : (r.Args ?? []);
    if (names.length === 0) return fake.json({ Results: ['no clusters found with that selector'], Code: 'ok', Msg: '' });
    const results: string[] = [];
    for (const n of names) {
      const c = fake.cluster(n, r.Namespace);
      if (!c) return fail(`pgclusters.crunchydata.com "${n}" not found`);
      if (c.shutdown) return fail(`Request rejected, unable to create backups for clusters ${n}: cluster is shutdown`);
      const type = /--type=(full|diff)/.exec(r.BackupOpts)?.[1] as 'full' | 'diff' | undefined;
      const now = fake.clock.now();
      const list = listOf(c);
      const full = type === 'full' ? undefined : list.filter((b) => b.type === 'full').at(-1)!;
      const letter = type === 'full' ? 'F' : type === 'diff' ? 'D' : 'I';
      list.push({ type: type ?? 'incr', start: now, stop: now + 10_000, size: 2_500_000, label: full ? `${full.label}_${stamp(now)}${letter}` : `${stamp(now)}F` });
      results.push(`created Pgtask backrest-backup-${c.name}`);
    }
    return fake.json({ Results: results, Code: 'ok', Msg: '' });
  }

  return [
    { path: /^\/backrestbackup$/, method: 'POST', perm: 'CreateBackup', run: create },
    { path: /^\/backrest\/[^/]+$/, method: 'GET', perm: 'ShowBackup', run: show },
  ];
}
